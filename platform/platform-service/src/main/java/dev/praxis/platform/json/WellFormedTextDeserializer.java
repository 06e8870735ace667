package dev.praxis.platform.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * JSON text with an unpaired UTF-16 surrogate ({@code "\ud800"}, a broken emoji) is refused (422): PostgreSQL's driver
 * would store it as {@code ?}, and what the client sent would be silently lost.
 */
final class WellFormedTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String text = super.deserialize(parser, context);
        if (text != null && hasUnpairedSurrogate(text)) {
            return (String) context.handleWeirdStringValue(String.class, text,
                    "contains an unpaired UTF-16 surrogate (not valid Unicode text)");
        }
        return text;
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
