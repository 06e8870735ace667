package dev.praxis.platform.outbox;

/** A record that is not a valid event envelope: never retried, parked on the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
