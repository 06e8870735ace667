package dev.praxis.platform.web;

import dev.praxis.contracts.web.ErrorBody;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page (errors raised outside Spring MVC, e.g. in a filter): the same error body as everywhere
 * else, never Boot's default attributes, never a stack trace.
 */
@Hidden
@RestController
class PraxisErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(PraxisErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ErrorBody> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof PayloadTooLargeException) {
            status = HttpStatus.CONTENT_TOO_LARGE;
        }
        if (status.is5xxServerError() && exception instanceof Throwable failure) {
            log.error("request failed outside the MVC handlers", failure);
        }
        String message = status.is5xxServerError() && status != HttpStatus.SERVICE_UNAVAILABLE
                ? "Internal server error" : status.getReasonPhrase();
        return ResponseEntity.status(status).body(new ErrorBody(message, RequestIds.current()));
    }
}
