package dev.praxis.platform.web;

import dev.praxis.contracts.web.ValidationError;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.ArrayList;
import java.util.List;

/** Binds {@link PageQuery} from {@code page} and {@code page_size}, answering 422 for anything out of range. */
class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public PageQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                     NativeWebRequest request, WebDataBinderFactory binderFactory) {
        List<ValidationError> errors = new ArrayList<>();
        int page = parse(request.getParameter("page"), 1, "page", 1, Integer.MAX_VALUE, errors);
        int pageSize = parse(request.getParameter("page_size"), PageQuery.DEFAULT_PAGE_SIZE, "page_size", 1,
                PageQuery.MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new PageQuery(page, pageSize);
    }

    private static int parse(String raw, int defaultValue, String name, int min, int max, List<ValidationError> errors) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            errors.add(ValidationError.query(name, "Input should be a valid integer", "type_error.integer"));
            return defaultValue;
        }
        if (value < min) {
            errors.add(ValidationError.query(name, "Input should be greater than or equal to " + min,
                    "value_error.number.not_ge"));
        } else if (value > max) {
            errors.add(ValidationError.query(name, "Input should be less than or equal to " + max,
                    "value_error.number.not_le"));
        }
        return value;
    }
}
