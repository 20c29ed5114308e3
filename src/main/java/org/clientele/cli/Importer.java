package org.clientele.cli;

import jakarta.xml.ws.WebServiceException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemError;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.UpsertCustomers;
import org.clientele.ws.customer.UpsertCustomersResponse;

/**
 * Sends mapped rows as {@code upsertCustomers} batches, several at a time. Every batch carries the idempotency key
 * {@code <run key>-<batch number>}: the run key is derived from the file's content and the import options, so the
 * batches of a re-run are the same batches with the same keys, and the server answers those it already executed
 * with their stored results instead of executing them again. Transport failures and retryable faults are retried
 * with the same key; a batch the schema refuses as a whole is split into single items.
 */
public final class Importer {
    /** A row that was not imported, with the reason; several errors of one row are joined with "; ". */
    public record Reject(int row, long line, String key, String field, String code, String message) {
    }

    /** What an import did. */
    public record Result(int rows, int created, int updated, List<Reject> rejects, int batches, int replayed) {
        public int imported() {
            return created + updated;
        }
    }

    private final Supplier<CustomerPortType> portFactory;
    private final int parallel;
    private final int batchSize;
    private final String runKey;
    private final String clientSystem;
    private final int retries;
    private final Function<String, String> columnOfField;
    private final PrintStream log;
    private final AtomicInteger batchesDone = new AtomicInteger();

    public Importer(Supplier<CustomerPortType> portFactory, int parallel, int batchSize, String runKey,
                    String clientSystem, int retries, Function<String, String> columnOfField, PrintStream log) {
        this.portFactory = portFactory;
        this.parallel = parallel;
        this.batchSize = batchSize;
        this.runKey = runKey;
        this.clientSystem = clientSystem;
        this.retries = retries;
        this.columnOfField = columnOfField;
        this.log = log;
    }

    /** Batches whose results have come back so far (for an interruption message). */
    public int batchesDone() {
        return batchesDone.get();
    }

    private record BatchOutcome(int created, int updated, List<Reject> rejects, boolean replayed) {
    }

    public Result run(List<RowMapper.MappedRow> mapped, Progress progress) {
        List<Reject> rejects = new ArrayList<>();
        List<RowMapper.MappedRow> valid = new ArrayList<>();
        for (RowMapper.MappedRow m : mapped) {
            if (m.valid()) {
                valid.add(m);
            } else {
                rejects.add(reject(m, m.errors().stream().map(e -> new ItemErrorView(e.field(), e.code(), e.message())).toList()));
                progress.advance(1);
            }
        }
        List<List<RowMapper.MappedRow>> batches = new ArrayList<>();
        for (int i = 0; i < valid.size(); i += batchSize) {
            batches.add(valid.subList(i, Math.min(valid.size(), i + batchSize)));
        }
        ThreadLocal<CustomerPortType> ports = ThreadLocal.withInitial(portFactory);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel), r -> {
            Thread t = new Thread(r, "import");
            t.setDaemon(true);
            return t;
        });
        int created = 0;
        int updated = 0;
        int replayed = 0;
        try {
            List<Future<BatchOutcome>> futures = new ArrayList<>();
            for (int b = 0; b < batches.size(); b++) {
                List<RowMapper.MappedRow> batch = batches.get(b);
                String key = runKey + "-" + (b + 1);
                futures.add(pool.submit(() -> {
                    BatchOutcome outcome = send(ports.get(), batch, key);
                    batchesDone.incrementAndGet();
                    progress.advance(batch.size());
                    return outcome;
                }));
            }
            for (Future<BatchOutcome> f : futures) {
                BatchOutcome o = get(f);
                created += o.created();
                updated += o.updated();
                rejects.addAll(o.rejects());
                replayed += o.replayed() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        rejects.sort(Comparator.comparingLong(Reject::line));
        return new Result(mapped.size(), created, updated, rejects, batches.size(), replayed);
    }

    private static BatchOutcome get(Future<BatchOutcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ClienteleCli.EXIT_SERVER, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CliException c) {
                throw c;
            }
            throw new CliException(ClienteleCli.EXIT_SERVER, "a batch failed: " + e.getCause(), e.getCause());
        }
    }

    private BatchOutcome send(CustomerPortType port, List<RowMapper.MappedRow> batch, String key) {
        UpsertCustomers request = new UpsertCustomers();
        batch.forEach(m -> request.getCustomer().add(m.item()));
        request.setAllOrNone(false);
        UpsertCustomersResponse response;
        try {
            response = call(port, request, key);
        } catch (CrmFault fault) {
            CrmFaultDetail d = fault.getFaultInfo();
            if (d != null && d.getCode() == ErrorCode.VALIDATION && batch.size() > 1) {
                // the batch as a whole was refused (a value the schema check above let through): find the row(s)
                int created = 0;
                int updated = 0;
                boolean replayed = true;
                List<Reject> rejects = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    BatchOutcome one = send(port, batch.subList(i, i + 1), key + "." + (i + 1));
                    created += one.created();
                    updated += one.updated();
                    rejects.addAll(one.rejects());
                    replayed &= one.replayed();
                }
                return new BatchOutcome(created, updated, rejects, replayed);
            }
            if (d != null && d.getCode() == ErrorCode.VALIDATION) {
                return new BatchOutcome(0, 0, List.of(reject(batch.get(0),
                        List.of(new ItemErrorView(d.getField(), d.getCode().value(), d.getMessage())))), false);
            }
            throw new CliException(ClienteleCli.EXIT_SERVER, "batch " + key + " refused: "
                    + (d == null ? fault.getMessage() : d.getCode().value() + " " + d.getMessage()));
        }
        List<ItemResult> results = response.getResult();
        if (results.size() != batch.size()) {
            throw new CliException(ClienteleCli.EXIT_SERVER, "batch " + key + ": " + results.size()
                    + " results for " + batch.size() + " items");
        }
        int created = 0;
        int updated = 0;
        List<Reject> rejects = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ItemResult r = results.get(i);
            if (r.isSuccess()) {
                if (Boolean.TRUE.equals(r.isCreated())) {
                    created++;
                } else {
                    updated++;
                }
            } else {
                List<ItemErrorView> errors = new ArrayList<>();
                for (ItemError e : r.getError()) {
                    errors.add(new ItemErrorView(e.getField() == null ? null : columnOfField.apply(e.getField()),
                            e.getCode().value(), e.getMessage()));
                }
                rejects.add(reject(batch.get(i), errors));
            }
        }
        return new BatchOutcome(created, updated, rejects, Connection.replayed(port));
    }

    /** One call, retried with the same idempotency key while the failure is worth retrying. */
    private UpsertCustomersResponse call(CustomerPortType port, UpsertCustomers request, String key) throws CrmFault {
        for (int attempt = 0; ; attempt++) {
            Connection.requestContext(port, key, clientSystem, "clientele-cli " + key);
            try {
                return port.upsertCustomers(request);
            } catch (CrmFault fault) {
                CrmFaultDetail d = fault.getFaultInfo();
                if (d == null || !d.isRetryable() || attempt >= retries) {
                    throw fault;
                }
                pause(key, attempt, d.getRetryAfterSeconds(), d.getCode().value() + " " + d.getMessage());
            } catch (WebServiceException transport) {
                if (attempt >= retries) {
                    throw new CliException(ClienteleCli.EXIT_SERVER, "batch " + key + ": " + rootMessage(transport)
                            + " (gave up after " + (attempt + 1) + " attempts; run the same command again to resume)",
                            transport);
                }
                pause(key, attempt, null, rootMessage(transport));
            }
        }
    }

    private void pause(String key, int attempt, Integer retryAfter, String why) {
        long seconds = retryAfter != null ? retryAfter : Math.min(30, 1L << attempt);
        log.println("batch " + key + ": " + why + "; retrying in " + seconds + " s");
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ClienteleCli.EXIT_SERVER, "interrupted");
        }
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + root + ")";
    }

    private record ItemErrorView(String field, String code, String message) {
    }

    private static Reject reject(RowMapper.MappedRow m, List<ItemErrorView> errors) {
        return new Reject(m.row().number(), m.row().line(), m.key(),
                join(errors.stream().map(ItemErrorView::field).toList()),
                join(errors.stream().map(ItemErrorView::code).toList()),
                join(errors.stream().map(ItemErrorView::message).toList()));
    }

    private static String join(List<String> parts) {
        return String.join("; ", parts.stream().map(p -> p == null ? "" : p).toList());
    }
}
