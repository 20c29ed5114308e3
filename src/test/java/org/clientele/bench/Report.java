package org.clientele.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Writes one run's figures as a console table, JSON and CSV. */
final class Report {
    /** Everything one run measured. */
    record Run(String started, String url, String machine, Loader.Loaded load, OptionalLong heapStart, OptionalLong heapEnd,
               List<StepResult> steps, List<Targets.Outcome> targets, int warmupSeconds, int measureSeconds, int customers) {
        long errors() {
            return steps.stream().mapToLong(StepResult::errors).sum();
        }
    }

    private Report() {
    }

    static String table(Run run) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Clientele benchmark %s against %s (%s)%n", run.started(), run.url(), run.machine()));
        out.append(String.format(Locale.ROOT, "data set: %d customers, %s%n", run.customers(), run.load().reused()
                ? "reused (already loaded)"
                : String.format(Locale.ROOT, "loaded %d in %.1f s = %.0f customers/s", run.load().written(),
                run.load().seconds(), run.load().perSecond())));
        out.append(String.format(Locale.ROOT, "steps: warm-up %d s, measured %d s%n", run.warmupSeconds(), run.measureSeconds()));
        out.append(String.format(Locale.ROOT, "%-20s %7s %9s %10s %8s %8s %8s %8s %6s%n",
                "scenario", "clients", "calls/s", "records/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"));
        for (StepResult r : run.steps()) {
            out.append(String.format(Locale.ROOT, "%-20s %7d %9.1f %10.1f %8.1f %8.1f %8.1f %8.1f %6d%n", r.scenario(),
                    r.clients(), r.callsPerSecond(), r.recordsPerSecond(), r.p50(), r.p95(), r.p99(), r.max(), r.errors()));
        }
        out.append(String.format(Locale.ROOT, "server heap after full GC: start %s, end %s%n", mb(run.heapStart()), mb(run.heapEnd())));
        out.append("design targets:\n");
        for (Targets.Outcome t : run.targets()) {
            out.append(String.format(Locale.ROOT, "  [%s] %s: %s%n", t.pass() ? "PASS" : "MISS", t.target(), t.measured()));
        }
        out.append(String.format(Locale.ROOT, "errors: %d%n", run.errors()));
        return out.toString();
    }

    static void write(Run run, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.csv"), csv(run));
        Files.writeString(dir.resolve("results.json"), json(run));
        Files.writeString(dir.resolve("results.txt"), table(run));
    }

    private static String csv(Run run) {
        StringBuilder out = new StringBuilder("scenario,clients,seconds,calls,records,calls_per_s,records_per_s,p50_ms,p95_ms,p99_ms,max_ms,errors\n");
        for (StepResult r : run.steps()) {
            out.append(String.format(Locale.ROOT, "%s,%d,%.0f,%d,%d,%.2f,%.2f,%.3f,%.3f,%.3f,%.3f,%d%n", r.scenario(), r.clients(),
                    r.seconds(), r.calls(), r.records(), r.callsPerSecond(), r.recordsPerSecond(), r.p50(), r.p95(), r.p99(),
                    r.max(), r.errors()));
        }
        return out.toString();
    }

    private static String json(Run run) {
        String steps = run.steps().stream().map(r -> String.format(Locale.ROOT,
                "    {\"scenario\": \"%s\", \"clients\": %d, \"seconds\": %.0f, \"calls\": %d, \"records\": %d, "
                        + "\"callsPerSecond\": %.2f, \"recordsPerSecond\": %.2f, \"p50Ms\": %.3f, \"p95Ms\": %.3f, "
                        + "\"p99Ms\": %.3f, \"maxMs\": %.3f, \"errors\": %d}",
                r.scenario(), r.clients(), r.seconds(), r.calls(), r.records(), r.callsPerSecond(), r.recordsPerSecond(),
                r.p50(), r.p95(), r.p99(), r.max(), r.errors())).collect(Collectors.joining(",\n"));
        String targets = run.targets().stream().map(t -> String.format(Locale.ROOT,
                "    {\"target\": \"%s\", \"measured\": \"%s\", \"pass\": %s}", t.target(), t.measured(), t.pass()))
                .collect(Collectors.joining(",\n"));
        return String.format(Locale.ROOT, "{%n  \"started\": \"%s\",%n  \"url\": \"%s\",%n  \"machine\": \"%s\",%n"
                        + "  \"warmupSeconds\": %d,%n  \"measureSeconds\": %d,%n"
                        + "  \"dataSet\": {\"customers\": %d, \"reused\": %s, \"loaded\": %d, \"loadSeconds\": %.1f, \"loadCustomersPerSecond\": %.1f},%n"
                        + "  \"heapAfterGcBytes\": {\"start\": %s, \"end\": %s},%n  \"errors\": %d,%n"
                        + "  \"steps\": [%n%s%n  ],%n  \"targets\": [%n%s%n  ]%n}%n",
                run.started(), run.url(), run.machine(), run.warmupSeconds(), run.measureSeconds(), run.customers(),
                run.load().reused(), run.load().written(), run.load().seconds(), run.load().perSecond(),
                bytes(run.heapStart()), bytes(run.heapEnd()), run.errors(), steps, targets);
    }

    private static String mb(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%.0f MB", bytes.getAsLong() / 1048576.0) : "n/a";
    }

    private static String bytes(OptionalLong bytes) {
        return bytes.isPresent() ? String.valueOf(bytes.getAsLong()) : "null";
    }
}
