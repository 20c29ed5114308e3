package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.Interaction;
import org.clientele.ws.customer.InteractionType;
import org.clientele.ws.customer.ListInteractions;
import org.clientele.ws.customer.MergeCustomers;
import org.clientele.ws.customer.NewInteraction;
import org.clientele.ws.customer.RecordInteractions;
import org.clientele.ws.sync.Change;
import org.clientele.ws.sync.EntityType;
import org.clientele.ws.sync.GetChanges;
import org.clientele.ws.sync.GetChangesResponse;
import org.clientele.ws.sync.GetLatestCursor;
import org.clientele.ws.sync.Operation;
import org.clientele.ws.sync.SyncPortType;
import org.junit.jupiter.api.Test;

/**
 * Change-feed promises beyond the gap-free order: the maxChanges bounds, interactions moved by a merge reported as
 * UPDATED, and the page-token/cursor key stored once in the database (so every node and restart accepts it).
 */
class FeedIT {

    private static List<Long> create(String... names) throws Exception {
        CreateCustomers request = new CreateCustomers();
        for (String n : names) {
            request.getCustomer().add(SyncIT.item(n));
        }
        List<ItemResult> results = Clientele.customers(Clientele.INTEGRATION).createCustomers(request).getResult();
        assertTrue(results.stream().allMatch(ItemResult::isSuccess));
        return results.stream().map(ItemResult::getId).toList();
    }

    @Test
    void maxChangesIsBetweenOneAnd5000() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.READONLY);
        String cursor = sync.getLatestCursor(new GetLatestCursor()).getCursor();
        for (int outside : new int[] {0, 5001}) {
            GetChanges get = new GetChanges();
            get.setCursor(cursor);
            get.setMaxChanges(outside);
            Faults.expect(ErrorCode.VALIDATION, () -> sync.getChanges(get));
        }
        String run = UUID.randomUUID().toString();
        List<Long> ids = create("Max one " + run, "Max two " + run);
        SyncIT.drain(sync, cursor, changes -> changes.stream().anyMatch(c -> c.getEntityId() == ids.get(1)));
        GetChanges one = new GetChanges();
        one.setCursor(cursor);
        one.setMaxChanges(1);
        GetChangesResponse page = sync.getChanges(one);
        assertEquals(1, page.getChange().size(), "maxChanges=1 returns one change");
        assertTrue(page.isHasMore(), "and says there is more");
        GetChanges most = new GetChanges();
        most.setCursor(cursor);
        most.setMaxChanges(5000);
        assertTrue(sync.getChanges(most).getChange().stream().anyMatch(c -> c.getEntityId() == ids.get(1)));
    }

    @Test
    void interactionsMovedByAMergeAreReportedUpdated() throws Exception {
        String run = UUID.randomUUID().toString();
        List<Long> ids = create("Merge master " + run, "Merge duplicate " + run);
        long master = ids.get(0);
        long duplicate = ids.get(1);
        CustomerPortType customers = Clientele.customers(Clientele.INTEGRATION);
        RecordInteractions record = new RecordInteractions();
        for (String subject : List.of("First call " + run, "Second call " + run)) {
            Interaction i = new Interaction();
            i.setCustomerId(duplicate);
            i.setType(InteractionType.CALL);
            i.setSubject(subject);
            i.setOccurredAt(java.time.OffsetDateTime.now());
            NewInteraction item = new NewInteraction();
            item.setInteraction(i);
            record.getInteraction().add(item);
        }
        List<Long> interactions = customers.recordInteractions(record).getResult().stream().map(ItemResult::getId).toList();
        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String cursor = SyncClients.settledCursor(sync); // after the interactions' CREATED changes
        MergeCustomers merge = new MergeCustomers();
        merge.setMasterId(master);
        merge.getDuplicateId().add(duplicate);
        customers.mergeCustomers(merge);

        List<Change> seen = SyncIT.drain(sync, cursor, changes -> interactions.stream().allMatch(id -> changes.stream()
                .anyMatch(c -> c.getEntityType() == EntityType.INTERACTION && c.getEntityId() == id)));
        for (long id : interactions) {
            List<Change> moved = seen.stream().filter(c -> c.getEntityType() == EntityType.INTERACTION && c.getEntityId() == id).toList();
            assertEquals(1, moved.size(), "one change for interaction " + id + ": " + moved);
            assertEquals(Operation.UPDATED, moved.get(0).getOperation());
            assertTrue(moved.get(0).getEntityVersion() > 0, "the move is a new version of the interaction");
        }
        assertTrue(seen.stream().anyMatch(c -> c.getEntityId() == duplicate && c.getOperation() == Operation.MERGED));
        assertTrue(seen.stream().anyMatch(c -> c.getEntityId() == master && c.getOperation() == Operation.UPDATED
                && c.getEntityType() == EntityType.CUSTOMER));
        ListInteractions list = new ListInteractions();
        list.setCustomerId(master);
        assertEquals(new TreeSet<>(interactions), new TreeSet<>(customers.listInteractions(list).getInteraction().stream()
                .map(Interaction::getId).toList()), "the master lists the moved interactions");
    }

    @Test
    void thePageTokenKeyIsStoredOnceInTheDatabase() throws Exception {
        // a token makes the server load or create its key
        SyncClients.sync(Clientele.READONLY).getLatestCursor(new GetLatestCursor());
        List<Map<String, Object>> rows = Database.query(
                "SELECT setting_value FROM clientele_setting WHERE name = 'page-token-hmac-key'");
        assertEquals(1, rows.size(), "one shared key: " + rows.size());
        byte[] key = Base64.getDecoder().decode(rows.get(0).get("setting_value").toString());
        assertEquals(32, key.length, "a 256-bit HMAC key");
    }
}
