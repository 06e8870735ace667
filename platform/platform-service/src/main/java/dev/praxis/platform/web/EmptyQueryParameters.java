package dev.praxis.platform.web;

import dev.praxis.contracts.web.ValidationError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An empty typed query parameter ({@code ?client_id=}, {@code ?status=}, {@code ?is_active=}) is a 422 at that
 * parameter, as in the contracts' reference implementations (Pydantic), not the absence of a filter: Spring turns an
 * empty value into {@code null} or the parameter's default, so {@code GET /appointments?client_id=} answered every
 * appointment of the tenant where its client meant one client's. Text parameters keep their empty value; the page
 * and window parameters are checked where they are parsed ({@link QueryIntegers}).
 */
final class EmptyQueryParameters implements HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private record TypedParameter(String name, Class<?> type) {
    }

    private final Map<Method, List<TypedParameter>> typedParameters = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        HandlerMethod method = ServiceHandlers.own(request, handler);
        if (method == null || request.getQueryString() == null) {
            return true;
        }
        List<ValidationError> errors = new ArrayList<>();
        for (TypedParameter parameter : typedParameters.computeIfAbsent(method.getMethod(),
                ignored -> typedParameters(method))) {
            String[] values = request.getParameterValues(parameter.name());
            if (values != null && anyBlank(values)) {
                errors.add(ValidationError.query(parameter.name(), ApiExceptionHandler.expectation(parameter.type()),
                        "type_error"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return true;
    }

    private static List<TypedParameter> typedParameters(HandlerMethod method) {
        List<TypedParameter> typed = new ArrayList<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
            if (annotation == null || type == String.class || Map.class.isAssignableFrom(type)
                    || Collection.class.isAssignableFrom(type) || type.isArray() || MultipartFile.class == type
                    || Part.class == type) {
                continue;
            }
            String name = annotation.name();
            if (name.isEmpty()) {
                parameter.initParameterNameDiscovery(NAMES);
                name = parameter.getParameterName();
            }
            if (name != null) {
                typed.add(new TypedParameter(name, type));
            }
        }
        return List.copyOf(typed);
    }

    /**
     * Empty as Spring's converters see it: white space of any kind ({@code StringUtils.hasText}, {@code ?client_id=%E2%80%83})
     * or nothing once trimmed (control characters too, {@code ?status=%00}).
     */
    private static boolean anyBlank(String[] values) {
        for (String value : values) {
            if (value.isBlank() || value.trim().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
