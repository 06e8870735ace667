package dev.praxis.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.data.domain.Page;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

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

    /**
     * A page whose total is counted only when the page cannot tell it: a page that is not full and not past the end
     * is the last one, so its total is its offset plus its items (Spring Data's rule for its pages too). A list that
     * fits on one page then costs one query, not two.
     */
    public static <T> PageResponse<T> of(List<T> items, LongSupplier countAll, PageQuery query) {
        boolean lastPage = items.size() < query.pageSize() && (!items.isEmpty() || query.offset() == 0);
        return of(items, lastPage ? query.offset() + items.size() : countAll.getAsLong(), query);
    }

    public static <E, T> PageResponse<T> of(Page<E> page, PageQuery query, Function<E, T> mapper) {
        return of(page.getContent().stream().map(mapper).toList(), page.getTotalElements(), query);
    }
}
