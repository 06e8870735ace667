package dev.praxis.platform.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * PazPaz pagination parameters, {@code page} (1-based, default 1) and {@code page_size} (1..100, default 50).
 * Declare it as a controller method parameter; out-of-range values are answered with 422 before the method runs.
 */
public record PageQuery(int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 100;

    public PageQuery {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE || page < 1 || page > maxPage(pageSize)) {
            throw new IllegalArgumentException("page_size must be within 1.." + MAX_PAGE_SIZE
                    + " and page within 1..maxPage(page_size)");
        }
    }

    /**
     * The last page a query may ask for: its first row within an {@code int} (over two billion rows, past the end of
     * any list), which is what a Spring Data JPA page can start at.
     */
    public static int maxPage(int pageSize) {
        return (int) Math.min(Integer.MAX_VALUE, Integer.MAX_VALUE / pageSize + 1L);
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    public Pageable pageable(Sort sort) {
        return PageRequest.of(page - 1, pageSize, sort);
    }
}
