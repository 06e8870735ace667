package dev.praxis.contracts.events;

/** The audit action of an event. */
public enum Action {
    CREATE, READ, UPDATE, DELETE, EXECUTE
}
