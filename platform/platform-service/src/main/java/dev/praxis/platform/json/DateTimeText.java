package dev.praxis.platform.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

import java.util.regex.Pattern;

/**
 * Dates and times arrive as ISO 8601 text, as the contracts have them. Jackson would also read a number as epoch
 * seconds ({@code 1700000000}, or {@code "1700000000"}, became 2023-11-14T22:13:20Z) and an array as a date
 * ({@code [2025,10,1]}): here these are type errors (422 at the field), like any other JSON type the contract does
 * not give.
 */
final class DateTimeText extends DelegatingDeserializer {

    /** What Jackson reads as epoch seconds once it has trimmed the text: {@code "1700000000"}, {@code ".5"}. */
    private static final Pattern EPOCH_NUMBER = Pattern.compile("[+-]?[0-9.]+");

    private DateTimeText(ValueDeserializer<?> delegate) {
        super(delegate);
    }

    @SuppressWarnings("unchecked")
    static <T> ValueDeserializer<T> of(ValueDeserializer<T> delegate) {
        return (ValueDeserializer<T>) new DateTimeText(delegate);
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
        return new DateTimeText(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return context.handleUnexpectedToken(handledType(), parser);
        }
        String text = parser.getString();
        if (EPOCH_NUMBER.matcher(text.trim()).matches()) {
            return context.handleWeirdStringValue(handledType(), text, "not an ISO 8601 date or time");
        }
        return super.deserialize(parser, context);
    }
}
