package org.clientele.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The design's ratios, checked against the figures of one run (ratios stay meaningful on a shared machine). */
final class Targets {
    /** One target: what it demands, the measured value, the bound and whether it holds. */
    record Outcome(String target, String measured, boolean pass) {
    }

    private Targets() {
    }

    static List<Outcome> evaluate(List<StepResult> results) {
        List<Outcome> outcomes = new ArrayList<>();
        Optional<Double> ping = best(results, "ping", StepResult::callsPerSecond);
        Optional<Double> get = best(results, "getCustomers-1", StepResult::callsPerSecond);
        if (ping.isPresent() && get.isPresent()) {
            double ratio = get.get() / ping.get();
            outcomes.add(new Outcome("secured getCustomers(1 id) calls/s >= 50% of unsecured ping (best of each)",
                    String.format("%.0f / %.0f = %.1f%%", get.get(), ping.get(), 100 * ratio), ratio >= 0.5));
        }
        Optional<Double> one = best(results, "createCustomers-1", StepResult::recordsPerSecond);
        Optional<Double> batch = best(results, "createCustomers-200", StepResult::recordsPerSecond);
        if (one.isPresent() && batch.isPresent()) {
            double ratio = batch.get() / one.get();
            outcomes.add(new Outcome("createCustomers 200-item records/s >= 20x 1-item records/s (best of each)",
                    String.format("%.0f / %.0f = %.1fx", batch.get(), one.get(), ratio), ratio >= 20));
        }
        best(results, "getChanges-1000", StepResult::recordsPerSecond).ifPresent(changes -> outcomes.add(
                new Outcome("getChanges streams >= 20,000 changes/s (best)", String.format("%.0f changes/s", changes),
                        changes >= 20_000)));
        results.stream().filter(r -> r.scenario().equals("getCustomers-1") && r.clients() == 8).findFirst()
                .ifPresent(r -> outcomes.add(new Outcome("p99 of getCustomers(1 id) at 8 clients <= 20 ms",
                        String.format("%.1f ms", r.p99()), r.p99() <= 20)));
        return outcomes;
    }

    private static Optional<Double> best(List<StepResult> results, String scenario, ToDoubleFunction<StepResult> metric) {
        return results.stream().filter(r -> r.scenario().equals(scenario) && r.calls() > 0)
                .max(Comparator.comparingDouble(metric)).map(metric::applyAsDouble);
    }
}
