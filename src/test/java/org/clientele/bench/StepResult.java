package org.clientele.bench;

/**
 * The figures of one scenario at one concurrency and data-set size: throughput, latency percentiles (ms), errors, and
 * the CPU milliseconds per call the server and the load driver spent in the measured window (NaN when unknown).
 */
record StepResult(String scenario, int clients, int customers, double seconds, long calls, long records, long errors,
                  double p50, double p95, double p99, double max, double serverCpuMs, double driverCpuMs) {

    double callsPerSecond() {
        return calls / seconds;
    }

    double recordsPerSecond() {
        return records / seconds;
    }
}
