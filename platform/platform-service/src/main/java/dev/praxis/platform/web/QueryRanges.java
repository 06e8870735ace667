package dev.praxis.platform.web;

import dev.praxis.contracts.web.ValidationError;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** Query parameters that bound a time range ({@code start_date}/{@code end_date} and the like). */
public final class QueryRanges {

    private QueryRanges() {
    }

    /** 422 on {@code endName} when both are given and the end comes before the start (an instant is a range). */
    public static void requireNotReversed(@Nullable Instant start, @Nullable Instant end, String startName,
                                          String endName) {
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiException.invalid(List.of(ValidationError.query(endName,
                    endName + " must not be before " + startName, "value_error")));
        }
    }

    /** 422 on {@code endName} when both are given and the end is not after the start. */
    public static void requireOrdered(@Nullable Instant start, @Nullable Instant end, String startName,
                                      String endName) {
        if (start != null && end != null && !end.isAfter(start)) {
            throw ApiException.invalid(List.of(ValidationError.query(endName, endName + " must be after " + startName,
                    "value_error")));
        }
    }
}
