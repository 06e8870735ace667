package dev.praxis.scheduling.web;

import java.util.Arrays;

/**
 * An enum whose API value ({@code no_show}) differs from its Java name ({@code NO_SHOW}). Its {@code @JsonValue}
 * serves JSON bodies; {@link WebConfiguration} binds query parameters by the same value.
 */
public interface ApiEnum {

    String value();

    static <E extends ApiEnum> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName()));
    }
}
