package dev.praxis.platform.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link Instant} exactly as {@link DateTimeFormatter#ISO_INSTANT} does ({@code 2027-03-01T09:00:00Z},
 * fractions in groups of three digits, only when non-zero), which is what Jackson writes by default, but with plain
 * digit arithmetic: the formatter's general machinery was ~5% of a calendar page's CPU under the benchmark
 * (infra/bench). Years outside 0000-9999 still go through the formatter.
 */
final class IsoInstantSerializer extends StdSerializer<Instant> {

    private static final long FIRST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long END_SECOND = LocalDateTime.of(10_000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    IsoInstantSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializationContext context) throws JacksonException {
        char[] text = new char[30];
        int length = format(value, text);
        if (length < 0) {
            generator.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
        } else {
            generator.writeString(text, 0, length);
        }
    }

    static String format(Instant value) {
        char[] text = new char[30];
        int length = format(value, text);
        return length < 0 ? DateTimeFormatter.ISO_INSTANT.format(value) : new String(text, 0, length);
    }

    /** The ISO form of {@code value} in {@code text}; its length, or -1 when the year has no four-digit form. */
    private static int format(Instant value, char[] text) {
        long seconds = value.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            return -1;
        }
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted), proleptic Gregorian.
        long shifted = days + 719_468;
        long era = Math.floorDiv(shifted, 146_097);
        long dayOfEra = shifted - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, month, 2);
        text[7] = '-';
        digits(text, 8, day, 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        int length = 19;
        int nanos = value.getNano();
        if (nanos != 0) {
            text[length++] = '.';
            if (nanos % 1_000_000 == 0) {
                length = digits(text, length, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                length = digits(text, length, nanos / 1_000, 6);
            } else {
                length = digits(text, length, nanos, 9);
            }
        }
        text[length++] = 'Z';
        return length;
    }

    /** {@code value} as exactly {@code count} decimal digits, zero-padded, at {@code offset}; the offset after them. */
    private static int digits(char[] text, int offset, int value, int count) {
        for (int i = offset + count - 1; i >= offset; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return offset + count;
    }
}
