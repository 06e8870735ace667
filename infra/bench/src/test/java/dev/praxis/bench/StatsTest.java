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
    void slicesOfOnePointAddUp() {
        Stats first = new Stats();
        Stats second = new Stats();
        for (int ms = 1; ms <= 500; ms++) {
            first.record(ms * 1000L, true);
            second.record((ms + 500) * 1000L, ms != 500);
        }
        first.seconds = 1;
        second.seconds = 1.5;

        Stats merged = new Stats();
        merged.add(first);
        merged.add(second);

        assertThat(merged.count).isEqualTo(1000);
        assertThat(merged.errors).isEqualTo(1);
        assertThat(merged.seconds).isEqualTo(2.5);
        assertThat(merged.rps()).isEqualTo(400);
        assertThat(merged.percentileMillis(95)).isCloseTo(950, within(1.0));
        assertThat(merged.okPercentileMillis(100)).isCloseTo(999, within(1.0));
    }

    @Test
    void jsonIsEscapedAndNested() {
        assertThat(Report.json(Map.of("a", List.of(1, "x\"y")))).isEqualTo("{\"a\":[1,\"x\\\"y\"]}");
    }
}
