package org.clientele.platform.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.headers.Header;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.clientele.platform.AuditLog;
import org.clientele.platform.BatchExecutor;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.FakeUnitOfWork;
import org.clientele.platform.FakeUnitOfWork.Flush;
import org.clientele.platform.FakeUnitOfWork.Write;
import org.clientele.platform.Idempotency;
import org.clientele.platform.IdempotencyRace;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.Redo;
import org.clientele.platform.Role;
import org.clientele.platform.security.ElytronUsernameTokenCallbackHandler;
import org.clientele.platform.security.NonceLedger;
import org.clientele.ws.campaign.UpdateCampaigns;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.common.ErrorCode;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Proves how the SOAP edge runs a request again when its batch throws {@link Redo}: each attempt in a new transaction
 * with the nonce, an allOrNone failure recorded with the outcomes already known and nothing executed again, a database
 * refusal re-run item by item, the audit row and response made once by the attempt that commits, and the redoing
 * bounded. The edge runs inside a CXF interceptor chain with fakes for the database, nonces, idempotency and audit.
 */
class SoapEdgeRedoTest {

    private static final Operation UPDATE = Operation.write("updateCustomers", Role.INTEGRATION);
    private static final String ROLLED_BACK_BY_ITEM_2 = "ROLLED_BACK: Not applied: allOrNone is set and item 2 failed";

    private final FakeUnitOfWork db = new FakeUnitOfWork();
    private final BatchExecutor batches = db.batches();
    private final Set<String> invalid = new HashSet<>();
    private final List<String> ran = new ArrayList<>();
    private final List<List<ItemOutcome>> audited = new ArrayList<>();
    private final List<List<ItemOutcome>> responses = new ArrayList<>();
    private final List<List<ItemOutcome>> recordedUnderKey = new ArrayList<>();
    private int races;
    /** How many of the next nonce inserts find their pooled connection dead (its backend terminated). */
    private int lostConnections;

    private final SoapEdge edge = new SoapEdge();

    SoapEdgeRedoTest() {
        edge.transactions = db.transactions();
        edge.nonces = new NonceLedger() {
            @Override
            public void record(Message message) {
                if (lostConnections > 0) {
                    lostConnections--;
                    db.note("connection lost");
                    throw new jakarta.persistence.PersistenceException("could not execute statement",
                            new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
                }
                db.note("nonce");
            }

            @Override
            public void recordIfNew(Message message) {
                db.note("nonce if new");
            }
        };
        edge.idempotency = new Idempotency() {
            @Override
            public Claim claim(Caller caller, String operation, String requestHash) {
                db.note("claim");
                if (races > 0) {
                    races--;
                    throw IdempotencyRace.raced();
                }
                return new Claim(caller.principal(), caller.idempotencyKey(), null);
            }

            @Override
            public void complete(Claim claim, List<ItemOutcome> outcomes) {
                db.note("record under key");
                recordedUnderKey.add(outcomes);
            }
        };
        edge.audit = new AuditLog() {
            @Override
            public void batch(Caller caller, String operation, List<ItemOutcome> outcomes) {
                db.note("audit " + operation);
                audited.add(outcomes);
            }

            @Override
            public void success(Caller caller, String operation, String ids) {
                db.note("audit " + operation);
            }

            @Override
            public void refused(Caller caller, String operation, CrmException fault) {
                db.note("audit refused " + fault.code());
            }
        };
    }

    private ItemOutcome run(String item) {
        ran.add(item);
        if (invalid.contains(item)) {
            throw CrmException.validation("name", "Customer " + item + " has no name");
        }
        db.write(item);
        return ItemOutcome.applied(item.charAt(0) - 'a' + 1, 1);
    }

    /** Serves an update of the given customers as the edge serves it for the endpoint. */
    private List<ItemOutcome> update(Message message, List<String> items, boolean allOrNone) throws Exception {
        return update(message, caller -> batches.execute("customer", items, allOrNone, this::run));
    }

    private List<ItemOutcome> update(Message message, Function<Caller, List<ItemOutcome>> execute) throws Exception {
        return serve(message, () -> edge.write(UPDATE, new UpdateCampaigns(), execute, outcomes -> {
            responses.add(outcomes);
            return outcomes;
        }));
    }

    /** Calls the edge from inside an interceptor chain, where CXF makes the message the current one. */
    private static <R> R serve(Message message, Callable<R> call) throws Exception {
        List<R> result = new ArrayList<>();
        List<Exception> thrown = new ArrayList<>();
        PhaseInterceptorChain chain = new PhaseInterceptorChain(new TreeSet<>(List.of(new Phase(Phase.INVOKE, 1))));
        chain.add(new AbstractPhaseInterceptor<Message>(Phase.INVOKE) {
            @Override
            public void handleMessage(Message m) {
                try {
                    result.add(call.call());
                } catch (Exception e) {
                    thrown.add(e);
                }
            }
        });
        chain.doIntercept(message);
        if (!thrown.isEmpty()) {
            throw thrown.get(0);
        }
        return result.get(0);
    }

    /** A request of an authenticated crm-integration user, with the idempotency key if one is given. */
    private static Message request(String idempotencyKey) throws Exception {
        Message message = new MessageImpl();
        Exchange exchange = new ExchangeImpl();
        message.setExchange(exchange);
        exchange.setInMessage(message);
        exchange.put(ElytronUsernameTokenCallbackHandler.PRINCIPAL, "crm-sync");
        exchange.put(ElytronUsernameTokenCallbackHandler.ROLES, Set.of(Role.INTEGRATION.roleName()));
        if (idempotencyKey != null) {
            Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
            Element context = doc.createElementNS(Callers.COMMON_NS, "c:RequestContext");
            Element key = doc.createElementNS(Callers.COMMON_NS, "c:idempotencyKey");
            key.setTextContent(idempotencyKey);
            context.appendChild(key);
            message.put(Header.HEADER_LIST, new ArrayList<>(List.of(new Header(Callers.REQUEST_CONTEXT, context))));
        }
        return message;
    }

    private static String describe(ItemOutcome o) {
        if (o.success()) {
            return o.id() + " v" + o.version();
        }
        if (o.errorCode() == org.clientele.platform.ErrorCode.ROLLED_BACK) {
            return o.errorCode() + ": " + o.message();
        }
        return o.field() == null ? o.errorCode().name() : o.errorCode() + " " + o.field();
    }

    private static List<String> describe(List<ItemOutcome> outcomes) {
        return outcomes.stream().map(SoapEdgeRedoTest::describe).toList();
    }

    private static RuntimeException keyTaken() {
        String refusal = "ERROR: duplicate key value violates unique constraint \"uq_external_key\"";
        return new ConstraintViolationException("could not execute statement [" + refusal + "] [insert into external_key ...]",
                new SQLException(refusal, "23505"), "uq_external_key");
    }

    @Test
    void aRequestWhosePooledConnectionWasDeadRunsOnceMoreOnAFreshOne() throws Exception {
        lostConnections = 1;

        List<ItemOutcome> response = update(request(null), List.of("a", "b"), false);

        assertEquals(List.of("1 v1", "2 v1"), describe(response));
        assertEquals(List.of("begin 1", "connection lost", "rollback 1",
                "begin 2", "nonce", "write a", "write b", "flush [a, b]", "audit updateCustomers", "commit 2"), db.events());
        assertEquals(List.of("a", "b"), db.committed());
        assertEquals(List.of(response), responses);
    }

    @Test
    void aConnectionLostAgainOnTheSecondRunIsUnavailableAndRetryable() throws Exception {
        lostConnections = 2;

        CrmFault fault = assertThrows(CrmFault.class, () -> update(request(null), List.of("a"), false));

        assertEquals(ErrorCode.UNAVAILABLE, fault.getFaultInfo().getCode());
        assertTrue(fault.getFaultInfo().isRetryable());
        assertEquals(List.of("begin 1", "connection lost", "rollback 1", "begin 2", "connection lost", "rollback 2"),
                db.events(), "run twice at most, and an outage is not audited (the audit would need the database too)");
        assertEquals(List.of(), db.committed());
    }

    @Test
    void anAllOrNoneBatchWithAFailedItemIsRedoneWithTheKnownOutcomes() throws Exception {
        invalid.add("b");

        List<ItemOutcome> response = update(request(null), List.of("a", "b", "c"), true);

        assertEquals(List.of(ROLLED_BACK_BY_ITEM_2, "VALIDATION name", ROLLED_BACK_BY_ITEM_2), describe(response));
        assertEquals(List.of("a", "b", "c"), ran, "the second attempt executes nothing");
        assertEquals(List.of("begin 1", "nonce", "write a", "write c", "rollback 1",
                "begin 2", "nonce", "audit updateCustomers", "commit 2"), db.events());
        assertEquals(List.of(response), audited);
        assertEquals(List.of(response), responses);
        assertEquals(List.of(), db.committed());
    }

    @Test
    void aBatchTheDatabaseRefusedIsRedoneItemByItem() throws Exception {
        db.refuseOnFlush("b", SoapEdgeRedoTest::keyTaken);

        List<ItemOutcome> response = update(request(null), List.of("a", "b", "c"), false);

        assertEquals(List.of("1 v1", "VALIDATION externalKey", "3 v1"), describe(response));
        assertEquals(List.of(new Write("a", 1), new Write("b", 1), new Write("c", 1),
                new Write("a", 3), new Write("b", 4), new Write("c", 5)), db.writes());
        assertEquals(List.of("begin 1", "nonce", "write a", "write b", "write c", "flush refused b", "rollback 1",
                "begin 2", "nonce",
                "begin 3", "write a", "flush [a]", "commit 3",
                "begin 4", "write b", "flush refused b", "rollback 4",
                "begin 5", "write c", "flush [c]", "commit 5",
                "audit updateCustomers", "commit 2"), db.events());
        assertEquals(List.of("a", "c"), db.committed());
        assertEquals(List.of(response), audited);
        assertEquals(List.of(response), responses);
    }

    @Test
    void anAllOrNoneBatchTheDatabaseRefusedIsPinnedPreciselyThenRecordedWithTheKnownOutcomes() throws Exception {
        db.refuseOnFlush("b", SoapEdgeRedoTest::keyTaken);

        List<ItemOutcome> response = update(request(null), List.of("a", "b", "c"), true);

        assertEquals(List.of(ROLLED_BACK_BY_ITEM_2, "VALIDATION externalKey", ROLLED_BACK_BY_ITEM_2), describe(response));
        assertEquals(List.of("begin 1", "nonce", "write a", "write b", "write c", "flush refused b", "rollback 1",
                "begin 2", "nonce", "write a", "flush [a]", "write b", "flush refused b", "rollback 2",
                "begin 3", "nonce", "audit updateCustomers", "commit 3"), db.events());
        assertEquals(List.of(), db.committed());
        assertEquals(List.of(response), audited);
    }

    @Test
    void theNextRequestOnTheThreadRunsTheFastPathAfterAPreciseRedo() throws Exception {
        db.refuseOnFlush("b", SoapEdgeRedoTest::keyTaken);
        update(request(null), List.of("a", "b", "c"), false);
        int before = db.opened();

        update(request(null), List.of("d", "e"), false);

        assertEquals(before + 1, db.opened(), "one transaction for the whole request");
        assertEquals(new Flush(before + 1, List.of("d", "e")), db.flushes().get(db.flushes().size() - 1));
    }

    @Test
    void aRequestThatKeepsAskingForARedoIsRefusedAfterThreeAttempts() throws Exception {
        List<Integer> executions = new ArrayList<>();
        Function<Caller, List<ItemOutcome>> redoing = caller -> {
            executions.add(executions.size() + 1);
            throw Redo.precisely();
        };
        Message message = request(null);

        CrmFault fault = assertThrows(CrmFault.class, () -> update(message, redoing));

        assertEquals(ErrorCode.INTERNAL, fault.getFaultInfo().getCode());
        assertEquals(List.of(1, 2, 3), executions);
        assertEquals(List.of("begin 1", "nonce", "rollback 1", "begin 2", "nonce", "rollback 2", "begin 3", "nonce",
                "rollback 3", "begin 4", "nonce if new", "audit refused INTERNAL", "commit 4"), db.events());
        assertEquals(List.of(), responses);
    }

    @Test
    void aRaceForTheIdempotencyKeyDoesNotCountAsARedo() throws Exception {
        races = 1;
        db.refuseOnFlush("b", SoapEdgeRedoTest::keyTaken);
        Message message = request("sync-2024-0001");

        List<ItemOutcome> response = update(message, List.of("a", "b", "c"), true);

        assertEquals(List.of(ROLLED_BACK_BY_ITEM_2, "VALIDATION externalKey", ROLLED_BACK_BY_ITEM_2), describe(response));
        assertEquals(List.of(response), recordedUnderKey);
        assertEquals(List.of(response), audited);
        assertEquals(List.of(1, 2, 3), db.rolledBack(), "raced, refused by the database, pinned on item 2");
        assertTrue(message.get(Header.HEADER_LIST) instanceof List<?> headers && headers.stream()
                .anyMatch(h -> h instanceof Header header && header.getName().getLocalPart().equals("ResponseContext")));
    }
}
