package dev.praxis.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.method.HandlerMethod;

/**
 * Which handlers the platform's interceptors apply to: a service's own, on the request's first dispatch; not
 * actuator's, springdoc's or an error dispatch.
 */
final class ServiceHandlers {

    private static final String OWN_PACKAGES = "dev.praxis.";

    private ServiceHandlers() {
    }

    /** @return the handler method when {@code handler} is a service's own and this its first dispatch, else null */
    static HandlerMethod own(HttpServletRequest request, Object handler) {
        return request.getDispatcherType() == DispatcherType.REQUEST && handler instanceof HandlerMethod method
                && method.getBeanType().getName().startsWith(OWN_PACKAGES) ? method : null;
    }
}
