package org.clientele.platform.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.clientele.platform.AuditLog;
import org.clientele.platform.BatchExecutor;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.Failures;
import org.clientele.platform.Idempotency;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.Redo;
import org.clientele.platform.Transactions;
import org.clientele.platform.security.NonceLedger;
import org.clientele.ws.common.CrmFault;

/**
 * The one SOAP edge of every secured service: it resolves the caller and checks the operation's roles, then runs the
 * request in <em>one</em> database transaction — the WS-Security nonce, the idempotency claim and outcome, the
 * business reads or writes with their change-feed rows, the audit row, and the response built from the entities —
 * and maps every failure to the contract's CrmFault. A refused or failed write leaves its audit row (and its nonce) in
 * a transaction of its own, since nothing else of it commits. Endpoints call {@link #read} or {@link #write} in one
 * line per operation.
 */
@ApplicationScoped
public class SoapEdge {
    private static final Logger LOG = Logger.getLogger(SoapEdge.class.getName());
    /** How long a write whose idempotency key another call is inserting right now keeps retrying (H2). */
    private static final long RACE_WAIT_MILLIS = 30_000;
    private static final Map<Class<?>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

    @Inject
    Transactions transactions;

    @Inject
    NonceLedger nonces;

    @Inject
    Idempotency idempotency;

    @Inject
    AuditLog audit;

    /** A read: nonce and reads in one transaction; on PostgreSQL it commits without waiting for the disk flush. */
    public <R> R read(Operation op, Function<Caller, R> body) throws CrmFault {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Caller caller = caller(message);
        try {
            caller.require(op.name(), op.roles().toArray(org.clientele.platform.Role[]::new));
            return transaction(() -> {
                nonces.recordForRead(message);
                return body.apply(caller);
            });
        } catch (RuntimeException e) {
            throw refused(message, caller, op, e);
        }
    }

    /** A write audited with the ids of its successful items. */
    public <R> R write(Operation op, Object request, Function<Caller, List<ItemOutcome>> execute,
                       Function<List<ItemOutcome>, R> respond) throws CrmFault {
        return write(op, () -> request, execute, respond, null);
    }

    /** A single-record write audited with what {@code auditIds} names. */
    public <R> R write(Operation op, Object request, Function<Caller, List<ItemOutcome>> execute,
                       Function<List<ItemOutcome>, R> respond, Function<List<ItemOutcome>, String> auditIds) throws CrmFault {
        return write(op, () -> request, execute, respond, auditIds);
    }

    /**
     * A write: executes (or, for a repeated idempotency key, replays) the item outcomes, records them under the key,
     * audits them ({@code auditIds} names what was touched; null: the successful items' ids) and builds the response
     * from them, all in one transaction. The ResponseContext header says whether the response is a replay. The
     * request's idempotency fingerprint is taken only when the call carries a key.
     */
    public <R> R write(Operation op, Supplier<?> fingerprint, Function<Caller, List<ItemOutcome>> execute,
                       Function<List<ItemOutcome>, R> respond, Function<List<ItemOutcome>, String> auditIds)
            throws CrmFault {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Caller caller = caller(message);
        try {
            caller.require(op.name(), op.roles().toArray(org.clientele.platform.Role[]::new));
            String hash = caller.idempotencyKey() == null ? null : Idempotency.hash(op.name(), xml(fingerprint.get()));
            long deadline = System.currentTimeMillis() + RACE_WAIT_MILLIS;
            List<ItemOutcome> decided = null;
            boolean precise = false;
            int redos = 0; // an idempotency race retries without redoing: only redos count against the bound
            while (true) {
                List<ItemOutcome> known = decided;
                Supplier<R> once = () -> transaction(
                        () -> once(message, caller, op, hash, known, execute, respond, auditIds));
                try {
                    return precise ? BatchExecutor.precisely(once) : once.get();
                } catch (Redo redo) {
                    if (++redos >= 3) {
                        throw new IllegalStateException("request redone " + redos + " times");
                    }
                    if (redo.outcomes() != null) {
                        decided = redo.outcomes();
                    } else {
                        precise = true;
                    }
                } catch (Idempotency.Raced raced) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new CrmException(ErrorCode.CONCURRENCY, "A request with idempotency key "
                                + caller.idempotencyKey() + " is still being processed; retry later", "idempotencyKey", 2);
                    }
                    pause();
                }
            }
        } catch (RuntimeException e) {
            throw refused(message, caller, op, e);
        }
    }

    /**
     * Runs the request's transaction. When the pooled connection it was given turns out to be dead while the request
     * runs (its backend was terminated: a PostgreSQL restart or failover, {@code pg_terminate_backend}), the
     * transaction rolls back without having committed anything, the pool drops that connection and validates the idle
     * ones (the datasource's flush strategy), and the request runs once more on a fresh connection, so a database that
     * came back costs no client a fault. A failure during the commit itself is never run again: its outcome is unknown.
     */
    private <R> R transaction(Supplier<R> body) {
        try {
            return transactions.inNewTransaction(() -> {
                try {
                    return body.get();
                } catch (RuntimeException e) {
                    throw Failures.lostConnection(e) ? new LostConnection(e) : e;
                }
            });
        } catch (LostConnection lost) {
            LOG.log(Level.FINE, "Request runs again on a fresh database connection", lost.getCause());
            return transactions.inNewTransaction(body);
        }
    }

    /** A request's connection died inside its transaction, before the commit. */
    private static final class LostConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostConnection(RuntimeException cause) {
            super(null, cause, false, false);
        }
    }

    private <R> R once(Message message, Caller caller, Operation op, String hash, List<ItemOutcome> decided,
                       Function<Caller, List<ItemOutcome>> execute, Function<List<ItemOutcome>, R> respond,
                       Function<List<ItemOutcome>, String> auditIds) {
        nonces.record(message);
        Idempotency.Claim claim = hash == null ? null : idempotency.claim(caller, op.name(), hash);
        boolean replayed = claim != null && claim.replay();
        List<ItemOutcome> outcomes = replayed ? Idempotency.decode(claim.outcome())
                : decided != null ? decided : execute.apply(caller);
        if (claim != null && !replayed) {
            idempotency.complete(claim, outcomes);
        }
        if (auditIds == null) {
            audit.batch(caller, op.name(), outcomes);
        } else {
            audit.success(caller, op.name(), auditIds.apply(outcomes));
        }
        R response = respond.apply(outcomes);
        if (claim != null) {
            ResponseHeaders.idempotency(message, caller.idempotencyKey(), replayed);
        }
        return response;
    }

    /** The fault for a failed request; a refused write is audited (with its nonce) in a transaction of its own. */
    private CrmFault refused(Message message, Caller caller, Operation op, RuntimeException e) {
        if (e instanceof NonceLedger.Replayed) {
            throw SecurityFaults.replayed(message);
        }
        CrmException failure = Failures.classify(e);
        if (op.writes() && failure.code() != ErrorCode.UNAVAILABLE) {
            try {
                transactions.inNewTransaction(() -> {
                    nonces.recordIfNew(message);
                    audit.refused(caller, op.name(), failure);
                    return null;
                });
            } catch (RuntimeException auditFailure) {
                // the client still gets the original fault; nothing of the request was written
                LOG.log(Level.WARNING, "Could not audit the refused {0} of {1}: {2}",
                        new Object[] {op.name(), caller.principal(), auditFailure.toString()});
            }
        }
        return WireErrors.fault(failure);
    }

    private static Caller caller(Message message) throws CrmFault {
        try {
            return Callers.of(message);
        } catch (RuntimeException e) {
            throw WireErrors.fault(Failures.classify(e));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmException(ErrorCode.UNAVAILABLE, "Interrupted while waiting", null, 2);
        }
    }

    /** The request as canonical XML, fingerprinted for its idempotency key. */
    private static String xml(Object request) {
        try {
            Marshaller m = CONTEXTS.computeIfAbsent(request.getClass(), SoapEdge::context).createMarshaller();
            StringWriter out = new StringWriter();
            m.marshal(request, out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    private static JAXBContext context(Class<?> type) {
        try {
            return JAXBContext.newInstance(type);
        } catch (JAXBException e) {
            throw new IllegalStateException("no JAXB context for " + type.getName(), e);
        }
    }
}
