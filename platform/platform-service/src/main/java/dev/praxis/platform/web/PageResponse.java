package dev.praxis.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.data.domain.Page;

import java.util.List;
import java.util.function.Function;

/** A PazPaz list page: {@code {"items", "total", "page", "page_size", "total_pages"}}. */
public record PageResponse<T>(
        @JsonProperty("items") List<T> items,
        @JsonProperty("total") long total,
        @JsonProperty("page") int page,
        @JsonProperty("page_size") int pageSize,
        @JsonProperty("total_pages") int totalPages) {

    public static <T> PageResponse<T> of(List<T> items, long total, PageQuery query) {
        int totalPages = (int) ((total + query.pageSize() - 1) / query.pageSize());
        return new PageResponse<>(List.copyOf(items), total, query.page(), query.pageSize(), totalPages);
    }

    public static <E, T> PageResponse<T> of(Page<E> page, PageQuery query, Function<E, T> mapper) {
        return of(page.getContent().stream().map(mapper).toList(), page.getTotalElements(), query);
    }
}
