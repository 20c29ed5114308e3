package org.clientele.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.clientele.ws.common.ExternalKey;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.customer.Customer;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.FindCustomersResponse;
import org.clientele.ws.sync.GetLatestCursor;
import org.clientele.ws.sync.GetLatestCursorResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clientele export customers --out FILE}: a consistent extract for an initial load. It takes the feed's
 * latest cursor first, then pages through findCustomers, so following the feed from that cursor afterwards misses
 * nothing (changes made during the export are seen again; apply a change only when its entityVersion is newer).
 */
@Command(name = "customers", mixinStandardHelpOptions = true,
        description = {"Write every customer to a CSV (.csv) or JSON-lines (.jsonl) file and save the change-feed"
                + " cursor to follow from (FILE.cursor).",
                "A CSV row holds one address and one contact (the first address, the primary contact);"
                        + " JSON lines hold everything."})
final class ExportCustomers implements Callable<Integer> {
    static final int PAGE_SIZE = 1000;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv|FILE.jsonl", description = "The file to write.")
    Path out;

    @Option(names = "--include-deleted", description = "Also customers in the recycle bin (and merged duplicates).")
    boolean includeDeleted;

    @Option(names = "--name-contains", description = "Only customers whose name contains this (case-insensitive).")
    String nameContains;

    @Option(names = "--key-system", paramLabel = "SYSTEM",
            description = "CSV only: add a column key.SYSTEM with the customer's key in that system (repeatable);"
                    + " import the file again with --system SYSTEM --key-column key.SYSTEM.")
    List<String> keySystems = new ArrayList<>();

    @Option(names = "--cursor-file", description = "Where to store the cursor (default: FILE.cursor).")
    Path cursorFile;

    @Override
    public Integer call() throws IOException, CrmFault {
        String name = out.getFileName().toString().toLowerCase();
        boolean jsonl = name.endsWith(".jsonl") || name.endsWith(".ndjson");
        if (!jsonl && !name.endsWith(".csv")) {
            throw new CliException(ClienteleCli.EXIT_USAGE, "--out must end with .csv or .jsonl");
        }
        Path cursorPath = cursorFile != null ? cursorFile : out.resolveSibling(out.getFileName() + ".cursor");
        PrintStream log = System.out;
        Connection conn = new Connection(connection);
        GetLatestCursorResponse latest = conn.sync().getLatestCursor(new GetLatestCursor());
        CustomerPortType customers = conn.customers();
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName().toString(), ".part");
        long count = 0;
        long truncated = 0;
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            CsvWriter csv = jsonl ? null : new CsvWriter(w);
            if (csv != null) {
                csv.row(header());
            }
            String token = null;
            do {
                FindCustomers find = new FindCustomers();
                find.setPageSize(PAGE_SIZE);
                find.setIncludeDeleted(includeDeleted);
                find.setNameContains(nameContains);
                find.setPageToken(token);
                FindCustomersResponse page = customers.findCustomers(find);
                for (Customer c : page.getCustomer()) {
                    if (csv != null) {
                        csv.row(row(c));
                        if (c.getData().getAddress().size() > 1 || c.getData().getContact().size() > 1) {
                            truncated++;
                        }
                    } else {
                        w.write(Json.customer(c));
                        w.write('\n');
                    }
                    count++;
                }
                token = page.getNextPageToken();
                log.printf("exported %,d customers%n", count);
            } while (token != null);
        } catch (IOException | RuntimeException | CrmFault e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        CursorFile.write(cursorPath, latest.getCursor());
        log.printf("wrote %,d customers to %s%n", count, out);
        if (truncated > 0) {
            log.printf("note: %,d customers have more than one address or contact; the CSV holds the first address and"
                    + " the primary contact (export to .jsonl for all)%n", truncated);
        }
        log.printf("feed cursor (sequence %d) saved to %s; follow changes with: clientele follow --cursor %s%n",
                latest.getSequence(), cursorPath, cursorPath);
        return ClienteleCli.EXIT_OK;
    }

    private List<String> header() {
        List<String> h = new ArrayList<>(RowMapper.EXPORT_ONLY);
        keySystems.forEach(s -> h.add("key." + s));
        h.addAll(CustomerFields.names());
        return h;
    }

    private List<String> row(Customer c) {
        List<String> r = new ArrayList<>();
        r.add(Long.toString(c.getId()));
        r.add(Long.toString(c.getVersion()));
        r.add(Boolean.toString(c.isDeleted()));
        r.add(c.getMergedInto() == null ? "" : c.getMergedInto().toString());
        r.add(c.getCreatedAt() == null ? "" : c.getCreatedAt().toString());
        r.add(c.getUpdatedAt() == null ? "" : c.getUpdatedAt().toString());
        for (String system : keySystems) {
            r.add(c.getData().getExternalKey().stream().filter(k -> k.getSystem().equals(system))
                    .map(ExternalKey::getId).findFirst().orElse(""));
        }
        for (String field : CustomerFields.names()) {
            String v = CustomerFields.read(c.getData(), field);
            r.add(v == null ? "" : v);
        }
        return r;
    }
}
