package dev.praxis.bench;

import org.HdrHistogram.Histogram;

/** Latencies in microseconds; percentiles in milliseconds. */
final class Stats {

    final Histogram histogram = new Histogram(60_000_000L, 3);
    /** Successful requests only: under overload the errors (503s shed at once) would hide how long the rest took. */
    final Histogram okHistogram = new Histogram(60_000_000L, 3);
    long errors;
    long count;
    double seconds;

    synchronized void record(long micros, boolean ok) {
        long value = Math.max(1, Math.min(micros, 60_000_000L));
        histogram.recordValue(value);
        count++;
        if (ok) {
            okHistogram.recordValue(value);
        } else {
            errors++;
        }
    }

    /** Adds another measurement of the same point: its latencies, counts and duration. */
    synchronized void add(Stats other) {
        synchronized (other) {
            histogram.add(other.histogram);
            okHistogram.add(other.okHistogram);
            count += other.count;
            errors += other.errors;
            seconds += other.seconds;
        }
    }

    synchronized double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    synchronized double okPercentileMillis(double percentile) {
        return okHistogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double rps() {
        return seconds <= 0 ? 0 : count / seconds;
    }
}
