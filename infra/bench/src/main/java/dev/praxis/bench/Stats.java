package dev.praxis.bench;

import org.HdrHistogram.Histogram;

/** Latencies in microseconds; percentiles in milliseconds. */
final class Stats {

    final Histogram histogram = new Histogram(60_000_000L, 3);
    long errors;
    long count;
    double seconds;

    synchronized void record(long micros, boolean ok) {
        histogram.recordValue(Math.max(1, Math.min(micros, 60_000_000L)));
        count++;
        if (!ok) {
            errors++;
        }
    }

    synchronized double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double rps() {
        return seconds <= 0 ? 0 : count / seconds;
    }
}
