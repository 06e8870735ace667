package dev.praxis.platform.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantSerializerTest {

    @ParameterizedTest
    @ValueSource(strings = {"2027-03-01T09:00:00Z", "2026-11-22T04:09:12.555166Z", "2026-11-22T04:09:12.5Z",
            "2026-11-22T04:09:12.000000001Z", "2026-11-22T04:09:12.120Z", "1970-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T23:59:59Z", "1969-12-31T23:59:59.9Z"})
    void writesWhatTheIsoInstantFormatterWrites(String text) {
        Instant instant = Instant.parse(text);

        assertThat(IsoInstantSerializer.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    @Test
    void agreesWithTheFormatterOnAMillionRandomInstants() {
        SplittableRandom random = new SplittableRandom(42);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long end = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 1_000_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, end), nanos);
            String expected = DateTimeFormatter.ISO_INSTANT.format(instant);
            if (!IsoInstantSerializer.format(instant).equals(expected)) {
                assertThat(IsoInstantSerializer.format(instant)).as(expected).isEqualTo(expected);
            }
        }
    }

    @Test
    void yearsBeyondFourDigitsFallBackToTheFormatter() {
        Instant far = Instant.parse("+12345-06-07T08:09:10Z");
        Instant before = Instant.parse("-0001-12-31T23:59:59Z");

        assertThat(IsoInstantSerializer.format(far)).isEqualTo("+12345-06-07T08:09:10Z");
        assertThat(IsoInstantSerializer.format(before)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(before));
    }

    @Test
    void isWhatTheServicesJsonMapperUsesForInstants() {
        JsonMapper mapper = JsonMapper.builder().addModule(new JsonAutoConfiguration().praxisJsonModule()).build();

        assertThat(mapper.writeValueAsString(new Stamp(Instant.parse("2027-03-01T09:00:00.250Z"))))
                .isEqualTo("{\"at\":\"2027-03-01T09:00:00.250Z\"}");
    }

    record Stamp(Instant at) {
    }
}
