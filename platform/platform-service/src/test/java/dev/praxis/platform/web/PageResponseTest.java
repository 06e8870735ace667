package dev.praxis.platform.web;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The total is counted only when the page cannot tell it, and is the same on every page of a 5-item list. */
class PageResponseTest {

    static final long ALL = 5;

    final AtomicInteger counts = new AtomicInteger();
    final LongSupplier countAll = () -> {
        counts.incrementAndGet();
        return ALL;
    };

    @Test
    void aPageThatIsNotFullAndNotPastTheEndTellsTheTotalItself() {
        assertThat(page(1, 10).total()).isEqualTo(ALL);
        assertThat(page(3, 2).total()).isEqualTo(ALL);
        assertThat(PageResponse.of(List.of(), countAll, new PageQuery(1, 10)).total()).as("an empty list").isZero();
        assertThat(counts).hasValue(0);
    }

    @Test
    void aFullPageOrOnePastTheEndIsCounted() {
        assertThat(page(1, 2).total()).isEqualTo(ALL);
        assertThat(page(1, 5).total()).isEqualTo(ALL);
        assertThat(page(4, 2).total()).isEqualTo(ALL);
        assertThat(page(4, 2).totalPages()).isEqualTo(3);
        assertThat(counts).hasValue(4);
    }

    /** Page {@code number} of a list of {@link #ALL} items, {@code size} per page. */
    private PageResponse<Integer> page(int number, int size) {
        PageQuery query = new PageQuery(number, size);
        int from = (int) Math.min(query.offset(), ALL);
        int to = (int) Math.min(query.offset() + size, ALL);
        List<Integer> items = from == to ? Collections.emptyList() : List.of(1, 2, 3, 4, 5).subList(from, to);
        return PageResponse.of(items, countAll, query);
    }
}
