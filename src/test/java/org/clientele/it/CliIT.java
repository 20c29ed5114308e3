package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clientele.ws.common.ExternalKey;
import org.clientele.ws.customer.Customer;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.FindCustomersResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged command-line tool (target/clientele-cli.jar) against the deployed server, each run a JVM of its own:
 * an import of 20,000 rows (1 % of them bad) killed midway and run again, the export and re-import round trip,
 * following the feed, and a bad file that sends nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliIT {
    private static final int ROWS = 20_000;
    private static final String TOKEN = "cli" + Long.toString(System.currentTimeMillis(), 36);
    private static final Path JAR = Paths.get(System.getProperty("clientele.cli.jar", "target/clientele-cli.jar"));
    private static final Path DIR = Paths.get("target", "cli-it", TOKEN);
    private static final Pattern PROGRESS = Pattern.compile("imported ([\\d,]+)/([\\d,]+) rows");
    private static final Pattern SUMMARY = Pattern.compile(
            "([\\d,]+) created, ([\\d,]+) updated, ([\\d,]+) rejected; ([\\d,]+) batches \\(([\\d,]+) answered from an earlier run\\)");

    /** Source rows by key; the bad ones (1 %) in their own set. */
    private static final Map<String, List<String>> SOURCE = new HashMap<>();
    private static final Set<String> BAD_KEYS = new HashSet<>();
    private static Path csv;

    @BeforeAll
    static void generate() throws IOException {
        Files.createDirectories(DIR);
        csv = DIR.resolve("customers.csv");
        List<String> lines = new ArrayList<>();
        lines.add("erp_id,company_name,email,phone,segment,street,city,country");
        for (int i = 1; i <= ROWS; i++) {
            String key = TOKEN + "-" + i;
            String name = "CliIT " + TOKEN + " Customer " + i + (i % 7 == 0 ? ", Ltd. \"Quoted\"" : "");
            String email = "c" + i + "@" + TOKEN + ".example";
            String phone = "+49 30 " + (100000 + i);
            String country = i % 3 == 0 ? "FR" : "DE";
            // 1 %: every 100th row is bad, in four different ways
            switch (i % 400) {
                case 37 -> email = "not-an-email-" + i;
                case 137 -> country = "Germany";
                case 237 -> name = "";
                case 337 -> phone = "call me";
                default -> {
                }
            }
            if (i % 100 == 37) {
                BAD_KEYS.add(key);
            }
            List<String> row = List.of(key, name, email, phone, i % 2 == 0 ? "SMB" : "ENTERPRISE", i + " Main Street",
                    "City " + i, country);
            SOURCE.put(key, row);
            lines.add(String.join(",", row.stream().map(CliIT::csvField).toList()));
        }
        Files.write(csv, lines, StandardCharsets.UTF_8);
    }

    private static String csvField(String v) {
        return v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static List<String> importArgs(Path file) {
        return List.of("import", "customers", file.toString(), "--system", "ERP", "--key-column", "erp_id",
                "--map", "name=company_name,address.line1=street,address.city=city,address.countryCode=country",
                "--parallel", "2", "--progress", "log", "--log-interval", "1");
    }

    @Test
    @Order(1)
    void importKilledMidwayAndRunAgainImportsEveryGoodRowOnce() throws Exception {
        assertEquals(200, BAD_KEYS.size());
        Process first = start(importArgs(csv));
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = drain(first.getInputStream(), output);
        long killedAt = -1;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (killedAt < 0 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            long done = lastProgress(output);
            if (done >= ROWS / 5) {
                assertTrue(first.isAlive(), "the import ended before it could be killed: " + output);
                first.destroyForcibly();
                killedAt = done;
            }
        }
        first.waitFor(30, TimeUnit.SECONDS);
        reader.join(5_000);
        System.out.println("first import killed after " + killedAt + " rows were reported: " + tail(output));
        assertTrue(killedAt > 0 && killedAt < ROWS, "killed midway: " + killedAt + " " + output);
        int afterKill = keys().size();
        System.out.println("customers after the kill: " + afterKill);
        assertTrue(afterKill < ROWS - BAD_KEYS.size(), "the first run was stopped before it finished: " + afterKill);

        Result second = run(importArgs(csv));
        System.out.println("second import: " + tail(second.stdout));
        assertEquals(1, second.exit, "exit code 1 when rows were rejected: " + second);
        Matcher m = summary(second);
        assertEquals(200, number(m.group(3)), "rejected: " + second);
        assertEquals(ROWS - 200, number(m.group(1)) + number(m.group(2)), "imported: " + second);
        assertTrue(number(m.group(5)) > 0, "batches the killed run had finished are answered from the server's "
                + "idempotency records: " + second);

        List<String> keys = keys();
        assertEquals(ROWS - 200, keys.size(), "exactly the good rows are customers");
        Set<String> expected = new HashSet<>(SOURCE.keySet());
        expected.removeAll(BAD_KEYS);
        assertEquals(expected, new HashSet<>(keys), "each good row once, no bad row");

        Path rejects = DIR.resolve("customers.rejects.csv");
        List<String> rejectLines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertEquals("row,line,key,field,code,message", rejectLines.get(0));
        assertEquals(201, rejectLines.size(), "a header and 200 rejected rows");
        Set<String> rejectedKeys = new HashSet<>();
        for (String line : rejectLines.subList(1, rejectLines.size())) {
            String[] f = line.split(",", 6);
            int row = Integer.parseInt(f[0]);
            assertEquals(row + 1, Long.parseLong(f[1]), line);
            assertEquals(TOKEN + "-" + row, f[2], line);
            assertEquals("VALIDATION", f[4], line);
            String expectedField = switch (row % 400) {
                case 37 -> "email";
                case 137 -> "country";
                case 237 -> "company_name";
                default -> "phone";
            };
            assertEquals(expectedField, f[3], line);
            rejectedKeys.add(f[2]);
        }
        assertEquals(BAD_KEYS, rejectedKeys);
    }

    @Test
    @Order(2)
    void exportAndReimportRoundTripAndFollowTheFeed() throws Exception {
        Path export = DIR.resolve("export.csv");
        Result exported = run(List.of("export", "customers", "--out", export.toString(), "--name-contains", TOKEN,
                "--key-system", "ERP"));
        assertEquals(0, exported.exit, exported.toString());
        Path cursor = DIR.resolve("export.csv.cursor");
        String cursorBefore = Files.readString(cursor).trim();
        assertTrue(exported.stdout.stream().anyMatch(l -> l.contains("follow --cursor " + cursor)), exported.toString());

        List<Map<String, String>> first = readCsv(export);
        assertEquals(ROWS - 200, first.size());
        for (Map<String, String> row : first) {
            List<String> source = SOURCE.get(row.get("key.ERP"));
            assertEquals(source.get(1), row.get("name"));
            assertEquals(source.get(2), row.get("email"));
            assertEquals(source.get(3), row.get("phone"));
            assertEquals(source.get(4), row.get("segment"));
            assertEquals(source.get(5), row.get("address.line1"));
            assertEquals(source.get(6), row.get("address.city"));
            assertEquals(source.get(7), row.get("address.countryCode"));
            assertEquals("MAIN", row.get("address.type"));
            assertEquals("ORGANIZATION", row.get("kind"));
            assertEquals("ERP:" + row.get("key.ERP"), row.get("externalKeys"));
        }

        Result reimported = run(List.of("import", "customers", export.toString(), "--system", "ERP", "--key-column",
                "key.ERP", "--progress", "log"));
        assertEquals(0, reimported.exit, reimported.toString());
        Matcher m = summary(reimported);
        assertEquals(0, number(m.group(1)), "nothing new: " + reimported);
        assertEquals(ROWS - 200, number(m.group(2)), reimported.toString());

        Path again = DIR.resolve("export-again.csv");
        assertEquals(0, run(List.of("export", "customers", "--out", again.toString(), "--name-contains", TOKEN,
                "--key-system", "ERP")).exit);
        List<Map<String, String>> second = readCsv(again);
        assertEquals(withoutVersions(first), withoutVersions(second), "exported, re-imported and exported again: equal");

        Path changes = DIR.resolve("changes.jsonl");
        Result followed = run(List.of("follow", "--cursor", cursor.toString(), "--out", changes.toString(), "--once"));
        assertEquals(0, followed.exit, followed.toString());
        Set<String> ids = new HashSet<>();
        first.forEach(r -> ids.add(r.get("id")));
        Set<String> updated = new HashSet<>();
        Pattern change = Pattern.compile("\"entityType\":\"CUSTOMER\",\"entityId\":(\\d+),\"operation\":\"UPDATED\"");
        for (String line : Files.readAllLines(changes, StandardCharsets.UTF_8)) {
            Matcher c = change.matcher(line);
            if (c.find() && ids.contains(c.group(1))) {
                updated.add(c.group(1));
            }
        }
        assertEquals(ids, updated, "the re-import's updates are in the feed after the export's cursor");
        assertTrue(!Files.readString(cursor).trim().equals(cursorBefore), "follow saved the cursor it reached");

        Files.writeString(DIR.resolve("bad.cursor"), "not-a-cursor");
        Result refused = run(List.of("follow", "--cursor", DIR.resolve("bad.cursor").toString(), "--once"));
        assertEquals(3, refused.exit, refused.toString());
        assertTrue(String.join("\n", refused.stderr).contains("VALIDATION"), refused.toString());
    }

    @Test
    @Order(3)
    void aBadFileIsReportedWithLineNumbersAndNothingIsSent() throws Exception {
        Path bad = DIR.resolve("bad.csv");
        Files.writeString(bad, "erp_id,company_name\n" + TOKEN + "-bad-1,Fine " + TOKEN + "\n" + TOKEN
                + "-bad-2,Ragged,extra\n", StandardCharsets.UTF_8);
        Result r = run(importArgs(bad));
        assertEquals(2, r.exit, r.toString());
        assertTrue(String.join("\n", r.stderr).contains("line 3: 3 fields, but the header (line 1) has 2"), r.toString());
        FindCustomers find = new FindCustomers();
        find.setNameContains("Fine " + TOKEN);
        assertEquals(0, Clientele.customers(Clientele.ADMIN).findCustomers(find).getCustomer().size());
    }

    // ---- helpers ----

    private record Result(int exit, List<String> stdout, List<String> stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + tail(stdout) + "\nstderr: " + tail(stderr);
        }
    }

    private static Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(args);
        command.addAll(List.of("--url", Clientele.URL, "--user", Clientele.INTEGRATION));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("CLIENTELE_PASSWORD", Clientele.PASSWORD);
        return pb.start();
    }

    private static Result run(List<String> args) throws Exception {
        Process p = start(args);
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        Thread a = drain(p.getInputStream(), out);
        Thread b = drain(p.getErrorStream(), err);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("clientele " + args + " did not finish in 10 minutes: " + tail(out));
        }
        a.join(5_000);
        b.join(5_000);
        return new Result(p.exitValue(), List.copyOf(out), List.copyOf(err));
    }

    private static Thread drain(InputStream in, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                lines.add("[stream closed: " + closed.getMessage() + "]");
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static long lastProgress(List<String> output) {
        long done = -1;
        synchronized (output) {
            for (String line : output) {
                Matcher m = PROGRESS.matcher(line);
                if (m.find()) {
                    done = number(m.group(1));
                }
            }
        }
        return done;
    }

    private static Matcher summary(Result r) {
        for (String line : r.stdout) {
            Matcher m = SUMMARY.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        throw new AssertionError("no summary line: " + r);
    }

    private static int number(String digits) {
        return Integer.parseInt(digits.replace(",", ""));
    }

    private static String tail(List<String> lines) {
        synchronized (lines) {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        }
    }

    /** The ERP keys of this run's customers on the server, one entry per customer. */
    private static List<String> keys() throws Exception {
        CustomerPortType port = Clientele.customers(Clientele.ADMIN);
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            FindCustomers find = new FindCustomers();
            find.setNameContains(TOKEN);
            find.setPageSize(1000);
            find.setPageToken(token);
            FindCustomersResponse page = port.findCustomers(find);
            for (Customer c : page.getCustomer()) {
                for (ExternalKey k : c.getData().getExternalKey()) {
                    if (k.getSystem().equals("ERP")) {
                        keys.add(k.getId());
                    }
                }
            }
            token = page.getNextPageToken();
        } while (token != null);
        return keys;
    }

    /** A CSV the tool wrote, as maps by column; the tool's own quoting is undone by a minimal reader. */
    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else if (c == '\n') {
                fields.add(f.toString());
                f.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else if (c != '\r') {
                f.append(c);
            }
        }
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, String>> withoutVersions(List<Map<String, String>> rows) {
        List<Map<String, String>> copy = new ArrayList<>();
        for (Map<String, String> r : rows) {
            Map<String, String> c = new HashMap<>(r);
            c.remove("version");
            c.remove("updatedAt");
            copy.add(c);
        }
        copy.sort((a, b) -> Long.compare(Long.parseLong(a.get("id")), Long.parseLong(b.get("id"))));
        return copy;
    }
}
