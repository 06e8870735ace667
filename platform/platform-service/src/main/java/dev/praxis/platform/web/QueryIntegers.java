package dev.praxis.platform.web;

import dev.praxis.contracts.web.ValidationError;

import java.util.List;

/** Bounded integer query parameters ({@code page}, {@code page_size}, {@code limit}, {@code offset}). */
final class QueryIntegers {

    private QueryIntegers() {
    }

    /**
     * The value, or {@code defaultValue} when absent; an empty, out-of-range or non-integer value adds a 422 entry
     * ({@code ?page=} is not the first page, as in the contracts' reference implementations).
     */
    static int parse(String raw, int defaultValue, String name, int min, int max, List<ValidationError> errors) {
        if (raw == null) {
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
