package dev.praxis.platform.web;

import dev.praxis.contracts.web.ValidationError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * An error a service answers on purpose. Rendered as {@code {"detail": ..., "request_id": ...}}; {@code detail} is a
 * message, a validation list, or a structured object a contract documents. Messages must never contain PHI.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final transient Object detail;
    private final HttpHeaders headers;

    public ApiException(HttpStatus status, Object detail) {
        this(status, detail, HttpHeaders.EMPTY);
    }

    public ApiException(HttpStatus status, Object detail, HttpHeaders headers) {
        super(detail instanceof String message ? message : status.getReasonPhrase(), null, false, false);
        this.status = status;
        this.detail = detail;
        this.headers = headers;
    }

    public static ApiException notFound(String resource) {
        return new ApiException(HttpStatus.NOT_FOUND, resource + " not found");
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    /** A 422 with the single-message form of {@code detail}, for rule violations that are not about one field. */
    public static ApiException unprocessable(String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }

    /** A 422 with the {@code loc/msg/type} list form of {@code detail}. */
    public static ApiException invalid(List<ValidationError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, List.copyOf(errors));
    }

    public static ApiException invalidField(String field, String msg, String type) {
        return invalid(List.of(ValidationError.body(field, msg, type)));
    }

    public HttpStatus status() {
        return status;
    }

    public Object detail() {
        return detail;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
