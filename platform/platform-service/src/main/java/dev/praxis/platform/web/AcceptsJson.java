package dev.praxis.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Iterator;
import java.util.List;

/**
 * A request whose {@code Accept} rules out JSON is refused (406) before its handler runs. Spring negotiates the
 * answer's type only when it writes it, after the handler's transaction has committed: a create sent with
 * {@code Accept: application/xml} was stored and answered 406, and a client that retried stored it twice. JSON ruled
 * out by name ({@code application/json;q=0}) stays ruled out whatever else is listed. Applies to the services' own
 * handlers that answer a body; {@code 204} handlers, actuator and springdoc negotiate as before.
 */
final class AcceptsJson implements HandlerInterceptor {

    private static final MediaType ANY_JSON = MediaType.valueOf("application/*+json");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        HandlerMethod method = ServiceHandlers.own(request, handler);
        if (method != null && !method.isVoid() && !acceptsJson(request.getHeaders(HttpHeaders.ACCEPT).asIterator())) {
            throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
        }
        return true;
    }

    /**
     * JSON by any name Spring's JSON converter writes ({@code application/json}, {@code application/*+json}); an
     * empty {@code Accept} accepts anything, as Spring reads it.
     */
    private static boolean acceptsJson(Iterator<String> acceptHeaders) {
        if (!acceptHeaders.hasNext()) {
            return true;
        }
        boolean accepted = false;
        boolean parsedNone = true;
        try {
            while (acceptHeaders.hasNext()) {
                for (MediaType type : MediaType.parseMediaTypes(acceptHeaders.next())) {
                    parsedNone = false;
                    boolean json = type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(ANY_JSON);
                    if (type.getQualityValue() == 0 && json && !type.isWildcardSubtype()) {
                        return false;
                    }
                    accepted |= json && type.getQualityValue() > 0;
                }
            }
            return accepted || parsedNone;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
