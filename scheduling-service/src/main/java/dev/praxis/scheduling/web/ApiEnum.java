package dev.praxis.scheduling.web;

/**
 * An enum whose API value ({@code no_show}) differs from its Java name ({@code NO_SHOW}). Its {@code @JsonValue}
 * serves JSON bodies; {@link WebConfiguration} binds query parameters by the same value.
 */
public interface ApiEnum {

    String value();

    static <E extends ApiEnum> E parse(Class<E> type, String value) {
        E constant = value == null ? null : type.cast(ApiEnumValues.of(type).get(value));
        if (constant == null) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName());
        }
        return constant;
    }
}
