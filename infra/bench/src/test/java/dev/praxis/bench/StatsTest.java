package dev.praxis.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatsTest {

    @Test
    void percentilesOfOneToAThousandMilliseconds() {
        Stats stats = new Stats();
        for (int ms = 1; ms <= 1000; ms++) {
            stats.record(ms * 1000L, ms != 1000);
        }
        assertThat(stats.percentileMillis(50)).isCloseTo(500, within(1.0));
        assertThat(stats.percentileMillis(95)).isCloseTo(950, within(1.0));
        assertThat(stats.percentileMillis(99)).isCloseTo(990, within(1.0));
        assertThat(stats.errors).isEqualTo(1);
        assertThat(stats.count).isEqualTo(1000);
    }

    @Test
    void jsonIsEscapedAndNested() {
        assertThat(Report.json(Map.of("a", List.of(1, "x\"y")))).isEqualTo("{\"a\":[1,\"x\\\"y\"]}");
    }
}
