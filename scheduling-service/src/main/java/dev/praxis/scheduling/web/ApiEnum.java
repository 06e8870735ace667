package dev.praxis.scheduling.web;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An enum whose API value ({@code no_show}) differs from its Java name ({@code NO_SHOW}). Its {@code @JsonValue}
 * serves JSON bodies; {@link WebConfiguration} binds query parameters by the same value.
 */
public interface ApiEnum {

    String value();

    static <E extends ApiEnum> E parse(Class<E> type, String value) {
        E constant = value == null ? null : type.cast(ByValue.CONSTANTS.get(type).get(value));
        if (constant == null) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName());
        }
        return constant;
    }

    /** Each enum's constants by API value, built once per type: parsing runs for every row a list reads. */
    final class ByValue {
        private static final ClassValue<Map<String, ApiEnum>> CONSTANTS = new ClassValue<>() {
            @Override
            protected Map<String, ApiEnum> computeValue(Class<?> type) {
                return Arrays.stream(type.getEnumConstants()).map(ApiEnum.class::cast)
                        .collect(Collectors.toUnmodifiableMap(ApiEnum::value, Function.identity()));
            }
        };

        private ByValue() {
        }
    }
}
