package dev.praxis.local;

import java.util.List;

/** A part of the stack did not come up; {@link #logTail()} holds the end of its log when it is a child process. */
public final class StackStartupException extends RuntimeException {

    private final List<String> logTail;

    StackStartupException(String message) {
        this(message, List.of(), null);
    }

    StackStartupException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    StackStartupException(String message, List<String> logTail, Throwable cause) {
        super(message, cause);
        this.logTail = List.copyOf(logTail);
    }

    public List<String> logTail() {
        return logTail;
    }
}
