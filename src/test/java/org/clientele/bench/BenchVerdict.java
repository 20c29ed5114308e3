package org.clientele.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Fails the Maven build (after the server was stopped) with the exit code the benchmark left in {@code verdict.txt}. */
public final class BenchVerdict {
    static final String FILE = "verdict.txt";

    private BenchVerdict() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench").resolve(FILE);
        int code = Files.exists(file) ? Integer.parseInt(Files.readString(file).strip()) : 1;
        if (code != 0) {
            System.out.println("Benchmark failed (exit code " + code + "): see its output above and " + file.getParent());
        }
        System.exit(code);
    }
}
