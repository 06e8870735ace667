package dev.praxis.contracts.web;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Every error answered by Praxis: {@code {"detail": ..., "request_id": ...}}. {@code detail} is a message, a list of
 * {@link ValidationError}s (422), or a structured object where a contract documents one (the appointment conflict).
 */
public record ErrorBody(@JsonProperty("detail") Object detail, @JsonProperty("request_id") String requestId) {

    public static ErrorBody of(String message, String requestId) {
        return new ErrorBody(message, requestId);
    }

    public static ErrorBody validation(List<ValidationError> errors, String requestId) {
        return new ErrorBody(List.copyOf(errors), requestId);
    }
}
