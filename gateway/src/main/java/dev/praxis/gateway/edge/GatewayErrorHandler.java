package dev.praxis.gateway.edge;

import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Every error raised while handling an exchange becomes the Praxis error body: no route (404), no instance (503),
 * a service that cannot be reached (503) or does not answer in time (504), a body too large (413). Never a stack trace,
 * never Boot's default error JSON. Runs before Boot's own handler (order -1).
 */
@Component
@Order(-2)
final class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ErrorResponses errors;

    GatewayErrorHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = statusOf(error);
        if (status.value() == 500) {
            log.error("request {} failed", RequestIds.of(exchange), error);
        } else if (status.is5xxServerError()) {
            log.warn("request {} {} {}: {}", RequestIds.of(exchange), exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), error.toString());
        }
        if (error instanceof ErrorResponse response) {
            exchange.getResponse().getHeaders().putAll(response.getHeaders());
        }
        return errors.write(exchange, status, detailOf(status));
    }

    static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ErrorResponse response) {
            return response.getStatusCode();
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
            if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
            if (cause instanceof PrematureCloseException) {
                return HttpStatus.BAD_GATEWAY;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    static String detailOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known != null ? known.getReasonPhrase() : "Error";
            }
        };
    }
}
