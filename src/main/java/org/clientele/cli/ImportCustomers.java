package org.clientele.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.clientele.ws.customer.CustomerKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clientele import customers FILE.csv}: upserts every row by its external key, in batches with idempotency
 * keys derived from the file, so that a run that was stopped resumes without duplicates when started again.
 */
@Command(name = "customers", mixinStandardHelpOptions = true,
        description = {"Create or update customers from a CSV file, identified by an external key.",
                "A column named like a field feeds it (name, email, phone, kind, status, segment, owner, externalKeys,"
                        + " address.line1, address.city, address.countryCode, ..., contact.lastName, contact.email, ...);"
                        + " --map field=column names others.",
                "Rows that cannot be imported are written to FILE.rejects.csv.",
                "After an interruption run the same command again: finished batches are not applied twice."})
final class ImportCustomers implements Callable<Integer> {
    static final int MAX_BATCH = 200;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "FILE.csv", description = "The CSV file (first line: column names).")
    Path file;

    @Option(names = "--system", required = true, description = "External system the keys belong to, e.g. ERP.")
    String system;

    @Option(names = "--key-column", required = true, description = "Column holding each row's key in that system.")
    String keyColumn;

    @Option(names = "--map", split = ",", paramLabel = "FIELD=COLUMN",
            description = "Take a field from a differently named column, e.g. --map name=company_name,email=mail.")
    Map<String, String> map = new LinkedHashMap<>();

    @Option(names = "--default-kind", defaultValue = "ORGANIZATION",
            description = "Kind of rows without a kind column/value: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    CustomerKind defaultKind;

    @Option(names = "--parallel", defaultValue = "4", description = "Batches sent at the same time (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--batch-size", defaultValue = "200", description = "Rows per batch, 1-200 (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--charset", defaultValue = "UTF-8", description = "The file's encoding (default ${DEFAULT-VALUE}).")
    Charset charset;

    @Option(names = "--delimiter", defaultValue = ",", description = "Field delimiter (default '${DEFAULT-VALUE}').")
    char delimiter;

    @Option(names = "--retries", defaultValue = "5",
            description = "Retries of a batch after a network error or a retryable fault (default ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--progress", defaultValue = "auto",
            description = "auto (a bar on a terminal, log lines otherwise), bar, log or none.")
    String progressMode;

    @Option(names = "--log-interval", defaultValue = "5",
            description = "Seconds between progress lines when not on a terminal (default ${DEFAULT-VALUE}).")
    int logInterval;

    @Override
    public Integer call() throws IOException {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new CliException(ClienteleCli.EXIT_USAGE, "--batch-size must be 1 to " + MAX_BATCH);
        }
        PrintStream out = System.out;
        byte[] content = Files.readAllBytes(file);
        CsvTable table;
        RowMapper mapper;
        List<RowMapper.MappedRow> rows = new ArrayList<>();
        try {
            table = new CsvParser(delimiter, charset).parse(content);
            mapper = new RowMapper(table.header(), system, keyColumn, map, defaultKind);
        } catch (CsvFormatException e) {
            System.err.println(file + " cannot be imported; nothing was sent:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return ClienteleCli.EXIT_USAGE;
        }
        for (CsvTable.Row row : table.rows()) {
            rows.add(mapper.map(row));
        }
        long invalid = rows.stream().filter(r -> !r.valid()).count();
        out.printf("%s: %,d rows, %,d to send, %,d rejected before sending%n", file, rows.size(), rows.size() - invalid,
                invalid);
        if (!mapper.ignoredColumns().isEmpty()) {
            out.println("ignored columns: " + String.join(", ", mapper.ignoredColumns()));
        }
        String runKey = runKey(content);
        Connection conn = new Connection(connection);
        Importer importer = new Importer(conn::customers, parallel, batchSize, runKey, clientSystem(), retries,
                field -> mapper.columnFor(field), out);
        Thread onInterrupt = new Thread(() -> System.err.printf("%ninterrupted after %,d batches; run the same command"
                + " again to resume (batches already applied are not applied twice)%n", importer.batchesDone()));
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        long started = System.nanoTime();
        Importer.Result result;
        PrintStream progressOut = "none".equals(progressMode) ? new PrintStream(OutputStream.nullOutputStream()) : out;
        try (Progress progress = new Progress("imported", rows.size(), progressOut, terminal(),
                Math.max(1, logInterval))) {
            result = importer.run(rows, progress);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook runs and says how to resume
            }
        }
        Path rejects = rejectsFile(file);
        if (result.rejects().isEmpty()) {
            Files.deleteIfExists(rejects);
        } else {
            writeRejects(rejects, result.rejects());
        }
        out.printf("done in %.1f s: %,d created, %,d updated, %,d rejected; %,d batches (%,d answered from an earlier run)%n",
                (System.nanoTime() - started) / 1e9, result.created(), result.updated(), result.rejects().size(),
                result.batches(), result.replayed());
        if (!result.rejects().isEmpty()) {
            out.println("rejected rows: " + rejects);
            return ClienteleCli.EXIT_REJECTED;
        }
        return ClienteleCli.EXIT_OK;
    }

    private String clientSystem() {
        return system.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,49}") ? system : null;
    }

    private boolean terminal() {
        return switch (progressMode) {
            case "bar" -> true;
            case "log", "none" -> false;
            default -> System.console() != null;
        };
    }

    /**
     * The idempotency-key prefix of this import: a hash of the file's bytes and of every option that changes what
     * the batches contain, so the same file imported the same way gets the same keys, and anything else new ones.
     */
    String runKey(byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(content);
            String options = String.join("\n", system, keyColumn, new TreeMap<>(map).toString(), defaultKind.name(),
                    Integer.toString(batchSize), charset.name(), Character.toString(delimiter));
            sha.update(options.getBytes(StandardCharsets.UTF_8));
            return "cli-import-" + HexFormat.of().formatHex(sha.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** customers.csv -> customers.rejects.csv (next to the input). */
    static Path rejectsFile(Path input) {
        String name = input.getFileName().toString();
        String base = name.toLowerCase().endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return input.resolveSibling(base + ".rejects.csv");
    }

    static void writeRejects(Path path, List<Importer.Reject> rejects) throws IOException {
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(w);
            csv.row(List.of("row", "line", "key", "field", "code", "message"));
            for (Importer.Reject r : rejects) {
                csv.row(List.of(Integer.toString(r.row()), Long.toString(r.line()), r.key(), r.field(), r.code(),
                        r.message()));
            }
        }
    }
}
