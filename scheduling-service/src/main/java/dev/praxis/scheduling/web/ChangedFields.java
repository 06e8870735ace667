package dev.praxis.scheduling.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Applies a partial update (PUT bodies) and collects the API names of the fields that really changed, for the
 * {@code *.updated} event's {@code fields} (names only, never values).
 * <ul>
 *   <li>{@link #value}: a required property; {@code null} (absent or JSON null) leaves it unchanged.</li>
 *   <li>{@link #clearable}: an optional property; {@code null} (absent) leaves it unchanged, {@code Optional.empty()}
 *   (JSON null) clears it.</li>
 * </ul>
 */
public final class ChangedFields {

    private final List<String> names = new ArrayList<>();

    public <T> ChangedFields value(String field, T value, Supplier<T> current, Consumer<T> setter) {
        return value == null ? this : apply(field, value, current, setter);
    }

    @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
    public <T> ChangedFields clearable(String field, Optional<T> value, Supplier<T> current, Consumer<T> setter) {
        return value == null ? this : apply(field, value.orElse(null), current, setter);
    }

    private <T> ChangedFields apply(String field, T value, Supplier<T> current, Consumer<T> setter) {
        if (!Objects.equals(value, current.get())) {
            setter.accept(value);
            names.add(field);
        }
        return this;
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    public boolean contains(String field) {
        return names.contains(field);
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    /** The names of the fields a create request set: {@code present("email", email, "phone", phone)}. */
    public static List<String> present(Object... namesAndValues) {
        List<String> present = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !(value instanceof Collection<?> collection && collection.isEmpty())) {
                present.add((String) namesAndValues[i]);
            }
        }
        return present;
    }
}
