package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clientele.ws.cases.CasePortType;
import org.clientele.ws.cases.CaseStatus;
import org.clientele.ws.cases.Priority;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.CustomerRef;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.DeleteCustomers;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.MergeCustomers;
import org.junit.jupiter.api.Test;

/**
 * The audit trail (table audit_entry, read over SQL on H2 and PostgreSQL): every mutating call leaves one row with
 * principal, client system and correlation id of its RequestContext, operation, the ids it touched and its outcome
 * OK, PARTIAL, FAILED or REFUSED; reads leave none.
 */
class AuditIT {
    private static final String SYSTEM = "AUDIT-IT";

    private static String correlation() {
        return "audit-" + UUID.randomUUID();
    }

    private static CustomerPortType customers(String user, String correlationId) {
        return Headers.requestContext(Clientele.customers(user), null, SYSTEM, correlationId);
    }

    /** The audit rows of one correlation id. */
    private static List<Map<String, Object>> rows(String correlationId) throws Exception {
        return Database.query("SELECT principal, client_system, correlation_id, operation, outcome, entity_ids, detail,"
                + " occurred_at FROM audit_entry WHERE correlation_id = ? ORDER BY id", correlationId);
    }

    private static Map<String, Object> onlyRow(String correlationId) throws Exception {
        List<Map<String, Object>> rows = rows(correlationId);
        assertEquals(1, rows.size(), () -> "audit rows of " + correlationId + ": " + rows);
        return rows.get(0);
    }

    /** The numbers in entity_ids (whatever separates them). */
    private static Set<Long> ids(Map<String, Object> row) {
        Object ids = row.get("entity_ids");
        if (ids == null) {
            return Set.of();
        }
        return Arrays.stream(ids.toString().split("[^0-9]+")).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .collect(Collectors.toSet());
    }

    private static void assertCaller(Map<String, Object> row, String principal, String correlationId, String operation) {
        assertEquals(principal, row.get("principal"));
        assertEquals(SYSTEM, row.get("client_system"));
        assertEquals(correlationId, row.get("correlation_id"));
        assertEquals(operation, row.get("operation"));
        Object at = row.get("occurred_at");
        assertNotNull(at);
        Instant when = at instanceof Timestamp t ? t.toInstant()
                : at instanceof OffsetDateTime o ? o.toInstant()
                : OffsetDateTime.parse(at.toString().replace(' ', 'T')).toInstant();
        assertTrue(Duration.between(when, Instant.now()).abs().compareTo(Duration.ofMinutes(10)) < 0, "time " + at);
    }

    private static CreateCustomers create(String... names) {
        CreateCustomers request = new CreateCustomers();
        for (String n : names) {
            request.getCustomer().add(SyncIT.item(n));
        }
        return request;
    }

    private static long createOne(String name) throws Exception {
        ItemResult r = Clientele.customers(Clientele.INTEGRATION).createCustomers(create(name)).getResult().get(0);
        assertTrue(r.isSuccess());
        return r.getId();
    }

    private static CustomerRef ref(long id) {
        CustomerRef ref = new CustomerRef();
        ref.setId(id);
        return ref;
    }

    @Test
    void aSuccessfulBatchIsAuditedOkWithCallerAndIds() throws Exception {
        String corr = correlation();
        List<ItemResult> results = customers(Clientele.INTEGRATION, corr)
                .createCustomers(create("Audit ok A " + corr, "Audit ok B " + corr)).getResult();
        Map<String, Object> row = onlyRow(corr);
        assertCaller(row, Clientele.INTEGRATION, corr, "createCustomers");
        assertEquals("OK", row.get("outcome"));
        assertEquals(Set.of(results.get(0).getId(), results.get(1).getId()), ids(row));
    }

    @Test
    void aBatchWithSomeFailedItemsIsPartialAndNamesOnlyTheWrittenIds() throws Exception {
        String corr = correlation();
        long existing = createOne("Audit partial " + corr);
        DeleteCustomers delete = new DeleteCustomers();
        delete.getCustomer().add(ref(existing));
        delete.getCustomer().add(ref(Long.MAX_VALUE - 7));
        List<ItemResult> results = customers(Clientele.INTEGRATION, corr).deleteCustomers(delete).getResult();
        assertTrue(results.get(0).isSuccess());
        assertFalse(results.get(1).isSuccess());
        Map<String, Object> row = onlyRow(corr);
        assertCaller(row, Clientele.INTEGRATION, corr, "deleteCustomers");
        assertEquals("PARTIAL", row.get("outcome"));
        assertEquals(Set.of(existing), ids(row));
    }

    @Test
    void aBatchWhoseItemsAllFailedIsFailed() throws Exception {
        String corr = correlation();
        DeleteCustomers delete = new DeleteCustomers();
        delete.getCustomer().add(ref(Long.MAX_VALUE - 5));
        assertFalse(customers(Clientele.ADMIN, corr).deleteCustomers(delete).getResult().get(0).isSuccess());
        Map<String, Object> row = onlyRow(corr);
        assertCaller(row, Clientele.ADMIN, corr, "deleteCustomers");
        assertEquals("FAILED", row.get("outcome"));
        assertEquals(Set.of(), ids(row));
    }

    /** The write and its audit row commit together: when the audit row cannot be stored, nothing of the write is. */
    @Test
    void aWriteWhoseAuditRowFailsIsRolledBack() throws Exception {
        String corr = "it-hook:fail-audit:" + UUID.randomUUID();
        String name = "Audit fails " + corr;
        CustomerPortType port = customers(Clientele.INTEGRATION, corr);
        Faults.expect(ErrorCode.INTERNAL, () -> port.createCustomers(create(name, name + " 2")));
        FindCustomers find = new FindCustomers();
        find.setNameContains(name);
        assertEquals(0, Clientele.customers(Clientele.ADMIN).findCustomers(find).getCustomer().size(),
                "the customers must not exist: their audit row was never stored");
        assertEquals(0, Database.query("SELECT id FROM customer WHERE name LIKE ?", name + "%").size());
        assertEquals(List.of(), rows(corr), "no audit row either");
    }

    @Test
    void aCallRefusedWithAFaultIsAuditedRefusedWithItsCode() throws Exception {
        String corr = correlation();
        Faults.expect(ErrorCode.NOT_AUTHORIZED,
                () -> customers(Clientele.READONLY, corr).createCustomers(create("Audit refused " + corr)));
        Map<String, Object> row = onlyRow(corr);
        assertCaller(row, Clientele.READONLY, corr, "createCustomers");
        assertEquals("REFUSED", row.get("outcome"));
        assertTrue(String.valueOf(row.get("detail")).contains("NOT_AUTHORIZED"), () -> "detail: " + row.get("detail"));

        String tooMany = correlation();
        String[] names = new String[201];
        Arrays.fill(names, "Audit limit " + tooMany);
        Faults.expect(ErrorCode.LIMIT_EXCEEDED, () -> customers(Clientele.INTEGRATION, tooMany).createCustomers(create(names)));
        Map<String, Object> limit = onlyRow(tooMany);
        assertEquals("REFUSED", limit.get("outcome"));
        assertTrue(String.valueOf(limit.get("detail")).contains("LIMIT_EXCEEDED"), () -> "detail: " + limit.get("detail"));
    }

    @Test
    void aMergeIsAuditedWithMasterAndDuplicate() throws Exception {
        String corr = correlation();
        long master = createOne("Audit master " + corr);
        long duplicate = createOne("Audit duplicate " + corr);
        MergeCustomers merge = new MergeCustomers();
        merge.setMasterId(master);
        merge.getDuplicateId().add(duplicate);
        customers(Clientele.INTEGRATION, corr).mergeCustomers(merge);
        Map<String, Object> row = onlyRow(corr);
        assertCaller(row, Clientele.INTEGRATION, corr, "mergeCustomers");
        assertEquals("OK", row.get("outcome"));
        assertEquals(Set.of(master, duplicate), ids(row));
    }

    @Test
    void caseWritesAreAuditedToo() throws Exception {
        String corr = correlation();
        long customer = CaseOperationsIT.customer("Audit case " + corr);
        CasePortType agent = Headers.requestContext(Clientele.cases(Clientele.AGENT), null, SYSTEM, corr);
        long caseId = CaseOperationsIT.openOne(agent, CaseOperationsIT.data(customer, Priority.HIGH));
        CaseOperationsIT.move(agent, caseId, CaseStatus.OPEN);
        List<Map<String, Object>> rows = rows(corr);
        assertEquals(List.of("openCases", "changeCaseStatus"), rows.stream().map(r -> r.get("operation")).toList());
        for (Map<String, Object> row : rows) {
            assertCaller(row, Clientele.AGENT, corr, String.valueOf(row.get("operation")));
            assertEquals("OK", row.get("outcome"));
            assertTrue(ids(row).contains(caseId), () -> "ids of " + row);
        }
    }

    @Test
    void readsAreNotAudited() throws Exception {
        String corr = correlation();
        long id = createOne("Audit read " + corr);
        GetCustomers get = new GetCustomers();
        get.getId().add(id);
        assertEquals(id, customers(Clientele.READONLY, corr).getCustomers(get).getLookup().get(0).getCustomer().getId());
        assertEquals(List.of(), rows(corr));
    }
}
