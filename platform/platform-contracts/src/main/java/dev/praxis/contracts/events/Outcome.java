package dev.praxis.contracts.events;

/** Whether the audited operation succeeded. */
public enum Outcome {
    SUCCESS, FAILURE
}
