package dev.praxis.scheduling.web;

import jakarta.persistence.AttributeConverter;

/** Stores an {@link ApiEnum} by its API value, so the database reads like the API ({@code no_show}). */
public abstract class ApiEnumColumn<E extends Enum<E> & ApiEnum> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected ApiEnumColumn(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.value();
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : ApiEnum.parse(type, column);
    }
}
