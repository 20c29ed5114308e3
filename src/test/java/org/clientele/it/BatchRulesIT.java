package org.clientele.it;

import static org.clientele.it.CustomerOperationsIT.assertItemError;
import static org.clientele.it.CustomerOperationsIT.contact;
import static org.clientele.it.CustomerOperationsIT.data;
import static org.clientele.it.CustomerOperationsIT.describe;
import static org.clientele.it.CustomerOperationsIT.fault;
import static org.clientele.it.CustomerOperationsIT.get;
import static org.clientele.it.CustomerOperationsIT.key;
import static org.clientele.it.CustomerOperationsIT.newCustomer;
import static org.clientele.it.CustomerOperationsIT.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ExternalKey;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.Address;
import org.clientele.ws.customer.AddressType;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.customer.Customer;
import org.clientele.ws.customer.CustomerChange;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.CustomerRef;
import org.clientele.ws.customer.CustomerUpsert;
import org.clientele.ws.customer.DeleteCustomers;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.Interaction;
import org.clientele.ws.customer.InteractionType;
import org.clientele.ws.customer.ListInteractions;
import org.clientele.ws.customer.MergeCustomers;
import org.clientele.ws.customer.NewInteraction;
import org.clientele.ws.customer.RecordInteractions;
import org.clientele.ws.customer.UndeleteCustomers;
import org.clientele.ws.customer.UpdateCustomers;
import org.clientele.ws.customer.UpsertCustomers;
import org.junit.jupiter.api.Test;

/** The batch rules of every batch operation: the 200-item limit, one result per item in order, and allOrNone. */
class BatchRulesIT {

    private static final long UNKNOWN_ID = 8_000_000_000_000_000L;
    private static final CustomerPortType PORT = Clientele.customers(Clientele.INTEGRATION);

    @Test
    void twoHundredItemsSucceedInOneCall() throws Exception {
        String prefix = "b200" + uid();
        CreateCustomers req = creates(prefix, 200);
        List<ItemResult> results = PORT.createCustomers(req).getResult();

        assertEquals(200, results.size());
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ItemResult r = results.get(i);
            assertTrue(r.isSuccess(), () -> describe(r));
            assertEquals("c" + i, r.getClientRef(), "results come in request order");
            assertEquals(0L, r.getVersion());
            ids.add(r.getId());
        }
        assertEquals(200, ids.size());
        assertEquals(200, count(prefix));
    }

    @Test
    void twoHundredAndOneItemsAreRefusedAndNothingIsWritten() throws Exception {
        String prefix = "b201" + uid();
        assertEquals(ErrorCode.LIMIT_EXCEEDED, fault(() -> PORT.createCustomers(creates(prefix, 201))).getCode());
        assertEquals(0, count(prefix));

        UpsertCustomers upserts = new UpsertCustomers();
        for (int i = 0; i < 201; i++) {
            upserts.getCustomer().add(upsertItem(key("BATCH", prefix + "-" + i), data(prefix + " up " + i), null));
        }
        assertEquals(ErrorCode.LIMIT_EXCEEDED, fault(() -> PORT.upsertCustomers(upserts)).getCode());
        assertEquals(0, count(prefix));

        long id = createOk(data(prefix + " target"));
        UpdateCustomers updates = new UpdateCustomers();
        DeleteCustomers deletes = new DeleteCustomers();
        UndeleteCustomers undeletes = new UndeleteCustomers();
        RecordInteractions interactions = new RecordInteractions();
        for (int i = 0; i < 201; i++) {
            updates.getCustomer().add(change(id, null, data(prefix + " changed " + i), null));
            deletes.getCustomer().add(ref(id, null, null));
            undeletes.getCustomer().add(ref(id, null, null));
            interactions.getInteraction().add(note(id, "n" + i, null));
        }
        assertEquals(ErrorCode.LIMIT_EXCEEDED, fault(() -> PORT.updateCustomers(updates)).getCode());
        assertEquals(ErrorCode.LIMIT_EXCEEDED, fault(() -> PORT.deleteCustomers(deletes)).getCode());
        assertEquals(ErrorCode.LIMIT_EXCEEDED, fault(() -> PORT.undeleteCustomers(undeletes)).getCode());
        assertEquals(ErrorCode.LIMIT_EXCEEDED, fault(() -> PORT.recordInteractions(interactions)).getCode());
        Customer c = get(id);
        assertEquals(0L, c.getVersion());
        assertFalse(c.isDeleted());
        assertEquals(prefix + " target", c.getData().getName());
        assertEquals(0, interactionCount(id));
    }

    @Test
    void withoutAllOrNoneGoodItemsCommitAndBadItemsFailAlone() throws Exception {
        String prefix = "bmix" + uid();
        long owner = createOk(withKey(data(prefix + " owner"), "taken-" + prefix));
        CreateCustomers req = new CreateCustomers();
        req.getCustomer().add(newCustomer(data(prefix + " good0"), "good0"));
        req.getCustomer().add(newCustomer(withKey(data(prefix + " takenKey"), "taken-" + prefix), "takenKey"));
        req.getCustomer().add(newCustomer(data(prefix + " good2"), "good2"));
        req.getCustomer().add(newCustomer(withBadCountry(data(prefix + " badCountry")), "badCountry"));
        req.getCustomer().add(newCustomer(twoPrimaries(data(prefix + " twoPrimaries")), "twoPrimaries"));
        req.getCustomer().add(newCustomer(data(prefix + " good5"), null));
        List<ItemResult> results = PORT.createCustomers(req).getResult();

        assertEquals(6, results.size());
        assertEquals(Arrays.asList("good0", "takenKey", "good2", "badCountry", "twoPrimaries", null),
                results.stream().map(ItemResult::getClientRef).toList());
        assertTrue(results.get(0).isSuccess(), () -> describe(results.get(0)));
        assertItemError(results.get(1), ErrorCode.VALIDATION);
        assertEquals("externalKey", results.get(1).getError().get(0).getField());
        assertTrue(results.get(2).isSuccess(), () -> describe(results.get(2)));
        assertItemError(results.get(3), ErrorCode.VALIDATION);
        assertEquals("address.countryCode", results.get(3).getError().get(0).getField());
        assertItemError(results.get(4), ErrorCode.VALIDATION);
        assertEquals("contact.primary", results.get(4).getError().get(0).getField());
        assertTrue(results.get(5).isSuccess(), () -> describe(results.get(5)));
        for (int i : new int[] {1, 3, 4}) {
            assertNull(results.get(i).getId(), "a failed item has no id");
        }

        assertEquals(Set.of(owner, results.get(0).getId(), results.get(2).getId(), results.get(5).getId()),
                Set.copyOf(findIds(prefix)));
        assertEquals(prefix + " good2", get(results.get(2).getId()).getData().getName());
    }

    @Test
    void allOrNoneWritesNothingWhenAnItemFails() throws Exception {
        String prefix = "baon" + uid();
        CreateCustomers req = new CreateCustomers();
        req.getCustomer().add(newCustomer(data(prefix + " a"), "a"));
        req.getCustomer().add(newCustomer(withBadCountry(data(prefix + " bad1")), "bad1"));
        req.getCustomer().add(newCustomer(data(prefix + " b"), "b"));
        req.getCustomer().add(newCustomer(twoPrimaries(data(prefix + " bad2")), "bad2"));
        req.getCustomer().add(newCustomer(withKey(data(prefix + " c"), "aon-" + prefix), "c"));
        req.setAllOrNone(true);
        List<ItemResult> results = PORT.createCustomers(req).getResult();

        assertEquals(List.of("a", "bad1", "b", "bad2", "c"), results.stream().map(ItemResult::getClientRef).toList());
        assertItemError(results.get(0), ErrorCode.ROLLED_BACK);
        assertItemError(results.get(1), ErrorCode.VALIDATION);
        assertItemError(results.get(2), ErrorCode.ROLLED_BACK);
        assertItemError(results.get(3), ErrorCode.VALIDATION);
        assertItemError(results.get(4), ErrorCode.ROLLED_BACK);
        results.forEach(r -> assertNull(r.getId()));
        assertEquals(0, count(prefix));
        // the rolled-back key was never taken
        assertTrue(createOk(withKey(data(prefix + " later"), "aon-" + prefix)) > 0);

        req.getCustomer().remove(3);
        req.getCustomer().remove(1);
        List<ItemResult> again = PORT.createCustomers(req).getResult();
        assertEquals(3, again.size());
        assertItemError(again.get(0), ErrorCode.ROLLED_BACK);
        assertItemError(again.get(1), ErrorCode.ROLLED_BACK);
        assertItemError(again.get(2), ErrorCode.VALIDATION);
        assertEquals("externalKey", again.get(2).getError().get(0).getField());
        assertEquals(Set.of(prefix + " later"),
                Set.copyOf(find(prefix).stream().map(c -> c.getData().getName()).toList()),
                "the batch with a taken key must roll back as a whole");
    }

    @Test
    void duplicateExternalKeyWithinOneBatchFailsTheSecondItem() throws Exception {
        String prefix = "bdup" + uid();
        CreateCustomers req = new CreateCustomers();
        req.getCustomer().add(newCustomer(withKey(data(prefix + " first"), "dup-" + prefix), "first"));
        req.getCustomer().add(newCustomer(data(prefix + " between"), "between"));
        req.getCustomer().add(newCustomer(withKey(data(prefix + " second"), "dup-" + prefix), "second"));
        List<ItemResult> results = PORT.createCustomers(req).getResult();

        assertTrue(results.get(0).isSuccess(), () -> describe(results.get(0)));
        assertTrue(results.get(1).isSuccess(), () -> describe(results.get(1)));
        assertItemError(results.get(2), ErrorCode.VALIDATION);
        assertEquals("externalKey", results.get(2).getError().get(0).getField());
        GetCustomers byKey = new GetCustomers();
        byKey.getExternalKey().add(key("BATCH", "dup-" + prefix));
        assertEquals(results.get(0).getId(), PORT.getCustomers(byKey).getLookup().get(0).getCustomer().getId());
        assertEquals(2, count(prefix));

        String prefix2 = "bdua" + uid();
        CreateCustomers aon = new CreateCustomers();
        aon.getCustomer().add(newCustomer(withKey(data(prefix2 + " first"), "dup-" + prefix2), "first"));
        aon.getCustomer().add(newCustomer(withKey(data(prefix2 + " second"), "dup-" + prefix2), "second"));
        aon.setAllOrNone(true);
        List<ItemResult> rolled = PORT.createCustomers(aon).getResult();
        assertItemError(rolled.get(0), ErrorCode.ROLLED_BACK);
        assertItemError(rolled.get(1), ErrorCode.VALIDATION);
        assertEquals(0, count(prefix2));
    }

    @Test
    void allOrNoneAppliesToUpdates() throws Exception {
        String prefix = "bupd" + uid();
        long a = createOk(data(prefix + " a"));
        long b = createOk(data(prefix + " b"));
        assertTrue(PORT.updateCustomers(updates(false, change(b, 0L, data(prefix + " b1"), null))).getResult().get(0).isSuccess());

        List<ItemResult> rolled = PORT.updateCustomers(updates(true,
                change(a, 0L, data(prefix + " a-new"), "a"),
                change(b, 0L, data(prefix + " b-stale"), "b"),
                change(UNKNOWN_ID, null, data(prefix + " ghost"), "ghost"))).getResult();
        assertEquals(List.of("a", "b", "ghost"), rolled.stream().map(ItemResult::getClientRef).toList());
        assertItemError(rolled.get(0), ErrorCode.ROLLED_BACK);
        assertItemError(rolled.get(1), ErrorCode.CONCURRENCY);
        assertItemError(rolled.get(2), ErrorCode.NOT_FOUND);
        assertEquals(prefix + " a", get(a).getData().getName());
        assertEquals(0L, get(a).getVersion());
        assertEquals(1L, get(b).getVersion());

        List<ItemResult> partial = PORT.updateCustomers(updates(false,
                change(a, 0L, data(prefix + " a-new"), "a"),
                change(b, 0L, data(prefix + " b-stale"), "b"))).getResult();
        assertTrue(partial.get(0).isSuccess(), () -> describe(partial.get(0)));
        assertEquals(1L, partial.get(0).getVersion());
        assertItemError(partial.get(1), ErrorCode.CONCURRENCY);
        assertEquals(prefix + " a-new", get(a).getData().getName());
        assertEquals(prefix + " b1", get(b).getData().getName());
    }

    @Test
    void itemsApplyInOrderSoAKeyFreedByOneItemCanBeTakenByTheNext() throws Exception {
        String prefix = "bmov" + uid();
        long a = createOk(withKey(data(prefix + " a"), "move-" + prefix));
        long b = createOk(data(prefix + " b"));
        List<ItemResult> results = PORT.updateCustomers(updates(true,
                change(a, 0L, data(prefix + " a"), "release"),
                change(b, 0L, withKey(data(prefix + " b"), "move-" + prefix), "take"))).getResult();
        assertTrue(results.get(0).isSuccess(), () -> describe(results.get(0)));
        assertTrue(results.get(1).isSuccess(), () -> describe(results.get(1)));
        GetCustomers byKey = new GetCustomers();
        byKey.getExternalKey().add(key("BATCH", "move-" + prefix));
        assertEquals(b, PORT.getCustomers(byKey).getLookup().get(0).getCustomer().getId());
        assertTrue(get(a).getData().getExternalKey().isEmpty());
    }

    @Test
    void twoItemsChangingOneCustomerEachGetTheirOwnVersion() throws Exception {
        // items are applied without a flush each; a repeated customer must still see the earlier item's version
        String prefix = "btwice" + uid();
        long a = createOk(data(prefix + " a"));
        List<ItemResult> results = PORT.updateCustomers(updates(false,
                change(a, 0L, data(prefix + " first"), "first"),
                change(a, 1L, data(prefix + " second"), "second"),
                change(a, 1L, data(prefix + " stale"), "stale"))).getResult();
        assertTrue(results.get(0).isSuccess(), () -> describe(results.get(0)));
        assertEquals(1L, results.get(0).getVersion());
        assertTrue(results.get(1).isSuccess(), () -> describe(results.get(1)));
        assertEquals(2L, results.get(1).getVersion());
        assertItemError(results.get(2), ErrorCode.CONCURRENCY);
        assertEquals(prefix + " second", get(a).getData().getName());
        assertEquals(2L, get(a).getVersion());
    }

    @Test
    void allOrNoneAppliesToDeletesAndUndeletes() throws Exception {
        String prefix = "bdel" + uid();
        long a = createOk(data(prefix + " a"));
        long b = createOk(data(prefix + " b"));

        List<ItemResult> rolled = PORT.deleteCustomers(deletes(true, ref(a, null, "a"), ref(UNKNOWN_ID, null, "ghost"),
                ref(b, 7L, "stale"))).getResult();
        assertItemError(rolled.get(0), ErrorCode.ROLLED_BACK);
        assertItemError(rolled.get(1), ErrorCode.NOT_FOUND);
        assertItemError(rolled.get(2), ErrorCode.CONCURRENCY);
        assertFalse(get(a).isDeleted());
        assertFalse(get(b).isDeleted());
        assertEquals(2, count(prefix));

        List<ItemResult> both = PORT.deleteCustomers(deletes(true, ref(a, 0L, "a"), ref(b, 0L, "b"))).getResult();
        assertTrue(both.get(0).isSuccess() && both.get(1).isSuccess(), () -> describe(both.get(0)) + describe(both.get(1)));
        assertEquals(0, count(prefix));

        long master = createOk(data(prefix + " master"));
        long merged = createOk(data(prefix + " merged"));
        MergeCustomers merge = new MergeCustomers();
        merge.setMasterId(master);
        merge.getDuplicateId().add(merged);
        PORT.mergeCustomers(merge);

        UndeleteCustomers und = new UndeleteCustomers();
        und.getCustomer().add(ref(a, null, "a"));
        und.getCustomer().add(ref(merged, null, "merged"));
        und.setAllOrNone(true);
        List<ItemResult> undRolled = PORT.undeleteCustomers(und).getResult();
        assertItemError(undRolled.get(0), ErrorCode.ROLLED_BACK);
        assertItemError(undRolled.get(1), ErrorCode.INVALID_STATE);
        assertTrue(get(a).isDeleted());

        und.setAllOrNone(false);
        List<ItemResult> undPartial = PORT.undeleteCustomers(und).getResult();
        assertTrue(undPartial.get(0).isSuccess(), () -> describe(undPartial.get(0)));
        assertItemError(undPartial.get(1), ErrorCode.INVALID_STATE);
        assertFalse(get(a).isDeleted());
        assertTrue(get(merged).isDeleted());
    }

    @Test
    void allOrNoneAppliesToUpsertsAndInteractions() throws Exception {
        String prefix = "bups" + uid();
        UpsertCustomers ups = new UpsertCustomers();
        ups.getCustomer().add(upsertItem(key("BATCH", prefix + "-1"), data(prefix + " one"), "one"));
        ups.getCustomer().add(upsertItem(key("BATCH", prefix + "-2"), withBadCountry(data(prefix + " two")), "two"));
        ups.setAllOrNone(true);
        List<ItemResult> rolled = PORT.upsertCustomers(ups).getResult();
        assertItemError(rolled.get(0), ErrorCode.ROLLED_BACK);
        assertItemError(rolled.get(1), ErrorCode.VALIDATION);
        assertEquals(0, count(prefix));

        long id = createOk(data(prefix + " talk"));
        RecordInteractions rec = new RecordInteractions();
        rec.getInteraction().add(note(id, "ok", "ok"));
        rec.getInteraction().add(note(UNKNOWN_ID, "ghost", "ghost"));
        rec.setAllOrNone(true);
        List<ItemResult> recRolled = PORT.recordInteractions(rec).getResult();
        assertItemError(recRolled.get(0), ErrorCode.ROLLED_BACK);
        assertItemError(recRolled.get(1), ErrorCode.NOT_FOUND);
        assertEquals(0, interactionCount(id));

        rec.setAllOrNone(false);
        List<ItemResult> recPartial = PORT.recordInteractions(rec).getResult();
        assertTrue(recPartial.get(0).isSuccess(), () -> describe(recPartial.get(0)));
        assertItemError(recPartial.get(1), ErrorCode.NOT_FOUND);
        assertEquals(1, interactionCount(id));
    }

    // ----- helpers -----

    private static CreateCustomers creates(String prefix, int n) {
        CreateCustomers req = new CreateCustomers();
        for (int i = 0; i < n; i++) {
            req.getCustomer().add(newCustomer(data(prefix + " " + i), "c" + i));
        }
        return req;
    }

    private static long createOk(CustomerData d) throws CrmFault {
        CreateCustomers req = new CreateCustomers();
        req.getCustomer().add(newCustomer(d, null));
        ItemResult r = PORT.createCustomers(req).getResult().get(0);
        assertTrue(r.isSuccess(), () -> describe(r));
        return r.getId();
    }

    private static CustomerData withKey(CustomerData d, String id) {
        d.getExternalKey().add(key("BATCH", id));
        return d;
    }

    /** Passes the schema (two upper-case letters) but is no ISO country, so only the service refuses it. */
    private static CustomerData withBadCountry(CustomerData d) {
        Address a = new Address();
        a.setType(AddressType.MAIN);
        a.setLine1("Nowhere 1");
        a.setCity("Atlantis");
        a.setCountryCode("XX");
        d.getAddress().add(a);
        return d;
    }

    private static CustomerData twoPrimaries(CustomerData d) {
        d.getContact().add(contact("One", "Primary", null, null, true));
        d.getContact().add(contact("Two", "Primary", null, null, true));
        return d;
    }

    private static CustomerChange change(long id, Long expectedVersion, CustomerData d, String clientRef) {
        CustomerChange c = new CustomerChange();
        c.setId(id);
        c.setExpectedVersion(expectedVersion);
        c.setData(d);
        c.setClientRef(clientRef);
        return c;
    }

    private static UpdateCustomers updates(boolean allOrNone, CustomerChange... changes) {
        UpdateCustomers u = new UpdateCustomers();
        u.getCustomer().addAll(List.of(changes));
        u.setAllOrNone(allOrNone);
        return u;
    }

    private static CustomerRef ref(long id, Long expectedVersion, String clientRef) {
        CustomerRef r = new CustomerRef();
        r.setId(id);
        r.setExpectedVersion(expectedVersion);
        r.setClientRef(clientRef);
        return r;
    }

    private static DeleteCustomers deletes(boolean allOrNone, CustomerRef... refs) {
        DeleteCustomers d = new DeleteCustomers();
        d.getCustomer().addAll(List.of(refs));
        d.setAllOrNone(allOrNone);
        return d;
    }

    private static CustomerUpsert upsertItem(ExternalKey k, CustomerData d, String clientRef) {
        CustomerUpsert u = new CustomerUpsert();
        u.setKey(k);
        u.setData(d);
        u.setClientRef(clientRef);
        return u;
    }

    private static NewInteraction note(long customerId, String subject, String clientRef) {
        Interaction i = new Interaction();
        i.setCustomerId(customerId);
        i.setType(InteractionType.NOTE);
        i.setSubject(subject);
        i.setOccurredAt(OffsetDateTime.now(ZoneOffset.UTC));
        NewInteraction n = new NewInteraction();
        n.setInteraction(i);
        n.setClientRef(clientRef);
        return n;
    }

    private static int interactionCount(long customerId) throws CrmFault {
        ListInteractions list = new ListInteractions();
        list.setCustomerId(customerId);
        list.setPageSize(1000);
        return PORT.listInteractions(list).getInteraction().size();
    }

    private static List<Customer> find(String nameContains) throws CrmFault {
        FindCustomers f = new FindCustomers();
        f.setNameContains(nameContains);
        f.setPageSize(1000);
        List<Customer> all = new ArrayList<>();
        do {
            var page = PORT.findCustomers(f);
            all.addAll(page.getCustomer());
            f.setPageToken(page.getNextPageToken());
        } while (f.getPageToken() != null);
        return all;
    }

    private static List<Long> findIds(String nameContains) throws CrmFault {
        return find(nameContains).stream().map(Customer::getId).toList();
    }

    private static int count(String nameContains) throws CrmFault {
        return find(nameContains).size();
    }
}
