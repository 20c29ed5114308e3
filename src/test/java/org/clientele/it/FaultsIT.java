package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.sync.GetChanges;
import org.clientele.ws.sync.GetLatestCursor;
import org.clientele.ws.sync.SyncPortType;
import org.junit.jupiter.api.Test;

/**
 * Fault codes as a client sees them: INTERNAL with an incident id that is in the server log (provoked through the
 * test deployment's fault injection), CURSOR_EXPIRED after the feed purge, the retry fields, and that no fault on
 * the wire carries a stack trace, a class name or SQL.
 */
class FaultsIT {
    private static final Pattern INCIDENT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** What must never reach a client: Java exception and class names, stack frames, SQL, the injected text. */
    private static final List<String> INTERNALS = List.of("Exception", "org.clientele", "org.hibernate", "org.apache",
            "jakarta.", "java.", "\tat ", "at org.", "SELECT", "INSERT", "UPDATE ", "DELETE FROM", "constraint",
            "CONSTRAINT", "uq_", "secret", "testhooks", "SQL");

    private static CreateCustomers create(String name) {
        CreateCustomers request = new CreateCustomers();
        request.getCustomer().add(SyncIT.item(name));
        return request;
    }

    private static int count(String name) throws Exception {
        FindCustomers find = new FindCustomers();
        find.setNameContains(name);
        find.setIncludeDeleted(true);
        return Clientele.customers(Clientele.ADMIN).findCustomers(find).getCustomer().size();
    }

    private static void assertNoInternals(String wire) {
        for (String s : INTERNALS) {
            assertFalse(wire.contains(s), () -> "the response leaks '" + s + "': " + wire);
        }
    }

    @Test
    void anUnexpectedFailureIsInternalWithAnIncidentIdThatIsInTheServerLog() throws Exception {
        String name = Hooks.FAIL + UUID.randomUUID();
        CrmFaultDetail fault = Faults.expect(ErrorCode.INTERNAL,
                () -> Clientele.customers(Clientele.INTEGRATION).createCustomers(create(name)));
        assertFalse(fault.isRetryable());
        assertNull(fault.getRetryAfterSeconds());
        assertNoInternals(fault.getMessage());
        Matcher m = INCIDENT.matcher(fault.getMessage());
        assertTrue(m.find(), () -> "no incident id in: " + fault.getMessage());
        String incident = m.group();
        String log = Hooks.serverLog();
        int at = log.indexOf(incident);
        assertTrue(at >= 0, "incident " + incident + " must be in the server log");
        assertTrue(log.indexOf(Hooks.LEAK, at) >= 0, "the log keeps the cause that the client does not see");
        assertEquals(0, count(name), "an INTERNAL failure writes nothing");
    }

    @Test
    void anInternalFaultOnTheWireCarriesNoStackTraceClassNameOrSql() throws Exception {
        for (boolean soap12 : new boolean[] {false, true}) {
            String body = RawSoap.createCustomersBody(Hooks.FAIL + UUID.randomUUID());
            HttpResponse<String> r = soap12
                    ? RawSoap.post12(RawSoap.CUSTOMER12_PATH, "createCustomers", RawSoap.envelope12(RawSoap.security(), body))
                    : RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("createCustomers"), RawSoap.envelope(RawSoap.security(), body));
            assertEquals(500, r.statusCode(), r.body());
            assertTrue(RawSoap.isSoapFault(r), r.body());
            assertTrue(r.body().contains(">INTERNAL<"), r.body());
            assertNoInternals(r.body());
        }
    }

    @Test
    void aDatabaseConstraintViolationReachesTheClientWithoutSql() throws Exception {
        String key = "K" + UUID.randomUUID().toString().substring(0, 12);
        String item = "<cu:customer><cu:clientRef>%s</cu:clientRef><cu:data><cu:externalKey xmlns:c=\"urn:clientele:crm:common:v1\">"
                + "<c:system>LEAK-IT</c:system><c:id>" + key + "</c:id></cu:externalKey><cu:kind>ORGANIZATION</cu:kind>"
                + "<cu:name>Leak %s</cu:name></cu:data></cu:customer>";
        String body = "<cu:createCustomers xmlns:cu=\"" + RawSoap.CUSTOMER_NS + "\">" + item.formatted("a", "a")
                + item.formatted("b", "b") + "</cu:createCustomers>";
        HttpResponse<String> r = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("createCustomers"),
                RawSoap.envelope(RawSoap.security(), body));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains(">VALIDATION<"), "the second item's key is taken: " + r.body());
        assertNoInternals(r.body());
    }

    @Test
    void aSchemaViolationIsValidationWithoutParserInternals() throws Exception {
        String body = "<cu:createCustomers xmlns:cu=\"" + RawSoap.CUSTOMER_NS + "\"><cu:customer><cu:data>"
                + "<cu:kind>NO_SUCH_KIND</cu:kind><cu:name>x</cu:name></cu:data></cu:customer></cu:createCustomers>";
        HttpResponse<String> r = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("createCustomers"),
                RawSoap.envelope(RawSoap.security(), body));
        assertTrue(RawSoap.isSoapFault(r), r.body());
        assertTrue(r.body().contains(">VALIDATION<"), r.body());
        assertTrue(r.body().contains("<retryable>false</retryable>") || r.body().contains(":retryable>false<"), r.body());
        assertFalse(r.body().contains("retryAfterSeconds"), r.body());
        for (String s : List.of("Exception", "org.apache", "\tat ", "at org.", "java.")) {
            assertFalse(r.body().contains(s), () -> "the response leaks '" + s + "': " + r.body());
        }
    }

    @Test
    void callerErrorsAreNotRetryableAndCarryNoRetryAfter() {
        CrmFaultDetail refused = Faults.expect(ErrorCode.NOT_AUTHORIZED,
                () -> Clientele.customers(Clientele.READONLY).createCustomers(create("Faults " + UUID.randomUUID())));
        assertFalse(refused.isRetryable());
        assertNull(refused.getRetryAfterSeconds());
        FindCustomers find = new FindCustomers();
        find.setPageToken("not-a-token");
        CrmFaultDetail invalid = Faults.expect(ErrorCode.VALIDATION, () -> Clientele.customers(Clientele.READONLY).findCustomers(find));
        assertEquals("pageToken", invalid.getField());
        assertFalse(invalid.isRetryable());
        assertNull(invalid.getRetryAfterSeconds());
    }

    @Test
    void aCursorBeforeThePurgedChangesIsCursorExpiredOverSoap11And12() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String cursor = sync.getLatestCursor(new GetLatestCursor()).getCursor();
        long id = Clientele.customers(Clientele.INTEGRATION).createCustomers(create("Expired " + UUID.randomUUID()))
                .getResult().get(0).getId();
        SyncIT.drain(sync, cursor, changes -> changes.stream().anyMatch(c -> c.getEntityId() == id));
        Thread.sleep(5); // the purge cutoff must lie after the change's time
        assertTrue(Hooks.purgeChangesBefore(Instant.now()) > 0, "the purge removed our change at least");

        GetChanges get = new GetChanges();
        get.setCursor(cursor);
        for (SyncPortType port : List.of(sync, SyncClients.sync12(Clientele.READONLY))) {
            CrmFaultDetail expired = Faults.expect(ErrorCode.CURSOR_EXPIRED, () -> port.getChanges(get));
            assertEquals("cursor", expired.getField());
            assertTrue(expired.getMessage().contains("Resynchronise") || expired.getMessage().contains("resynchronise"),
                    expired.getMessage());
            assertFalse(expired.isRetryable(), "retrying the same cursor cannot help");
        }
        GetChanges fresh = new GetChanges();
        fresh.setCursor(sync.getLatestCursor(new GetLatestCursor()).getCursor());
        assertFalse(sync.getChanges(fresh).getNextCursor().isEmpty(), "a fresh cursor works after the purge");
    }
}
