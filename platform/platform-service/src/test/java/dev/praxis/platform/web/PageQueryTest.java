package dev.praxis.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;

/** The last page a query may ask for starts within an int, whatever the page size; the one after it would not. */
class PageQueryTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 50, 100})
    void theLastPageStartsWithinAnInt(int pageSize) {
        int last = PageQuery.maxPage(pageSize);

        assertThat(last).isPositive();
        assertThat(new PageQuery(last, pageSize).pageable(Sort.unsorted()).getOffset()).isBetween(0L,
                (long) Integer.MAX_VALUE);
        if (last < Integer.MAX_VALUE) {
            assertThat((long) last * pageSize).as("the page after it starts beyond").isGreaterThan(Integer.MAX_VALUE);
        }
    }
}
