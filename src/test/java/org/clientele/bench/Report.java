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
    record Run(String started, String url, String machine, List<Loader.Loaded> loads, CampaignFixture.Prepared campaign,
               OptionalLong heapStart, OptionalLong heapEnd, List<StepResult> steps, List<Targets.Growth> growth,
               List<Soak.Minute> soak, List<Targets.Outcome> targets, int warmupSeconds, int measureSeconds) {
        long errors() {
            return steps.stream().mapToLong(StepResult::errors).sum() + soak.stream().mapToLong(Soak.Minute::errors).sum();
        }
    }

    private Report() {
    }

    static String table(Run run) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Clientele benchmark %s against %s (%s)%n", run.started(), run.url(), run.machine()));
        for (Loader.Loaded load : run.loads()) {
            out.append(String.format(Locale.ROOT, "data set: %,d customers, %s%n", load.size(), load.reused()
                    ? "reused (already loaded)"
                    : String.format(Locale.ROOT, "loaded %,d in %.1f s = %.0f customers/s", load.written(),
                    load.seconds(), load.perSecond())));
        }
        if (run.campaign() != null) {
            out.append(String.format(Locale.ROOT, "campaign %d: %,d members, %s%n", run.campaign().campaignId(),
                    run.campaign().memberCustomerIds().length, run.campaign().reused() ? "reused"
                            : String.format(Locale.ROOT, "set up in %.1f s", run.campaign().seconds())));
        }
        out.append(String.format(Locale.ROOT, "steps: warm-up %d s, measured %d s%n", run.warmupSeconds(), run.measureSeconds()));
        out.append(String.format(Locale.ROOT, "%-28s %9s %7s %9s %10s %8s %8s %8s %8s %6s %9s %9s%n",
                "scenario", "customers", "clients", "calls/s", "records/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors",
                "srv CPU", "drv CPU"));
        for (StepResult r : run.steps()) {
            out.append(String.format(Locale.ROOT, "%-28s %9d %7d %9.1f %10.1f %8.1f %8.1f %8.1f %8.1f %6d %9s %9s%n", r.scenario(),
                    r.customers(), r.clients(), r.callsPerSecond(), r.recordsPerSecond(), r.p50(), r.p95(), r.p99(), r.max(),
                    r.errors(), cpu(r.serverCpuMs()), cpu(r.driverCpuMs())));
        }
        out.append("(srv CPU / drv CPU: CPU milliseconds per call of the server and of this load driver, which share the machine)\n");
        if (!run.growth().isEmpty()) {
            out.append("cost growth (p99 at the largest size / p99 at the smallest):\n");
            for (Targets.Growth g : run.growth()) {
                out.append(String.format(Locale.ROOT, "  %-28s %2d clients: %8.1f ms at %,d -> %8.1f ms at %,d = %5.2fx%n",
                        g.scenario(), g.clients(), g.p99Small(), g.small(), g.p99Large(), g.large(), g.ratio()));
            }
        }
        if (!run.soak().isEmpty()) {
            out.append("soak (per minute: calls, p50, p99, errors, server heap after full GC at the minute's end):\n");
            for (Soak.Minute m : run.soak()) {
                out.append(String.format(Locale.ROOT, "  minute %2d: %7d calls  p50 %7.1f ms  p99 %7.1f ms  errors %d  heap %s%n",
                        m.minute(), m.calls(), m.p50(), m.p99(), m.errors(), mb(m.heapAfterGc())));
            }
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
        StringBuilder out = new StringBuilder("scenario,customers,clients,seconds,calls,records,calls_per_s,records_per_s,p50_ms,p95_ms,p99_ms,max_ms,errors,"
                + "server_cpu_ms_per_call,driver_cpu_ms_per_call\n");
        for (StepResult r : run.steps()) {
            out.append(String.format(Locale.ROOT, "%s,%d,%d,%.0f,%d,%d,%.2f,%.2f,%.3f,%.3f,%.3f,%.3f,%d,%s,%s%n", r.scenario(),
                    r.customers(), r.clients(), r.seconds(), r.calls(), r.records(), r.callsPerSecond(), r.recordsPerSecond(),
                    r.p50(), r.p95(), r.p99(), r.max(), r.errors(), number(r.serverCpuMs()), number(r.driverCpuMs())));
        }
        return out.toString();
    }

    private static String json(Run run) {
        String loads = run.loads().stream().map(l -> String.format(Locale.ROOT,
                "    {\"customers\": %d, \"reused\": %s, \"loaded\": %d, \"loadSeconds\": %.1f, \"loadCustomersPerSecond\": %.1f}",
                l.size(), l.reused(), l.written(), l.seconds(), l.perSecond())).collect(Collectors.joining(",\n"));
        String steps = run.steps().stream().map(r -> String.format(Locale.ROOT,
                "    {\"scenario\": \"%s\", \"customers\": %d, \"clients\": %d, \"seconds\": %.0f, \"calls\": %d, \"records\": %d, "
                        + "\"callsPerSecond\": %.2f, \"recordsPerSecond\": %.2f, \"p50Ms\": %.3f, \"p95Ms\": %.3f, "
                        + "\"p99Ms\": %.3f, \"maxMs\": %.3f, \"errors\": %d, \"serverCpuMsPerCall\": %s, "
                        + "\"driverCpuMsPerCall\": %s}",
                r.scenario(), r.customers(), r.clients(), r.seconds(), r.calls(), r.records(), r.callsPerSecond(),
                r.recordsPerSecond(), r.p50(), r.p95(), r.p99(), r.max(), r.errors(), number(r.serverCpuMs()),
                number(r.driverCpuMs()))).collect(Collectors.joining(",\n"));
        String growth = run.growth().stream().map(g -> String.format(Locale.ROOT,
                "    {\"scenario\": \"%s\", \"clients\": %d, \"small\": %d, \"large\": %d, \"p99SmallMs\": %.3f, \"p99LargeMs\": %.3f, \"ratio\": %.3f}",
                g.scenario(), g.clients(), g.small(), g.large(), g.p99Small(), g.p99Large(), g.ratio())).collect(Collectors.joining(",\n"));
        String soak = run.soak().stream().map(m -> String.format(Locale.ROOT,
                "    {\"minute\": %d, \"calls\": %d, \"p50Ms\": %.3f, \"p99Ms\": %.3f, \"errors\": %d, \"heapAfterGcBytes\": %s}",
                m.minute(), m.calls(), m.p50(), m.p99(), m.errors(), bytes(m.heapAfterGc()))).collect(Collectors.joining(",\n"));
        String targets = run.targets().stream().map(t -> String.format(Locale.ROOT,
                "    {\"target\": \"%s\", \"measured\": \"%s\", \"pass\": %s}", t.target(), t.measured(), t.pass()))
                .collect(Collectors.joining(",\n"));
        return String.format(Locale.ROOT, "{%n  \"started\": \"%s\",%n  \"url\": \"%s\",%n  \"machine\": \"%s\",%n"
                        + "  \"warmupSeconds\": %d,%n  \"measureSeconds\": %d,%n  \"dataSets\": [%n%s%n  ],%n"
                        + "  \"heapAfterGcBytes\": {\"start\": %s, \"end\": %s},%n  \"errors\": %d,%n"
                        + "  \"steps\": [%n%s%n  ],%n  \"growth\": [%n%s%n  ],%n  \"soak\": [%n%s%n  ],%n  \"targets\": [%n%s%n  ]%n}%n",
                run.started(), run.url(), run.machine(), run.warmupSeconds(), run.measureSeconds(), loads,
                bytes(run.heapStart()), bytes(run.heapEnd()), run.errors(), steps, growth, soak, targets);
    }

    private static String cpu(double ms) {
        return Double.isNaN(ms) ? "n/a" : String.format(Locale.ROOT, "%.2f ms", ms);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String mb(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%.0f MB", bytes.getAsLong() / 1048576.0) : "n/a";
    }

    private static String bytes(OptionalLong bytes) {
        return bytes.isPresent() ? String.valueOf(bytes.getAsLong()) : "null";
    }
}
