package dev.praxis.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Buffers each response up to a size before anything is sent. A JSON body that fits goes out whole: with a
 * {@code Content-Length}, or as one chunk where Spring flushes before the end ({@code ResponseEntity}). With the
 * servlet container's 8 KB buffer a 40 KB calendar page left as six chunks, and the gateway carried each one through
 * its own pipeline (infra/bench). Larger bodies still stream, in pieces of this size.
 */
class ResponseBufferFilter extends OncePerRequestFilter {

    private final int bufferSize;

    ResponseBufferFilter(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (response.getBufferSize() < bufferSize && !response.isCommitted()) {
            response.setBufferSize(bufferSize);
        }
        chain.doFilter(request, response);
    }
}
