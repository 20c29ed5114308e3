package org.clientele.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;

/** The design's goals, checked against the figures of one run (ratios stay meaningful on a shared machine). */
final class Targets {
    /** One target: what it demands, the measured value, the bound and whether it holds. */
    record Outcome(String target, String measured, boolean pass) {
    }

    /** p99 of one growth scenario at one concurrency at the smallest and the largest size. */
    record Growth(String scenario, int clients, int small, int large, double p99Small, double p99Large) {
        double ratio() {
            return p99Small > 0 ? p99Large / p99Small : Double.NaN;
        }
    }

    static final double GROWTH_LIMIT = 2.0;

    private Targets() {
    }

    static List<Outcome> evaluate(List<StepResult> all, List<Growth> growth, List<Soak.Minute> soak, boolean postgres) {
        int largest = all.stream().mapToInt(StepResult::customers).max().orElse(0);
        List<StepResult> results = all.stream().filter(r -> r.customers() == largest).toList();
        List<Outcome> outcomes = new ArrayList<>();
        Optional<Double> ping = best(results, "ping", StepResult::callsPerSecond);
        Optional<Double> get = best(results, "getCustomers-1", StepResult::callsPerSecond);
        if (ping.isPresent() && get.isPresent()) {
            double ratio = get.get() / ping.get();
            // DESIGN section 6 (second round): 70 % on H2, 60 % on PostgreSQL, where every secured call also commits its nonce
            int goal = postgres ? 60 : 70;
            outcomes.add(new Outcome("secured getCustomers(1 id) calls/s >= " + goal + "% of unsecured ping (best of each)",
                    String.format(Locale.ROOT, "%.0f / %.0f = %.1f%%", get.get(), ping.get(), 100 * ratio), ratio >= goal / 100.0));
        }
        Optional<Double> one = best(results, "createCustomers-1", StepResult::recordsPerSecond);
        Optional<Double> batch = best(results, "createCustomers-200", StepResult::recordsPerSecond);
        if (one.isPresent() && batch.isPresent()) {
            double ratio = batch.get() / one.get();
            outcomes.add(new Outcome("createCustomers 200-item records/s >= 20x 1-item records/s (best of each)",
                    String.format(Locale.ROOT, "%.0f / %.0f = %.1fx", batch.get(), one.get(), ratio), ratio >= 20));
        }
        Optional<Double> jdbc = best(results, JdbcBaseline.NAME, StepResult::recordsPerSecond);
        Optional<Double> upsert = best(results, "upsertCustomers-200", StepResult::recordsPerSecond);
        if (jdbc.isPresent() && batch.isPresent()) {
            double ratio = batch.get() / jdbc.get();
            outcomes.add(new Outcome("createCustomers-200 records/s >= 50% of the JDBC baseline (best of each)",
                    String.format(Locale.ROOT, "%.0f / %.0f = %.1f%%", batch.get(), jdbc.get(), 100 * ratio), ratio >= 0.5));
        }
        if (jdbc.isPresent() && upsert.isPresent()) {
            double ratio = upsert.get() / jdbc.get();
            outcomes.add(new Outcome("upsertCustomers-200 records/s >= 40% of the JDBC baseline (best of each)",
                    String.format(Locale.ROOT, "%.0f / %.0f = %.1f%%", upsert.get(), jdbc.get(), 100 * ratio), ratio >= 0.4));
        }
        best(results, "getChanges-1000", StepResult::recordsPerSecond).ifPresent(changes -> outcomes.add(
                new Outcome("getChanges streams >= 20,000 changes/s (best)", String.format(Locale.ROOT, "%.0f changes/s", changes),
                        changes >= 20_000)));
        results.stream().filter(r -> r.scenario().equals("getCustomers-1") && r.clients() == 8).findFirst()
                .ifPresent(r -> outcomes.add(new Outcome("p99 of getCustomers(1 id) at 8 clients <= 20 ms",
                        String.format(Locale.ROOT, "%.1f ms", r.p99()), r.p99() <= 20)));
        results.stream().filter(r -> r.scenario().equals("getCampaignStatistics")).min(Comparator.comparingInt(StepResult::clients))
                .ifPresent(r -> outcomes.add(new Outcome("p99 of getCampaignStatistics at " + r.clients() + " client(s) <= 200 ms",
                        String.format(Locale.ROOT, "%.1f ms", r.p99()), r.p99() <= 200)));
        for (String scenario : growth.stream().map(Growth::scenario).distinct().toList()) {
            List<Growth> rows = growth.stream().filter(g -> g.scenario().equals(scenario)).toList();
            double worst = rows.stream().mapToDouble(Growth::ratio).max().orElse(Double.NaN);
            StringBuilder measured = new StringBuilder();
            for (Growth g : rows) {
                measured.append(measured.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%d cl. %.1f -> %.1f ms = %.2fx",
                        g.clients(), g.p99Small(), g.p99Large(), g.ratio()));
            }
            outcomes.add(new Outcome(String.format(Locale.ROOT, "p99 of %s at %,d customers <= 2x its p99 at %,d", scenario,
                    rows.get(0).large(), rows.get(0).small()), measured.toString(), worst <= GROWTH_LIMIT));
        }
        // minute 1 warms up; the second and the last minute are compared, so flatness needs three minutes
        if (soak.size() >= 3) {
            Soak.Minute second = soak.get(1);
            Soak.Minute last = soak.get(soak.size() - 1);
            OptionalLong h2 = second.heapAfterGc();
            OptionalLong hl = last.heapAfterGc();
            if (h2.isPresent() && hl.isPresent()) {
                double ratio = (double) hl.getAsLong() / h2.getAsLong();
                outcomes.add(new Outcome("soak: heap after GC in the last minute within 10% of the second",
                        String.format(Locale.ROOT, "%d -> %d MB = %+.1f%%", h2.getAsLong() / 1048576, hl.getAsLong() / 1048576,
                                100 * (ratio - 1)), Math.abs(ratio - 1) <= 0.10));
            }
            double p99 = last.p99() / second.p99();
            outcomes.add(new Outcome("soak: p99 flat (last minute within 25% of the second)",
                    String.format(Locale.ROOT, "%.1f -> %.1f ms = %+.1f%%", second.p99(), last.p99(), 100 * (p99 - 1)),
                    Math.abs(p99 - 1) <= 0.25));
        }
        if (!soak.isEmpty()) {
            long errors = soak.stream().mapToLong(Soak.Minute::errors).sum();
            outcomes.add(new Outcome("soak: zero errors", errors + " errors", errors == 0));
        }
        return outcomes;
    }

    /** Pairs each growth scenario's steps at the smallest and the largest size, per concurrency. */
    static List<Growth> growth(List<StepResult> results) {
        int small = results.stream().mapToInt(StepResult::customers).min().orElse(0);
        int large = results.stream().mapToInt(StepResult::customers).max().orElse(0);
        List<Growth> growth = new ArrayList<>();
        if (small == large) {
            return growth;
        }
        for (StepResult s : results) {
            if (s.customers() != small) {
                continue;
            }
            results.stream().filter(l -> l.customers() == large && l.scenario().equals(s.scenario()) && l.clients() == s.clients())
                    .findFirst().ifPresent(l -> growth.add(new Growth(s.scenario(), s.clients(), small, large, s.p99(), l.p99())));
        }
        return growth;
    }

    private static Optional<Double> best(List<StepResult> results, String scenario, ToDoubleFunction<StepResult> metric) {
        return results.stream().filter(r -> r.scenario().equals(scenario) && r.calls() > 0)
                .max(Comparator.comparingDouble(metric)).map(metric::applyAsDouble);
    }
}
