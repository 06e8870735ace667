package dev.praxis.platform.web;

import dev.praxis.contracts.web.ValidationError;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.ArrayList;
import java.util.List;

/** Binds {@link ListWindow} from {@code limit} and {@code offset}, answering 422 for anything out of range. */
class ListWindowArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ListWindow.class;
    }

    @Override
    public ListWindow resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                      NativeWebRequest request, WebDataBinderFactory binderFactory) {
        List<ValidationError> errors = new ArrayList<>();
        int limit = QueryIntegers.parse(request.getParameter("limit"), ListWindow.DEFAULT_LIMIT, "limit", 1,
                ListWindow.MAX_LIMIT, errors);
        int offset = QueryIntegers.parse(request.getParameter("offset"), 0, "offset", 0, Integer.MAX_VALUE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ListWindow(limit, offset);
    }
}
