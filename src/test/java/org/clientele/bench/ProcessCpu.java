package org.clientele.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * CPU time used so far by the server (when it runs on this machine: the process started from the benchmark's WildFly
 * home) and by this load driver. Both share the machine's cores, so calls per second depend on what each call costs
 * the load driver too; the CPU per call of each side separates the two.
 */
final class ProcessCpu {
    private final Optional<ProcessHandle> server;

    private ProcessCpu(Optional<ProcessHandle> server) {
        this.server = server;
    }

    static ProcessCpu of(BenchConfig config) {
        String home = config.jbossHome();
        if (home.isBlank()) {
            return new ProcessCpu(Optional.empty());
        }
        String marker = "-Djboss.home.dir=" + home;
        return new ProcessCpu(ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> java.util.Arrays.asList(args).contains(marker))
                        .orElse(p.info().commandLine().map(c -> c.contains(marker)).orElse(false)))
                .findFirst());
    }

    /** The server's CPU time so far in nanoseconds, or -1 when the server is not a process of this machine. */
    long serverNanos() {
        return server.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
    }

    /** This load driver's CPU time so far in nanoseconds, or -1 when the platform does not tell. */
    static long driverNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** Milliseconds of CPU per call between two readings, NaN when either reading is missing or no call ended. */
    static double msPerCall(long before, long after, long calls) {
        return before < 0 || after < 0 || calls == 0 ? Double.NaN : (after - before) / 1e6 / calls;
    }
}
