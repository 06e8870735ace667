package dev.praxis.platform.web;

import dev.praxis.contracts.web.PraxisHeaders;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.function.Function;

/**
 * Celuma list parameters, {@code limit} (1..500, default 100) and {@code offset} (&ge; 0, default 0). Declare it as a
 * controller method parameter; out-of-range values are answered with 422 before the method runs. A Celuma list answers
 * a JSON array with the total in {@code X-Total-Count}:
 * <pre>{@code
 * ResponseEntity<List<BranchSummary>> list(CurrentUser user, ListWindow window) {   // a GET handler
 *     return ListWindow.respond(branches.findByTenantId(user.tenantId(), window.pageable(Sort.by("code"))),
 *             BranchSummary::of);
 * }
 * }</pre>
 */
public record ListWindow(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public ListWindow {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + " and offset >= 0");
        }
    }

    /**
     * The window for a Spring Data query: {@code LIMIT limit OFFSET offset} in SQL, whether or not the offset is a
     * multiple of the limit. Sort by something unique (or end with a unique tie-breaker) so that windows never overlap.
     */
    public Pageable pageable(Sort sort) {
        return new OffsetPageable(offset, limit, sort);
    }

    /** A 200 with {@code items} as a JSON array and {@code total} (of the whole list) in {@code X-Total-Count}. */
    public static <T> ResponseEntity<List<T>> respond(List<T> items, long total) {
        return ResponseEntity.ok().header(PraxisHeaders.TOTAL_COUNT, Long.toString(total)).body(List.copyOf(items));
    }

    /** {@link #respond(List, long)} for a page queried with {@link #pageable(Sort)}, each row mapped to its body. */
    public static <E, T> ResponseEntity<List<T>> respond(Page<E> page, Function<E, T> mapper) {
        return respond(page.getContent().stream().map(mapper).toList(), page.getTotalElements());
    }

    /** A {@link Pageable} that starts at any row, not only at a multiple of its size. */
    private record OffsetPageable(long offset, int size, Sort sort) implements Pageable {

        @Override
        public int getPageNumber() {
            return (int) (offset / size);
        }

        @Override
        public int getPageSize() {
            return size;
        }

        @Override
        public long getOffset() {
            return offset;
        }

        @Override
        public Sort getSort() {
            return sort;
        }

        @Override
        public Pageable next() {
            return new OffsetPageable(offset + size, size, sort);
        }

        @Override
        public Pageable previousOrFirst() {
            return new OffsetPageable(Math.max(0, offset - size), size, sort);
        }

        @Override
        public Pageable first() {
            return new OffsetPageable(0, size, sort);
        }

        @Override
        public Pageable withPage(int pageNumber) {
            return new OffsetPageable((long) pageNumber * size, size, sort);
        }

        @Override
        public boolean hasPrevious() {
            return offset > 0;
        }
    }
}
