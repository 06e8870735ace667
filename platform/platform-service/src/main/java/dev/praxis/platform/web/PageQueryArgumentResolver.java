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
        int pageSize = QueryIntegers.parse(request.getParameter("page_size"), PageQuery.DEFAULT_PAGE_SIZE, "page_size", 1,
                PageQuery.MAX_PAGE_SIZE, errors);
        int page = QueryIntegers.parse(request.getParameter("page"), 1, "page", 1,
                PageQuery.maxPage(errors.isEmpty() ? pageSize : PageQuery.DEFAULT_PAGE_SIZE), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new PageQuery(page, pageSize);
    }
}
