package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerChange;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.CustomerRef;
import org.clientele.ws.customer.DeleteCustomers;
import org.clientele.ws.customer.Interaction;
import org.clientele.ws.customer.InteractionType;
import org.clientele.ws.customer.MergeCustomers;
import org.clientele.ws.customer.NewCustomer;
import org.clientele.ws.customer.NewInteraction;
import org.clientele.ws.customer.RecordInteractions;
import org.clientele.ws.customer.UndeleteCustomers;
import org.clientele.ws.customer.UpdateCustomers;
import org.clientele.ws.sync.Change;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.sync.EntityType;
import org.clientele.ws.sync.GetChanges;
import org.clientele.ws.sync.GetChangesResponse;
import org.clientele.ws.sync.GetLatestCursor;
import org.clientele.ws.sync.Operation;
import org.clientele.ws.sync.SyncPortType;
import org.junit.jupiter.api.Test;

/** The change feed reports every kind of write, in order, with who made it, and guards its cursors and roles. */
class SyncIT {

    @Test
    void everyWriteAppearsInTheFeedInOrder() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String cursor = sync.getLatestCursor(new GetLatestCursor()).getCursor();
        String run = UUID.randomUUID().toString();
        CustomerPortType customers = SyncClients.customersAs(Clientele.INTEGRATION, "ERP-TEST", "corr-" + run);

        long a = create(customers, "Feed A " + run);
        long b = create(customers, "Feed B " + run);
        update(customers, a, "Feed A renamed " + run);
        refs(customers, b, true);
        refs(customers, b, false);
        MergeCustomers merge = new MergeCustomers();
        merge.setMasterId(a);
        merge.getDuplicateId().add(b);
        customers.mergeCustomers(merge);
        RecordInteractions record = new RecordInteractions();
        NewInteraction ni = new NewInteraction();
        Interaction i = new Interaction();
        i.setCustomerId(a);
        i.setType(InteractionType.CALL);
        i.setSubject("Called about the feed");
        i.setOccurredAt(java.time.OffsetDateTime.now());
        ni.setInteraction(i);
        record.getInteraction().add(ni);
        long interaction = customers.recordInteractions(record).getResult().get(0).getId();

        List<Change> seen = drain(sync, cursor, changes -> changes.stream().anyMatch(c -> c.getEntityId() == interaction
                && c.getEntityType() == EntityType.INTERACTION));
        List<Change> mine = seen.stream().filter(c -> (c.getEntityType() == EntityType.CUSTOMER && (c.getEntityId() == a || c.getEntityId() == b))
                || (c.getEntityType() == EntityType.INTERACTION && c.getEntityId() == interaction)).toList();
        List<String> ops = mine.stream().map(c -> c.getEntityId() + ":" + c.getOperation()).toList();
        assertEquals(List.of(a + ":CREATED", b + ":CREATED", a + ":UPDATED", b + ":DELETED", b + ":UNDELETED",
                b + ":MERGED", a + ":UPDATED", interaction + ":CREATED"), ops);
        Change merged = mine.get(5);
        assertEquals(a, merged.getMergedInto());
        for (Change c : mine) {
            assertEquals(Clientele.INTEGRATION, c.getPrincipal());
            assertEquals("ERP-TEST", c.getClientSystem());
            assertEquals("corr-" + run, c.getCorrelationId());
            assertNotNull(c.getChangedAt());
        }
        for (int k = 1; k < seen.size(); k++) {
            assertTrue(seen.get(k).getSequence() > seen.get(k - 1).getSequence(), "sequences must grow");
        }
        assertEquals(0, mine.get(0).getEntityVersion());
        assertTrue(mine.get(2).getEntityVersion() > mine.get(0).getEntityVersion());
    }

    @Test
    void snapshotsCarryTheCurrentState() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.READONLY);
        String cursor = sync.getLatestCursor(new GetLatestCursor()).getCursor();
        String name = "Snapshot " + UUID.randomUUID();
        long id = create(Clientele.customers(Clientele.ADMIN), name);
        GetChanges get = new GetChanges();
        get.setCursor(cursor);
        get.setIncludeSnapshots(true);
        get.getEntityType().add(EntityType.CUSTOMER);
        Change change = null;
        Instant deadline = Instant.now().plusSeconds(30);
        while (change == null && Instant.now().isBefore(deadline)) {
            GetChangesResponse page = sync.getChanges(get);
            change = page.getChange().stream().filter(c -> c.getEntityId() == id).findFirst().orElse(null);
            get.setCursor(page.getNextCursor());
            Thread.sleep(100);
        }
        assertNotNull(change, "the change must appear in the feed");
        assertEquals(name, change.getCustomer().getData().getName());
    }

    @Test
    void soap12PortServesTheFeed() throws Exception {
        assertFalse(SyncClients.sync12(Clientele.ADMIN).getLatestCursor(new GetLatestCursor()).getCursor().isEmpty());
    }

    @Test
    void tamperedCursorIsRefused() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String cursor = sync.getLatestCursor(new GetLatestCursor()).getCursor();
        int middle = cursor.indexOf('.') + 5; // a character inside the signature
        char c = cursor.charAt(middle);
        GetChanges get = new GetChanges();
        get.setCursor(cursor.substring(0, middle) + (c == 'A' ? 'B' : 'A') + cursor.substring(middle + 1));
        CrmFault fault = assertThrows(CrmFault.class, () -> sync.getChanges(get));
        assertEquals(ErrorCode.VALIDATION, fault.getFaultInfo().getCode());
        assertEquals("cursor", fault.getFaultInfo().getField());
    }

    @Test
    void agentsAndMarketingMayNotReadTheFeed() {
        for (String user : List.of(Clientele.AGENT, Clientele.MARKETING)) {
            CrmFault fault = assertThrows(CrmFault.class, () -> SyncClients.sync(user).getLatestCursor(new GetLatestCursor()));
            assertEquals(ErrorCode.NOT_AUTHORIZED, fault.getFaultInfo().getCode());
            CrmFault changes = assertThrows(CrmFault.class, () -> SyncClients.sync(user).getChanges(new GetChanges()));
            assertEquals(ErrorCode.NOT_AUTHORIZED, changes.getFaultInfo().getCode());
        }
    }

    @Test
    void rolledBackWritesLeaveNoChange() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String cursor = sync.getLatestCursor(new GetLatestCursor()).getCursor();
        String run = UUID.randomUUID().toString();
        CreateCustomers batch = new CreateCustomers();
        batch.getCustomer().add(item("Rolled back " + run));
        NewCustomer bad = item("Bad " + run);
        org.clientele.ws.customer.Address nowhere = new org.clientele.ws.customer.Address();
        nowhere.setType(org.clientele.ws.customer.AddressType.MAIN);
        nowhere.setLine1("Nowhere 1");
        nowhere.setCity("Nowhere");
        nowhere.setCountryCode("XX"); // fits the schema's pattern, but is no ISO 3166 country: the service refuses it
        bad.getData().getAddress().add(nowhere);
        batch.getCustomer().add(bad);
        batch.setAllOrNone(true);
        List<ItemResult> results = SyncClients.customersAs(Clientele.INTEGRATION, "ERP-TEST", "rollback-" + run)
                .createCustomers(batch).getResult();
        assertFalse(results.get(0).isSuccess());
        assertEquals(ErrorCode.ROLLED_BACK, results.get(0).getError().get(0).getCode());
        long marker = create(SyncClients.customersAs(Clientele.INTEGRATION, "ERP-TEST", "marker-" + run), "Marker " + run);
        List<Change> seen = drain(sync, cursor, changes -> changes.stream().anyMatch(c -> c.getEntityId() == marker));
        // the marker was written after the rolled-back batch, so any change of that batch would be before it
        assertTrue(seen.stream().noneMatch(c -> ("rollback-" + run).equals(c.getCorrelationId())));
        assertEquals(1, seen.stream().filter(c -> ("marker-" + run).equals(c.getCorrelationId())).count());
    }

    /** Reads the feed from the cursor until the condition holds (the sequencer numbers changes within ~0.1 s). */
    static List<Change> drain(SyncPortType sync, String cursor, Predicate<List<Change>> done) throws Exception {
        List<Change> seen = new ArrayList<>();
        GetChanges get = new GetChanges();
        get.setCursor(cursor);
        get.setMaxChanges(5000);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            GetChangesResponse page = sync.getChanges(get);
            seen.addAll(page.getChange());
            get.setCursor(page.getNextCursor());
            if (done.test(seen) && !page.isHasMore()) {
                return seen;
            }
            if (!page.isHasMore()) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the expected changes did not appear in the feed within 60 s");
    }

    static NewCustomer item(String name) {
        CustomerData data = new CustomerData();
        data.setKind(CustomerKind.ORGANIZATION);
        data.setName(name);
        NewCustomer item = new NewCustomer();
        item.setData(data);
        return item;
    }

    private static long create(CustomerPortType customers, String name) throws Exception {
        CreateCustomers create = new CreateCustomers();
        create.getCustomer().add(item(name));
        ItemResult r = customers.createCustomers(create).getResult().get(0);
        assertTrue(r.isSuccess(), () -> r.getError().get(0).getMessage());
        return r.getId();
    }

    private static void update(CustomerPortType customers, long id, String name) throws Exception {
        UpdateCustomers update = new UpdateCustomers();
        CustomerChange change = new CustomerChange();
        change.setId(id);
        change.setData(item(name).getData());
        update.getCustomer().add(change);
        assertTrue(customers.updateCustomers(update).getResult().get(0).isSuccess());
    }

    private static void refs(CustomerPortType customers, long id, boolean delete) throws Exception {
        CustomerRef ref = new CustomerRef();
        ref.setId(id);
        if (delete) {
            DeleteCustomers d = new DeleteCustomers();
            d.getCustomer().add(ref);
            assertTrue(customers.deleteCustomers(d).getResult().get(0).isSuccess());
        } else {
            UndeleteCustomers u = new UndeleteCustomers();
            u.getCustomer().add(ref);
            assertTrue(customers.undeleteCustomers(u).getResult().get(0).isSuccess());
        }
    }
}
