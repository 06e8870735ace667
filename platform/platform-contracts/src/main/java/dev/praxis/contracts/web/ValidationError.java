package dev.praxis.contracts.web;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** One entry of a 422 body: where ({@code ["body","email"]}), what, and a machine-readable type. */
public record ValidationError(@JsonProperty("loc") List<Object> loc, @JsonProperty("msg") String msg,
                              @JsonProperty("type") String type) {

    public static ValidationError body(String field, String msg, String type) {
        return new ValidationError(List.of("body", field), msg, type);
    }

    public static ValidationError query(String parameter, String msg, String type) {
        return new ValidationError(List.of("query", parameter), msg, type);
    }

    public static ValidationError path(String variable, String msg, String type) {
        return new ValidationError(List.of("path", variable), msg, type);
    }
}
