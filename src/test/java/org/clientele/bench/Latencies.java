package org.clientele.bench;

import java.util.Arrays;

/** Records latencies in microseconds and gives exact percentiles (every sample is kept; a step has at most a few hundred thousand). */
final class Latencies {
    private long[] samples = new long[4096];
    private int count;

    void record(long micros) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = micros;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            record(other.samples[i]);
        }
    }

    int count() {
        return count;
    }

    /** The value at the given percentile (0–100) in milliseconds, nearest-rank; 0 without samples. */
    double percentileMillis(double percentile) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1000.0;
    }
}
