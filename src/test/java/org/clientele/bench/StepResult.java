package org.clientele.bench;

/** The figures of one scenario at one concurrency and data-set size: throughput, latency percentiles (ms) and errors. */
record StepResult(String scenario, int clients, int customers, double seconds, long calls, long records, long errors,
                  double p50, double p95, double p99, double max) {

    double callsPerSecond() {
        return calls / seconds;
    }

    double recordsPerSecond() {
        return records / seconds;
    }
}
