package org.clientele.platform;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The database as a batch sees it, without a container: transactions that commit or roll back the writes made in
 * them, and an EntityManager whose flush sends the pending writes of the current transaction and can be told to refuse
 * one of them, as the database does for a unique key taken meanwhile.
 */
public final class FakeUnitOfWork {

    /** A write made by an item, and the transaction it was made in (0: none). */
    public record Write(String what, int transaction) {
    }

    /** A flush: the transaction it ran in and the writes it sent (the refused ones too). */
    public record Flush(int transaction, List<String> writes) {
    }

    private final Deque<Integer> open = new ArrayDeque<>();
    private final Map<Integer, List<String>> pending = new HashMap<>();
    private final Map<Integer, List<String>> written = new HashMap<>();
    private final Map<String, Supplier<RuntimeException>> refusals = new LinkedHashMap<>();
    private final List<Write> writes = new ArrayList<>();
    private final List<Flush> flushes = new ArrayList<>();
    private final List<String> committed = new ArrayList<>();
    private final List<Integer> rolledBack = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private int opened;

    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inNewTransaction(Supplier<T> work) {
            int tx = ++opened;
            open.push(tx);
            pending.put(tx, new ArrayList<>());
            written.put(tx, new ArrayList<>());
            events.add("begin " + tx);
            try {
                T result = work.get();
                committed.addAll(written.get(tx));
                events.add("commit " + tx);
                return result;
            } catch (RuntimeException e) {
                rolledBack.add(tx);
                events.add("rollback " + tx);
                throw e;
            } finally {
                open.pop();
                pending.remove(tx);
                written.remove(tx);
            }
        }
    };

    private final EntityManager em = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class}, (proxy, method, args) -> switch (method.getName()) {
                case "flush" -> {
                    flush();
                    yield null;
                }
                case "toString" -> "fake EntityManager";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException("EntityManager." + method.getName());
            });

    /** A BatchExecutor wired to this database. */
    public BatchExecutor batches() {
        BatchExecutor batches = new BatchExecutor();
        batches.transactions = transactions;
        batches.em = em;
        return batches;
    }

    public Transactions transactions() {
        return transactions;
    }

    /** Runs work in a transaction of its own, as the SOAP edge runs a request. */
    public <T> T inRequest(Supplier<T> work) {
        return transactions.inNewTransaction(work);
    }

    /** Makes every flush that sends this write fail with the given exception. */
    public void refuseOnFlush(String what, Supplier<RuntimeException> refusal) {
        refusals.put(what, refusal);
    }

    /** Changes something in the current transaction; the database sees it at the next flush. */
    public void write(String what) {
        int tx = current();
        writes.add(new Write(what, tx));
        events.add("write " + what);
        if (tx != 0) {
            pending.get(tx).add(what);
            written.get(tx).add(what);
        }
    }

    /** Notes a step of the test's items among the events. */
    public void note(String event) {
        events.add(event);
    }

    private void flush() {
        int tx = current();
        List<String> sent = tx == 0 ? List.of() : List.copyOf(pending.get(tx));
        flushes.add(new Flush(tx, sent));
        for (String what : sent) {
            Supplier<RuntimeException> refusal = refusals.get(what);
            if (refusal != null) {
                events.add("flush refused " + what);
                throw refusal.get();
            }
        }
        events.add("flush " + sent);
        if (tx != 0) {
            pending.get(tx).clear();
        }
    }

    private int current() {
        Integer tx = open.peek();
        return tx == null ? 0 : tx;
    }

    public List<Write> writes() {
        return writes;
    }

    public List<Flush> flushes() {
        return flushes;
    }

    /** What committed, in commit order. */
    public List<String> committed() {
        return committed;
    }

    /** The transactions that rolled back, in order. */
    public List<Integer> rolledBack() {
        return rolledBack;
    }

    /** How many transactions were opened. */
    public int opened() {
        return opened;
    }

    /** Begin, write, flush, commit and rollback, and the test's own notes, in order. */
    public List<String> events() {
        return events;
    }
}
