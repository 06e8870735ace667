package dev.praxis.platform.web;

import dev.praxis.contracts.web.ErrorBody;
import dev.praxis.contracts.web.ValidationError;
import dev.praxis.platform.database.DatabaseFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure Spring MVC can raise into the Praxis error body (DESIGN.md section 3, Errors). Messages are
 * generic or derived from types and field names, never from submitted values, so no PHI is ever echoed; unexpected
 * failures are logged with the request id and answered with a bare 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String DATA_EXCEPTION_CLASS = "22";
    private static final String CHECK_VIOLATION = "23514";
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> api(ApiException ex) {
        return respond(ex.status(), ex.detail(), ex.headers());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorBody> invalidBody(MethodArgumentNotValidException ex) {
        List<ValidationError> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new ValidationError(bodyLocation(error.getField()), message(error), type(error.getCode())));
        }
        for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
            errors.add(new ValidationError(List.of("body"), message(error), type(error.getCode())));
        }
        return invalid(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorBody> invalidParameters(HandlerMethodValidationException ex) {
        List<ValidationError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            List<Object> loc = parameterLocation(result.getMethodParameter());
            result.getResolvableErrors().forEach(error -> errors.add(new ValidationError(loc,
                    error.getDefaultMessage() != null ? error.getDefaultMessage() : "Invalid value",
                    type(error.getCodes() != null && error.getCodes().length > 0
                            ? lastSegment(error.getCodes()[error.getCodes().length - 1]) : null))));
        });
        return invalid(errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ErrorBody> constraintViolation(ConstraintViolationException ex) {
        List<ValidationError> errors = ex.getConstraintViolations().stream()
                .map(violation -> new ValidationError(bodyLocation(violation.getPropertyPath().toString()),
                        violation.getMessage(), type(violation.getConstraintDescriptor().getAnnotation()
                        .annotationType().getSimpleName())))
                .toList();
        return invalid(errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadableBody(HttpMessageNotReadableException ex) {
        if (findCause(ex, PayloadTooLargeException.class) != null) {
            return respond(HttpStatus.CONTENT_TOO_LARGE, "Request body too large");
        }
        MismatchedInputException mismatch = findCause(ex, MismatchedInputException.class);
        if (mismatch != null) {
            List<Object> loc = bodyPath(mismatch);
            if (loc.size() == 1 && mismatch.getTargetType() != null && !isRecordOrBean(mismatch.getTargetType())) {
                return invalid(List.of(new ValidationError(loc, "Input should be a JSON object", "model_type")));
            }
            return invalid(List.of(new ValidationError(loc, expectation(mismatch.getTargetType()), "type_error")));
        }
        JacksonException jackson = findCause(ex, JacksonException.class);
        if (jackson != null) {
            // Well-formed JSON, a number too large for its field: {"default_duration_minutes": 99999999999}.
            if (jackson instanceof InputCoercionException outOfRange && !jackson.getPath().isEmpty()) {
                return invalid(List.of(new ValidationError(bodyPath(jackson),
                        "Input is out of range for " + numberName(outOfRange.getTargetType()),
                        "value_error.number.out_of_range")));
            }
            if (findCause(ex, IllegalArgumentException.class) != null && !jackson.getPath().isEmpty()) {
                return invalid(List.of(new ValidationError(bodyPath(jackson), "Invalid value", "value_error")));
            }
            return respond(HttpStatus.BAD_REQUEST, "Malformed JSON body");
        }
        return invalid(List.of(new ValidationError(List.of("body"), "Field required", "missing")));
    }

    /** Tomcat could not decode the query string or form (percent-escapes that are not UTF-8, for one). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ErrorBody> undecodableParameters(InvalidParameterException ex) {
        return respond(HttpStatus.BAD_REQUEST, "Malformed request");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return invalid(List.of(new ValidationError(parameterLocation(ex.getParameter()),
                expectation(ex.getRequiredType()), "type_error")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException ex) {
        return invalid(List.of(ValidationError.query(ex.getParameterName(), "Field required", "missing")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ErrorBody> missingPart(MissingServletRequestPartException ex) {
        return invalid(List.of(ValidationError.body(ex.getRequestPartName(), "Field required", "missing")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorBody> missingHeader(MissingRequestHeaderException ex) {
        return invalid(List.of(new ValidationError(List.of("header", ex.getHeaderName()), "Field required", "missing")));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ErrorBody> noRoute(Exception ex) {
        return respond(HttpStatus.NOT_FOUND, "Not Found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> wrongMethod(HttpRequestMethodNotSupportedException ex) {
        HttpHeaders headers = new HttpHeaders();
        if (ex.getSupportedHttpMethods() != null) {
            headers.setAllow(ex.getSupportedHttpMethods());
        }
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed", headers);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> wrongMediaType(HttpMediaTypeNotSupportedException ex) {
        String supported = ex.getSupportedMediaTypes().stream().map(Object::toString).distinct()
                .collect(Collectors.joining(", "));
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                supported.isEmpty() ? "Unsupported media type" : "Unsupported media type; use " + supported);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
        return respond(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable");
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, PayloadTooLargeException.class})
    ResponseEntity<ErrorBody> tooLarge(Exception ex) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "Request body too large");
    }

    /**
     * What the database refused. A value it cannot store (SQLState class 22: a NUL character, a year outside its
     * range) or one a check constraint rules out (23514) is the request's fault, 422; a unique, exclusion or foreign
     * key violation conflicts with what is stored, 409.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ErrorBody> integrity(DataIntegrityViolationException ex, HttpServletRequest request) {
        SQLException sql = findCause(ex, SQLException.class);
        String sqlState = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (sqlState.startsWith(DATA_EXCEPTION_CLASS) || sqlState.equals(CHECK_VIOLATION)) {
            log.info("value the database refused (SQLState {}) answered with 422", sqlState);
            String location = BODY_METHODS.contains(request.getMethod()) ? "body" : "query";
            return invalid(List.of(new ValidationError(List.of(location), "Invalid value", "value_error")));
        }
        log.info("data integrity violation (SQLState {}) answered with 409", sqlState);
        return respond(HttpStatus.CONFLICT, "Conflicts with existing data");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ErrorBody> concurrentChange(OptimisticLockingFailureException ex) {
        return respond(HttpStatus.CONFLICT, "The resource was changed concurrently; reload it and try again");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ErrorBody> forbidden(Exception ex) {
        return respond(HttpStatus.FORBIDDEN, "Not allowed");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ErrorBody> unauthenticated(AuthenticationException ex) {
        return respond(HttpStatus.UNAUTHORIZED, "Not authenticated", bearerChallenge());
    }

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, AsyncRequestTimeoutException.class})
    ResponseEntity<ErrorBody> unavailable(Exception ex) {
        if (ex instanceof PessimisticLockingFailureException || ex instanceof QueryTimeoutException) {
            log.warn("transient database failure: {}", ex.getClass().getSimpleName());
        } else {
            log.error("dependency unavailable: {}", ex.getClass().getSimpleName());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable", headers);
    }

    /**
     * Spring's own status-carrying exceptions ({@code ResponseStatusException} and friends), a database out of reach
     * under any other wrapper (a connection lost at commit), then anything else.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception ex) {
        if (ex instanceof ErrorResponse error) {
            HttpStatus status = HttpStatus.resolve(error.getStatusCode().value());
            if (status != null && !status.is5xxServerError()) {
                return respond(status, ex instanceof ResponseStatusException rse && rse.getReason() != null
                        ? rse.getReason() : status.getReasonPhrase(), error.getHeaders());
            }
        }
        if (DatabaseFailures.unavailable(ex)) {
            return unavailable(ex);
        }
        log.error("unexpected failure", ex);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error");
    }

    static HttpHeaders bearerChallenge() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return headers;
    }

    private static ResponseEntity<ErrorBody> invalid(List<ValidationError> errors) {
        return respond(HttpStatus.UNPROCESSABLE_CONTENT, errors);
    }

    private static ResponseEntity<ErrorBody> respond(HttpStatus status, Object detail) {
        return respond(status, detail, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<ErrorBody> respond(HttpStatus status, Object detail, HttpHeaders headers) {
        // Set, not negotiated: an error answers JSON whatever the request's Accept header says (else 406, empty).
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(detail, RequestIds.current()));
    }

    /** {@code address.lineOne} and {@code tags[2]} become {@code ["body","address","line_one"]} and {@code ["body","tags",2]}. */
    static List<Object> bodyLocation(String propertyPath) {
        List<Object> loc = new ArrayList<>();
        loc.add("body");
        for (String part : propertyPath.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                loc.add(snakeCase(part.substring(0, bracket)));
                String index = part.substring(bracket + 1, part.indexOf(']', bracket));
                loc.add(index.chars().allMatch(Character::isDigit) && !index.isEmpty() ? Integer.parseInt(index) : index);
            } else if (!part.isEmpty()) {
                loc.add(snakeCase(part));
            }
        }
        return loc;
    }

    private static List<Object> parameterLocation(MethodParameter parameter) {
        if (parameter == null) {
            return List.of("query");
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null) {
            return List.of("path", firstNonEmpty(path.name(), path.value(), parameter.getParameterName()));
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            return List.of("header", firstNonEmpty(header.name(), header.value(), parameter.getParameterName()));
        }
        var param = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        String name = param != null ? firstNonEmpty(param.name(), param.value(), parameter.getParameterName())
                : parameter.getParameterName();
        return List.of("query", name != null ? name : "value");
    }

    private static String firstNonEmpty(String... candidates) {
        return Arrays.stream(candidates).filter(c -> c != null && !c.isEmpty()).findFirst().orElse("value");
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String message(ObjectError error) {
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "Invalid value";
    }

    private static String type(String constraint) {
        if (constraint == null) {
            return "value_error";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty", "Visible" -> "missing";
            case "Email" -> "value_error.email";
            case "Size", "Length" -> "value_error.length";
            case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero",
                 "Range" -> "value_error.number";
            case "Pattern" -> "value_error.pattern";
            default -> "value_error." + snakeCase(constraint);
        };
    }

    private static String lastSegment(String code) {
        int dot = code.lastIndexOf('.');
        return dot >= 0 ? code.substring(dot + 1) : code;
    }

    private static List<Object> bodyPath(JacksonException e) {
        List<Object> loc = new ArrayList<>(List.of("body"));
        e.getPath().forEach(ref -> loc.add(ref.getPropertyName() != null ? ref.getPropertyName() : ref.getIndex()));
        return loc;
    }

    private static String numberName(Class<?> type) {
        return type == Integer.class || type == int.class ? "an integer (32 bits)"
                : type == Long.class || type == long.class ? "an integer (64 bits)" : "this number";
    }

    static String expectation(Class<?> type) {
        if (type == null) {
            return "Invalid value";
        }
        if (type == UUID.class) {
            return "Input should be a valid UUID";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "Input should be an ISO-8601 datetime with a timezone offset (e.g. 2025-01-15T10:00:00Z)";
        }
        if (type == LocalDate.class) {
            return "Input should be a valid date (YYYY-MM-DD)";
        }
        if (type.isEnum()) {
            return "Input should be one of: " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.toString()).collect(Collectors.joining(", "));
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Input should be a valid boolean";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "Input should be a valid number";
        }
        if (type == String.class) {
            return "Input should be a valid string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "Input should be a valid list";
        }
        return "Input should be a valid " + snakeCase(type.getSimpleName()).replace('_', ' ');
    }

    private static boolean isRecordOrBean(Class<?> type) {
        return type.isRecord() || (!type.isPrimitive() && !type.getName().startsWith("java."));
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
