package dev.praxis.scheduling.web;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Each {@link ApiEnum}'s constants by API value, built once per type: parsing runs for every row a list reads. */
final class ApiEnumValues {

    private static final ClassValue<Map<String, ApiEnum>> BY_VALUE = new ClassValue<>() {
        @Override
        protected Map<String, ApiEnum> computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants()).map(ApiEnum.class::cast)
                    .collect(Collectors.toUnmodifiableMap(ApiEnum::value, Function.identity()));
        }
    };

    private ApiEnumValues() {
    }

    static Map<String, ApiEnum> of(Class<? extends ApiEnum> type) {
        return BY_VALUE.get(type);
    }
}
