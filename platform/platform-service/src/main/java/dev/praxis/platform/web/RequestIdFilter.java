package dev.praxis.platform.web;

import dev.praxis.contracts.web.PraxisHeaders;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Gives every request an id: the caller's {@code X-Request-ID} when it is sane, else a new one. The id is echoed in the
 * response, put in the logging MDC and tagged on the current trace span.
 */
class RequestIdFilter extends OncePerRequestFilter {

    /** Looked up once: resolving the provider on every request was ~2% of a request's CPU (infra/bench). */
    private final Supplier<Tracer> tracer;

    RequestIdFilter(ObjectProvider<Tracer> tracer) {
        this.tracer = SingletonSupplier.of(tracer::getIfAvailable);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(PraxisHeaders.REQUEST_ID);
        String requestId = PraxisHeaders.isSaneRequestId(incoming) ? incoming : UUID.randomUUID().toString();
        response.setHeader(PraxisHeaders.REQUEST_ID, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        Tracer currentTracer = tracer.get();
        Span span = currentTracer == null ? null : currentTracer.currentSpan();
        if (span != null) {
            span.tag("request_id", requestId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
