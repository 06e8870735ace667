package dev.praxis.platform.web;

import dev.praxis.contracts.web.ErrorBody;
import dev.praxis.contracts.web.PraxisHeaders;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** Writes the error body straight to a servlet response, for places outside Spring MVC (security, error page). */
public final class ErrorResponseWriter {

    private final JsonMapper jsonMapper;

    public ErrorResponseWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public void write(HttpServletResponse response, HttpStatus status, Object detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        String requestId = response.getHeader(PraxisHeaders.REQUEST_ID);
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(jsonMapper.writeValueAsString(
                new ErrorBody(detail, requestId != null ? requestId : RequestIds.current())));
        response.flushBuffer();
    }
}
