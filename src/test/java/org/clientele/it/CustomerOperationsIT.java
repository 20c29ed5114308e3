package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ExternalKey;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.Address;
import org.clientele.ws.customer.AddressType;
import org.clientele.ws.customer.Contact;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.customer.Customer;
import org.clientele.ws.customer.CustomerChange;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.CustomerLookup;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.CustomerRef;
import org.clientele.ws.customer.CustomerStatus;
import org.clientele.ws.customer.CustomerUpsert;
import org.clientele.ws.customer.DeleteCustomers;
import org.clientele.ws.customer.Direction;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.GetCustomersResponse;
import org.clientele.ws.customer.Interaction;
import org.clientele.ws.customer.InteractionType;
import org.clientele.ws.customer.ListInteractions;
import org.clientele.ws.customer.ListInteractionsResponse;
import org.clientele.ws.customer.MergeCustomers;
import org.clientele.ws.customer.NewCustomer;
import org.clientele.ws.customer.NewInteraction;
import org.clientele.ws.customer.RecordInteractions;
import org.clientele.ws.customer.UndeleteCustomers;
import org.clientele.ws.customer.UpdateCustomers;
import org.clientele.ws.customer.UpsertCustomers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every CustomerService operation end to end over SOAP: its happy path and each fault or item error it can raise. */
class CustomerOperationsIT {

    /** An id no customer has: ids come from a sequence and stay far below this in any test database. */
    private static final long UNKNOWN_ID = 8_000_000_000_000_000L;

    private static final CustomerPortType ADMIN = Clientele.customers(Clientele.ADMIN);
    private static final CustomerPortType INTEGRATION = Clientele.customers(Clientele.INTEGRATION);
    private static final CustomerPortType AGENT = Clientele.customers(Clientele.AGENT);
    private static final CustomerPortType READONLY = Clientele.customers(Clientele.READONLY);

    // ----- create / get -----

    @Test
    void createStoresEveryFieldAndGetReturnsIt() throws Exception {
        String u = uid();
        CustomerData d = data("Every Field " + u);
        d.setKind(CustomerKind.PERSON);
        d.setEmail("Every." + u + "@Example.org");
        d.setPhone("+49 (30) 123-" + digits(u));
        d.setStatus(CustomerStatus.ACTIVE);
        d.setSegment("SEG-" + u);
        d.setOwner("owner-" + u);
        d.getExternalKey().add(key("ERP", "e-" + u));
        d.getExternalKey().add(key("SHOP.1", "s-" + u));
        d.getAddress().add(address(AddressType.MAIN, "Main St 1", "Floor 2", "Berlin", "BE", "10115", "DE"));
        d.getAddress().add(address(AddressType.BILLING, "PO Box 7", null, "Paris", null, null, "FR"));
        d.getContact().add(contact("Ada", "Lovelace", "ada." + u + "@example.org", "+44 20 1234", true));
        Contact plain = contact(null, "Plain", null, null, false);
        plain.setTitle("CTO");
        d.getContact().add(plain);

        ItemResult r = createOne(INTEGRATION, d, "ref-" + u);
        assertEquals("ref-" + u, r.getClientRef());
        assertEquals(0L, r.getVersion());
        assertNull(r.isCreated(), "created is for upserts only");
        assertTrue(r.getError().isEmpty());

        Customer c = get(r.getId());
        assertEquals(r.getId(), c.getId());
        assertEquals(0L, c.getVersion());
        assertFalse(c.isDeleted());
        assertNull(c.getMergedInto());
        assertNotNull(c.getCreatedAt());
        assertNotNull(c.getUpdatedAt());
        CustomerData s = c.getData();
        assertEquals(CustomerKind.PERSON, s.getKind());
        assertEquals("Every Field " + u, s.getName());
        assertEquals("Every." + u + "@Example.org", s.getEmail(), "e-mail is stored as given");
        assertEquals(d.getPhone(), s.getPhone());
        assertEquals(CustomerStatus.ACTIVE, s.getStatus());
        assertEquals("SEG-" + u, s.getSegment());
        assertEquals("owner-" + u, s.getOwner());
        assertEquals(List.of("ERP/e-" + u, "SHOP.1/s-" + u), keys(s));
        assertEquals(2, s.getAddress().size());
        Address main = s.getAddress().get(0);
        assertEquals(AddressType.MAIN, main.getType());
        assertEquals("Main St 1", main.getLine1());
        assertEquals("Floor 2", main.getLine2());
        assertEquals("Berlin", main.getCity());
        assertEquals("BE", main.getRegion());
        assertEquals("10115", main.getPostalCode());
        assertEquals("DE", main.getCountryCode());
        Address billing = s.getAddress().get(1);
        assertEquals(AddressType.BILLING, billing.getType());
        assertNull(billing.getLine2());
        assertNull(billing.getRegion());
        assertNull(billing.getPostalCode());
        assertEquals("FR", billing.getCountryCode());
        assertEquals(2, s.getContact().size());
        Contact ada = s.getContact().get(0);
        assertNotNull(ada.getId());
        assertEquals("Ada", ada.getFirstName());
        assertEquals("Lovelace", ada.getLastName());
        assertEquals("ada." + u + "@example.org", ada.getEmail());
        assertEquals("+44 20 1234", ada.getPhone());
        assertEquals(Boolean.TRUE, ada.isPrimary());
        Contact p = s.getContact().get(1);
        assertNotNull(p.getId());
        assertNull(p.getFirstName());
        assertEquals("CTO", p.getTitle());
        assertEquals(Boolean.FALSE, p.isPrimary());
    }

    @Test
    void createDefaultsStatusToProspect() throws Exception {
        long id = createOne(ADMIN, data("Minimal " + uid()), null).getId();
        Customer c = get(id);
        assertEquals(CustomerStatus.PROSPECT, c.getData().getStatus());
        assertTrue(c.getData().getExternalKey().isEmpty());
        assertTrue(c.getData().getContact().isEmpty());
        assertNull(c.getData().getEmail());
    }

    @Test
    void createWithExternalKeyOfAnotherCustomerFailsItsItem() throws Exception {
        String u = uid();
        CustomerData first = data("Key Owner " + u);
        first.getExternalKey().add(key("ERP", "taken-" + u));
        long owner = createOne(ADMIN, first, null).getId();

        CustomerData second = data("Key Thief " + u);
        second.getExternalKey().add(key("ERP", "taken-" + u));
        ItemResult r = create(ADMIN, second, "thief");
        assertItemError(r, ErrorCode.VALIDATION);
        assertEquals("externalKey", r.getError().get(0).getField());
        assertEquals(0, find(f -> f.setNameContains("Key Thief " + u)).size());
        assertEquals(owner, getByKey(key("ERP", "taken-" + u)).getCustomer().getId());
    }

    @Test
    void soap12CreateAndGet() throws Exception {
        CustomerPortType soap12 = Clientele.customers12(Clientele.INTEGRATION);
        String name = "Soap Twelve " + uid();
        CreateCustomers req = new CreateCustomers();
        req.getCustomer().add(newCustomer(data(name), "s12"));
        ItemResult r = soap12.createCustomers(req).getResult().get(0);
        assertTrue(r.isSuccess(), () -> describe(r));
        assertEquals("s12", r.getClientRef());
        GetCustomers get = new GetCustomers();
        get.getId().add(r.getId());
        assertEquals(name, soap12.getCustomers(get).getLookup().get(0).getCustomer().getData().getName());
    }

    // ----- update -----

    @Test
    void updateReplacesTheWholeDataAndBumpsTheVersion() throws Exception {
        String u = uid();
        CustomerData d = data("Before " + u);
        d.setEmail("before." + u + "@example.org");
        d.setPhone("030 1111");
        d.setStatus(CustomerStatus.ACTIVE);
        d.setSegment("OLD");
        d.setOwner("alice");
        d.getExternalKey().add(key("ERP", "old-" + u));
        d.getExternalKey().add(key("CRM", "kept-" + u));
        d.getAddress().add(address(AddressType.MAIN, "Old Road 1", null, "Hamburg", null, "20095", "DE"));
        d.getContact().add(contact("Keep", "Me", "keep." + u + "@example.org", null, true));
        d.getContact().add(contact("Drop", "Me", null, null, false));
        long id = createOne(ADMIN, d, null).getId();
        Customer before = get(id);
        Contact keep = before.getData().getContact().get(0);
        Contact drop = before.getData().getContact().get(1);

        CustomerData n = data("After " + u);
        n.setKind(CustomerKind.PERSON);
        n.getExternalKey().add(key("CRM", "kept-" + u));
        n.getExternalKey().add(key("SHOP", "new-" + u));
        n.getAddress().add(address(AddressType.SHIPPING, "New Way 9", null, "Vienna", null, null, "AT"));
        Contact changed = contact("Kept", "Changed", null, "+43 1 999", false);
        changed.setId(keep.getId());
        n.getContact().add(changed);
        n.getContact().add(contact("Added", "Person", "added." + u + "@example.org", null, true));

        ItemResult r = update(INTEGRATION, id, 0L, n, "upd");
        assertTrue(r.isSuccess(), () -> describe(r));
        assertEquals("upd", r.getClientRef());
        assertEquals(id, r.getId());
        assertEquals(1L, r.getVersion());

        Customer after = get(id);
        assertEquals(1L, after.getVersion());
        CustomerData s = after.getData();
        assertEquals("After " + u, s.getName());
        assertEquals(CustomerKind.PERSON, s.getKind());
        // omitted optional fields are cleared, not kept
        assertNull(s.getEmail());
        assertNull(s.getPhone());
        assertNull(s.getSegment());
        assertNull(s.getOwner());
        assertEquals(CustomerStatus.PROSPECT, s.getStatus());
        assertEquals(Set.of("CRM/kept-" + u, "SHOP/new-" + u), Set.copyOf(keys(s)));
        assertEquals(1, s.getAddress().size());
        assertEquals("Vienna", s.getAddress().get(0).getCity());
        assertEquals(2, s.getContact().size());
        Contact kept = byId(s.getContact(), keep.getId());
        assertEquals("Kept", kept.getFirstName());
        assertEquals("Changed", kept.getLastName());
        assertNull(kept.getEmail());
        assertEquals("+43 1 999", kept.getPhone());
        assertEquals(Boolean.FALSE, kept.isPrimary());
        assertTrue(s.getContact().stream().noneMatch(c -> c.getId().equals(drop.getId())), "unlisted contact removed");
        Contact added = s.getContact().stream().filter(c -> !c.getId().equals(keep.getId())).findFirst().orElseThrow();
        assertEquals("Added", added.getFirstName());
        assertEquals(Boolean.TRUE, added.isPrimary());
        assertTrue(after.getUpdatedAt().isAfter(before.getUpdatedAt()));
        assertEquals(before.getCreatedAt().toInstant(), after.getCreatedAt().toInstant());
        // the dropped key is free again and the old one no longer finds the customer
        assertEquals(ErrorCode.NOT_FOUND, getByKey(key("ERP", "old-" + u)).getError().getCode());
        CustomerData taker = data("Taker " + u);
        taker.getExternalKey().add(key("ERP", "old-" + u));
        assertEquals(createOne(ADMIN, taker, null).getId(), getByKey(key("ERP", "old-" + u)).getCustomer().getId());

        // without expectedVersion the update is unconditional and still counts
        ItemResult again = update(ADMIN, id, null, n, null);
        assertTrue(again.isSuccess(), () -> describe(again));
        assertEquals(2L, again.getVersion());
        assertEquals(2L, get(id).getVersion());
    }

    @Test
    void updateWithStaleVersionFailsWithConcurrencyAndChangesNothing() throws Exception {
        String u = uid();
        long id = createOne(ADMIN, data("Stale " + u), null).getId();
        assertTrue(update(ADMIN, id, 0L, data("Stale v1 " + u), null).isSuccess());

        ItemResult r = update(ADMIN, id, 0L, data("Stale lost " + u), "stale");
        assertItemError(r, ErrorCode.CONCURRENCY);
        assertEquals("stale", r.getClientRef());
        Customer c = get(id);
        assertEquals(1L, c.getVersion());
        assertEquals("Stale v1 " + u, c.getData().getName());
    }

    @Test
    void updateOfUnknownCustomerIsNotFound() throws Exception {
        ItemResult r = update(ADMIN, UNKNOWN_ID, null, data("Nobody " + uid()), "ghost");
        assertItemError(r, ErrorCode.NOT_FOUND);
        assertEquals("ghost", r.getClientRef());
    }

    @Test
    void updateOfDeletedCustomerIsInvalidState() throws Exception {
        String u = uid();
        long id = createOne(ADMIN, data("Binned " + u), null).getId();
        assertTrue(delete(ADMIN, id, null).isSuccess());
        ItemResult r = update(ADMIN, id, null, data("Binned changed " + u), null);
        assertItemError(r, ErrorCode.INVALID_STATE);
        Customer c = get(id);
        assertEquals("Binned " + u, c.getData().getName());
        assertTrue(c.isDeleted());
    }

    @Test
    void updateWithContactOfAnotherCustomerFailsValidation() throws Exception {
        String u = uid();
        CustomerData other = data("Other " + u);
        other.getContact().add(contact("Foreign", "Contact", null, null, false));
        Customer o = get(createOne(ADMIN, other, null).getId());
        long id = createOne(ADMIN, data("Target " + u), null).getId();

        CustomerData n = data("Target stolen " + u);
        Contact foreign = contact("Foreign", "Stolen", null, null, false);
        foreign.setId(o.getData().getContact().get(0).getId());
        n.getContact().add(foreign);
        ItemResult r = update(ADMIN, id, 0L, n, null);
        assertItemError(r, ErrorCode.VALIDATION);
        assertEquals("contact.id", r.getError().get(0).getField());
        assertEquals("Contact", get(o.getId()).getData().getContact().get(0).getLastName());
        assertEquals(0L, get(id).getVersion());
    }

    // ----- upsert -----

    @Test
    void upsertCreatesThenUpdatesTheSameCustomerByKey() throws Exception {
        String u = uid();
        ExternalKey k = key("SHOP", "up-" + u);

        ItemResult first = upsert(k, null, data("Upsert v0 " + u), "u1");
        assertTrue(first.isSuccess(), () -> describe(first));
        assertEquals("u1", first.getClientRef());
        assertEquals(Boolean.TRUE, first.isCreated());
        assertEquals(0L, first.getVersion());

        CustomerData second = data("Upsert v1 " + u);
        second.setSegment("UPSERTED");
        ItemResult again = upsert(k, 0L, second, "u2");
        assertTrue(again.isSuccess(), () -> describe(again));
        assertEquals(Boolean.FALSE, again.isCreated());
        assertEquals(first.getId(), again.getId());
        assertEquals(1L, again.getVersion());

        // the data carried no keys, yet the upsert key must stay attached
        CustomerLookup l = getByKey(k);
        assertEquals(first.getId(), l.getCustomer().getId());
        assertEquals("Upsert v1 " + u, l.getCustomer().getData().getName());
        assertEquals("UPSERTED", l.getCustomer().getData().getSegment());
        assertEquals(List.of("SHOP/up-" + u), keys(l.getCustomer().getData()));

        assertItemError(upsert(k, 0L, data("Upsert stale " + u), null), ErrorCode.CONCURRENCY);

        CustomerData foreign = data("Upsert foreign key " + u);
        foreign.getExternalKey().add(key("ERP", "other-" + u));
        long other = createOne(ADMIN, data("Other " + u), null).getId();
        CustomerData otherData = data("Other " + u);
        otherData.getExternalKey().add(key("ERP", "other-" + u));
        assertTrue(update(ADMIN, other, null, otherData, null).isSuccess());
        ItemResult stolen = upsert(k, null, foreign, null);
        assertItemError(stolen, ErrorCode.VALIDATION);
        assertEquals("externalKey", stolen.getError().get(0).getField());

        assertTrue(delete(ADMIN, first.getId(), null).isSuccess());
        assertItemError(upsert(k, null, data("Upsert binned " + u), null), ErrorCode.INVALID_STATE);
        assertEquals("Upsert v1 " + u, get(first.getId()).getData().getName());
    }

    // ----- getCustomers -----

    @Test
    void getCustomersAnswersOneLookupPerIdThenPerKeyInOrder() throws Exception {
        String u = uid();
        CustomerData a = data("Get A " + u);
        a.getExternalKey().add(key("ERP", "ga-" + u));
        long idA = createOne(ADMIN, a, null).getId();
        long idB = createOne(ADMIN, data("Get B " + u), null).getId();

        GetCustomers req = new GetCustomers();
        req.getId().addAll(List.of(idB, UNKNOWN_ID, idA));
        req.getExternalKey().add(key("ERP", "missing-" + u));
        req.getExternalKey().add(key("ERP", "ga-" + u));
        List<CustomerLookup> lookups = READONLY.getCustomers(req).getLookup();

        assertEquals(5, lookups.size());
        GetCustomers twice = new GetCustomers();
        twice.getId().addAll(List.of(idA, idA));
        assertEquals(List.of(idA, idA), READONLY.getCustomers(twice).getLookup().stream()
                .map(l -> l.getCustomer().getId()).toList(), "one lookup per requested id, repeats included");
        assertEquals(idB, lookups.get(0).getId());
        assertEquals(idB, lookups.get(0).getCustomer().getId());
        assertNull(lookups.get(0).getError());
        assertEquals(UNKNOWN_ID, lookups.get(1).getId());
        assertNull(lookups.get(1).getCustomer());
        assertEquals(ErrorCode.NOT_FOUND, lookups.get(1).getError().getCode());
        assertEquals(idA, lookups.get(2).getCustomer().getId());
        assertNull(lookups.get(3).getId());
        assertEquals("missing-" + u, lookups.get(3).getExternalKey().getId());
        assertNull(lookups.get(3).getCustomer());
        assertEquals(ErrorCode.NOT_FOUND, lookups.get(3).getError().getCode());
        assertEquals("ga-" + u, lookups.get(4).getExternalKey().getId());
        assertEquals(idA, lookups.get(4).getCustomer().getId());
    }

    @Test
    void getCustomersWithoutIdsOrKeysIsValidationFault() {
        CrmFaultDetail f = fault(() -> READONLY.getCustomers(new GetCustomers()));
        assertEquals(ErrorCode.VALIDATION, f.getCode());
        assertFalse(f.isRetryable());
    }

    @Test
    void getCustomersWithMoreThan200IdsIsLimitExceeded() {
        GetCustomers req = new GetCustomers();
        for (long i = 1; i <= 201; i++) {
            req.getId().add(UNKNOWN_ID + i);
        }
        assertEquals(ErrorCode.LIMIT_EXCEEDED, fault(() -> READONLY.getCustomers(req)).getCode());
    }

    // ----- findCustomers -----

    @Test
    void findCustomersFiltersByEachCriterion() throws Exception {
        String u = uid();
        String tag = "fnd" + u;
        CustomerData a = data("Alpha " + tag + " GmbH");
        a.setEmail("alpha." + tag + "@example.org");
        a.setPhone("+1 555 " + digits(u));
        a.setStatus(CustomerStatus.ACTIVE);
        a.setSegment("SEG-" + tag);
        long idA = createOne(ADMIN, a, null).getId();
        CustomerData b = data("beta " + tag);
        b.setStatus(CustomerStatus.INACTIVE);
        b.getContact().add(contact("Con", "Tact", "contact." + tag + "@example.org", null, false));
        long idB = createOne(ADMIN, b, null).getId();
        long idC = createOne(ADMIN, data("Gamma " + tag), null).getId();

        String upper = tag.toUpperCase();
        assertEquals(List.of(idA, idB, idC), ids(find(f -> f.setNameContains(upper))), "case-insensitive, id order");
        assertEquals(List.of(idA), ids(find(f -> f.setEmail(("ALPHA." + tag + "@Example.ORG")))));
        assertEquals(List.of(idB), ids(find(f -> f.setEmail("Contact." + tag + "@example.org"))), "contact e-mail");
        CustomerData both = data("Echo " + uid());
        both.setEmail("echo." + tag + "@example.org");
        both.getContact().add(contact("E1", "Echo", "echo." + tag + "@example.org", null, false));
        both.getContact().add(contact("E2", "Echo", "ECHO." + tag + "@example.org", null, false));
        long idBoth = createOne(ADMIN, both, null).getId();
        assertEquals(List.of(idBoth), ids(find(f -> f.setEmail("echo." + tag + "@example.org"))),
                "matched by its own and two contacts' e-mails, still returned once");
        assertTrue(delete(ADMIN, idBoth, null).isSuccess());
        assertEquals(List.of(idA), ids(find(f -> f.setPhone(a.getPhone()))));
        assertEquals(List.of(idA), ids(find(f -> {
            f.setNameContains(tag);
            f.setStatus(CustomerStatus.ACTIVE);
        })));
        assertEquals(List.of(idB), ids(find(f -> {
            f.setNameContains(tag);
            f.setStatus(CustomerStatus.INACTIVE);
        })));
        assertEquals(List.of(idA), ids(find(f -> f.setSegment("SEG-" + tag))));
        assertEquals(List.of(), ids(find(f -> {
            f.setSegment("SEG-" + tag);
            f.setStatus(CustomerStatus.PROSPECT);
        })), "all filters must match");

        // modifiedSince: B is changed after C was written, so from C's (server) time on only C and B qualify,
        // and from B's new time on only B
        OffsetDateTime cTime = get(idC).getUpdatedAt();
        assertTrue(update(ADMIN, idB, null, b, null).isSuccess());
        OffsetDateTime bTime = get(idB).getUpdatedAt();
        assertTrue(bTime.isAfter(cTime));
        assertEquals(List.of(idB, idC), ids(find(f -> {
            f.setNameContains(tag);
            f.setModifiedSince(cTime);
        })));
        assertEquals(List.of(idB), ids(find(f -> {
            f.setNameContains(tag);
            f.setModifiedSince(bTime.withOffsetSameInstant(ZoneOffset.ofHours(5)));
        })));

        assertTrue(delete(ADMIN, idC, null).isSuccess());
        assertEquals(List.of(idA, idB), ids(find(f -> f.setNameContains(tag))));
        List<Customer> withDeleted = find(f -> {
            f.setNameContains(tag);
            f.setIncludeDeleted(true);
        });
        assertEquals(List.of(idA, idB, idC), ids(withDeleted));
        assertTrue(withDeleted.get(2).isDeleted());
    }

    @Test
    void nameContainsTreatsLikeWildcardsAsPlainCharacters() throws Exception {
        String tag = "wc" + uid();
        long percent = createOne(ADMIN, data("Rate 50% " + tag), null).getId();
        long fiveHundred = createOne(ADMIN, data("Rate 500 " + tag), null).getId();
        long underscore = createOne(ADMIN, data("a_b " + tag), null).getId();
        long axb = createOne(ADMIN, data("axb " + tag), null).getId();
        long bang = createOne(ADMIN, data("Bang!% " + tag), null).getId();

        assertEquals(List.of(percent), ids(find(f -> f.setNameContains("50% " + tag))));
        assertEquals(List.of(underscore), ids(find(f -> f.setNameContains("a_b " + tag))));
        assertEquals(List.of(bang), ids(find(f -> f.setNameContains("!% " + tag))));
        assertEquals(List.of(percent, fiveHundred, underscore, axb, bang), ids(find(f -> f.setNameContains(tag))));
    }

    @Test
    void findCustomersPagesInIdOrder() throws Exception {
        String tag = "pg" + uid();
        List<Long> created = new ArrayList<>();
        CreateCustomers req = new CreateCustomers();
        for (int i = 0; i < 5; i++) {
            req.getCustomer().add(newCustomer(data("Page " + tag + " " + i), null));
        }
        ADMIN.createCustomers(req).getResult().forEach(r -> created.add(r.getId()));

        FindCustomers f = new FindCustomers();
        f.setNameContains(tag);
        f.setPageSize(2);
        List<Long> seen = new ArrayList<>();
        int pages = 0;
        do {
            var page = READONLY.findCustomers(f);
            pages++;
            assertTrue(page.getCustomer().size() <= 2);
            page.getCustomer().forEach(c -> seen.add(c.getId()));
            f.setPageToken(page.getNextPageToken());
        } while (f.getPageToken() != null);
        assertEquals(created.stream().sorted().toList(), seen);
        assertEquals(3, pages);
    }

    // ----- delete / undelete -----

    @Test
    void deleteMovesToRecycleBinAndUndeleteRestores() throws Exception {
        String tag = "bin" + uid();
        long id = createOne(ADMIN, data("Recycle " + tag), null).getId();

        assertItemError(delete(ADMIN, id, 5L), ErrorCode.CONCURRENCY);
        assertFalse(get(id).isDeleted());

        ItemResult del = delete(INTEGRATION, id, 0L);
        assertTrue(del.isSuccess(), () -> describe(del));
        assertEquals(1L, del.getVersion());
        Customer binned = get(id);
        assertTrue(binned.isDeleted());
        assertNull(binned.getMergedInto());
        assertEquals(List.of(), ids(find(f -> f.setNameContains(tag))));
        assertEquals(List.of(id), ids(find(f -> {
            f.setNameContains(tag);
            f.setIncludeDeleted(true);
        })));

        ItemResult twice = delete(ADMIN, id, null);
        assertTrue(twice.isSuccess(), "deleting a deleted customer succeeds");
        assertEquals(1L, twice.getVersion(), "and changes nothing");

        ItemResult und = undelete(ADMIN, id, 1L);
        assertTrue(und.isSuccess(), () -> describe(und));
        assertEquals(2L, und.getVersion());
        assertFalse(get(id).isDeleted());
        assertEquals(List.of(id), ids(find(f -> f.setNameContains(tag))));

        ItemResult live = undelete(ADMIN, id, null);
        assertTrue(live.isSuccess(), "undeleting a live customer succeeds");
        assertEquals(2L, live.getVersion(), "and changes nothing");
        assertItemError(undelete(ADMIN, UNKNOWN_ID, null), ErrorCode.NOT_FOUND);
        assertItemError(delete(ADMIN, UNKNOWN_ID, null), ErrorCode.NOT_FOUND);
    }

    // ----- interactions -----

    @Test
    void recordAndListInteractionsNewestFirstInPages() throws Exception {
        String u = uid();
        CustomerData d = data("Talkative " + u);
        d.getContact().add(contact("Call", "Me", null, null, true));
        Customer c = get(createOne(ADMIN, d, null).getId());
        long contactId = c.getData().getContact().get(0).getId();

        OffsetDateTime base = OffsetDateTime.parse("2026-01-10T10:00:00Z");
        int[] dayOffsets = {3, 1, 5, 2, 4};
        RecordInteractions req = new RecordInteractions();
        for (int i = 0; i < dayOffsets.length; i++) {
            Interaction in = interaction(c.getId(), "Subject " + dayOffsets[i], base.plusDays(dayOffsets[i]));
            if (i == 0) {
                in.setContactId(contactId);
                in.setType(InteractionType.CALL);
                in.setDirection(Direction.INBOUND);
                in.setBody("Called about the invoice");
            }
            req.getInteraction().add(newInteraction(in, "i" + i));
        }
        List<ItemResult> results = AGENT.recordInteractions(req).getResult();
        assertEquals(5, results.size());
        for (int i = 0; i < 5; i++) {
            ItemResult r = results.get(i);
            assertTrue(r.isSuccess(), () -> describe(r));
            assertEquals("i" + i, r.getClientRef());
            assertNotNull(r.getId());
        }

        List<Interaction> all = new ArrayList<>();
        ListInteractions list = new ListInteractions();
        list.setCustomerId(c.getId());
        list.setPageSize(2);
        List<Integer> pageSizes = new ArrayList<>();
        do {
            ListInteractionsResponse page = READONLY.listInteractions(list);
            pageSizes.add(page.getInteraction().size());
            all.addAll(page.getInteraction());
            list.setPageToken(page.getNextPageToken());
        } while (list.getPageToken() != null);
        assertEquals(List.of(2, 2, 1), pageSizes);
        assertEquals(List.of("Subject 5", "Subject 4", "Subject 3", "Subject 2", "Subject 1"),
                all.stream().map(Interaction::getSubject).toList());
        assertEquals(results.stream().map(ItemResult::getId).collect(Collectors.toSet()),
                all.stream().map(Interaction::getId).collect(Collectors.toSet()));
        Interaction call = all.get(2);
        assertEquals(InteractionType.CALL, call.getType());
        assertEquals(Direction.INBOUND, call.getDirection());
        assertEquals(contactId, call.getContactId());
        assertEquals("Called about the invoice", call.getBody());
        assertEquals(c.getId(), call.getCustomerId());
        assertEquals(base.plusDays(3).toInstant(), call.getOccurredAt().toInstant());
        assertEquals(Clientele.AGENT, call.getRecordedBy());
        assertNotNull(call.getRecordedAt());
        assertNull(all.get(0).getContactId());
    }

    @Test
    void recordInteractionsFailsBadItemsAlone() throws Exception {
        String u = uid();
        long good = createOne(ADMIN, data("Good " + u), null).getId();
        long binned = createOne(ADMIN, data("Binned " + u), null).getId();
        assertTrue(delete(ADMIN, binned, null).isSuccess());
        CustomerData other = data("Other " + u);
        other.getContact().add(contact("Not", "Yours", null, null, false));
        long foreignContact = get(createOne(ADMIN, other, null).getId()).getData().getContact().get(0).getId();

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        RecordInteractions req = new RecordInteractions();
        req.getInteraction().add(newInteraction(interaction(UNKNOWN_ID, "to nobody", now), "unknown"));
        req.getInteraction().add(newInteraction(interaction(binned, "to the bin", now), "deleted"));
        Interaction wrongContact = interaction(good, "wrong contact", now);
        wrongContact.setContactId(foreignContact);
        req.getInteraction().add(newInteraction(wrongContact, "foreign"));
        req.getInteraction().add(newInteraction(interaction(good, "fine", now), "ok"));
        List<ItemResult> results = AGENT.recordInteractions(req).getResult();

        assertEquals(List.of("unknown", "deleted", "foreign", "ok"), results.stream().map(ItemResult::getClientRef).toList());
        assertItemError(results.get(0), ErrorCode.NOT_FOUND);
        assertItemError(results.get(1), ErrorCode.INVALID_STATE);
        assertItemError(results.get(2), ErrorCode.VALIDATION);
        assertEquals("contactId", results.get(2).getError().get(0).getField());
        assertTrue(results.get(3).isSuccess(), () -> describe(results.get(3)));

        ListInteractions list = new ListInteractions();
        list.setCustomerId(good);
        assertEquals(List.of("fine"), READONLY.listInteractions(list).getInteraction().stream()
                .map(Interaction::getSubject).toList());
        list.setCustomerId(binned);
        assertTrue(READONLY.listInteractions(list).getInteraction().isEmpty());
    }

    @Test
    void removingAContactKeepsItsInteractionsWithoutTheContact() throws Exception {
        String u = uid();
        CustomerData d = data("Leaver " + u);
        d.getContact().add(contact("Stay", "Here", null, null, false));
        d.getContact().add(contact("Leave", "Soon", null, null, false));
        Customer c = get(createOne(ADMIN, d, null).getId());
        Contact stay = c.getData().getContact().get(0);
        long leaving = c.getData().getContact().get(1).getId();
        Interaction call = interaction(c.getId(), "with the leaver", OffsetDateTime.now(ZoneOffset.UTC));
        call.setContactId(leaving);
        ItemResult rec = AGENT.recordInteractions(recordOne(call)).getResult().get(0);
        assertTrue(rec.isSuccess(), () -> describe(rec));

        CustomerData n = data("Leaver " + u);
        n.getContact().add(stay);
        ItemResult r = update(ADMIN, c.getId(), 0L, n, null);
        assertTrue(r.isSuccess(), () -> describe(r));

        assertEquals(List.of(stay.getId()), get(c.getId()).getData().getContact().stream().map(Contact::getId).toList());
        ListInteractions list = new ListInteractions();
        list.setCustomerId(c.getId());
        List<Interaction> kept = READONLY.listInteractions(list).getInteraction();
        assertEquals(1, kept.size());
        assertEquals(rec.getId(), kept.get(0).getId());
        assertNull(kept.get(0).getContactId(), "the interaction stays, without the removed contact");
    }

    @Test
    void interactionPagesAreStableForEqualTimesAndTheirTokensAreSigned() throws Exception {
        long id = createOne(ADMIN, data("Same Time " + uid()), null).getId();
        OffsetDateTime at = OffsetDateTime.parse("2026-03-01T09:30:00.123456Z");
        RecordInteractions req = new RecordInteractions();
        for (int i = 0; i < 5; i++) {
            req.getInteraction().add(newInteraction(interaction(id, "same " + i, at), null));
        }
        List<Long> recorded = AGENT.recordInteractions(req).getResult().stream().map(ItemResult::getId).toList();

        ListInteractions list = new ListInteractions();
        list.setCustomerId(id);
        list.setPageSize(2);
        List<Long> seen = new ArrayList<>();
        String firstToken = null;
        do {
            ListInteractionsResponse page = READONLY.listInteractions(list);
            page.getInteraction().forEach(i -> seen.add(i.getId()));
            list.setPageToken(page.getNextPageToken());
            if (firstToken == null) {
                firstToken = page.getNextPageToken();
            }
        } while (list.getPageToken() != null);
        assertEquals(recorded.stream().sorted(Comparator.reverseOrder()).toList(), seen,
                "equal times are ordered by id, newest first, each exactly once");

        char[] chars = firstToken.toCharArray();
        chars[8] = chars[8] == 'A' ? 'B' : 'A';
        list.setPageToken(new String(chars));
        CrmFaultDetail tampered = fault(() -> READONLY.listInteractions(list));
        assertEquals(ErrorCode.VALIDATION, tampered.getCode());
        assertEquals("pageToken", tampered.getField());

        long other = createOne(ADMIN, data("Other Time " + uid()), null).getId();
        list.setCustomerId(other);
        list.setPageToken(firstToken);
        assertEquals(ErrorCode.VALIDATION, fault(() -> READONLY.listInteractions(list)).getCode(),
                "a token is bound to its customer");

        FindCustomers f = new FindCustomers();
        f.setPageToken(firstToken);
        assertEquals(ErrorCode.VALIDATION, fault(() -> READONLY.findCustomers(f)).getCode(),
                "an interaction token is no customer token");
    }

    @Test
    void listInteractionsOfUnknownCustomerIsNotFoundFault() {
        ListInteractions list = new ListInteractions();
        list.setCustomerId(UNKNOWN_ID);
        assertEquals(ErrorCode.NOT_FOUND, fault(() -> READONLY.listInteractions(list)).getCode());
    }

    // ----- merge -----

    @Test
    void mergeMovesEverythingToTheMasterAndTombstonesTheDuplicates() throws Exception {
        String u = uid();
        CustomerData m = data("Master " + u);
        m.getExternalKey().add(key("ERP", "m-" + u));
        m.getAddress().add(address(AddressType.MAIN, "Master St 1", null, "Berlin", null, null, "DE"));
        m.getContact().add(contact("Master", "Primary", null, null, true));
        long masterId = createOne(ADMIN, m, null).getId();
        CustomerData d1 = data("Dup One " + u);
        d1.getExternalKey().add(key("SHOP", "d1-" + u));
        d1.getAddress().add(address(AddressType.BILLING, "Dup St 1", null, "Munich", null, null, "DE"));
        d1.getContact().add(contact("Dup1", "Primary", null, null, true));
        long dup1 = createOne(ADMIN, d1, null).getId();
        CustomerData d2 = data("Dup Two " + u);
        d2.getExternalKey().add(key("CRM", "d2-" + u));
        d2.getContact().add(contact("Dup2", "Plain", null, null, false));
        d2.getAddress().add(address(AddressType.SHIPPING, "Dock 1", null, "Rotterdam", null, null, "NL"));
        d2.getAddress().add(address(AddressType.OTHER, "Lake 2", null, "Geneva", null, null, "CH"));
        long dup2 = createOne(ADMIN, d2, null).getId();
        long dup1Contact = get(dup1).getData().getContact().get(0).getId();
        Interaction dupCall = interaction(dup1, "dup note " + u, OffsetDateTime.now(ZoneOffset.UTC));
        dupCall.setContactId(dup1Contact);
        ItemResult note = AGENT.recordInteractions(recordOne(dupCall)).getResult().get(0);
        assertTrue(note.isSuccess(), () -> describe(note));

        MergeCustomers merge = new MergeCustomers();
        merge.setMasterId(masterId);
        merge.setMasterExpectedVersion(0L);
        merge.getDuplicateId().addAll(List.of(dup1, dup2));
        Customer merged = INTEGRATION.mergeCustomers(merge).getMaster();

        assertEquals(masterId, merged.getId());
        assertEquals(1L, merged.getVersion());
        assertFalse(merged.isDeleted());
        assertEquals("Master " + u, merged.getData().getName());
        assertEquals(Set.of("ERP/m-" + u, "SHOP/d1-" + u, "CRM/d2-" + u), Set.copyOf(keys(merged.getData())));
        assertEquals(List.of("Berlin", "Munich", "Rotterdam", "Geneva"),
                merged.getData().getAddress().stream().map(Address::getCity).toList(), "master's first, then each duplicate's");
        assertEquals(3, merged.getData().getContact().size());
        for (Contact c : merged.getData().getContact()) {
            assertEquals("Master".equals(c.getFirstName()), c.isPrimary(), "only the master's own primary stays primary");
        }
        Customer reread = get(masterId);
        assertEquals(3, reread.getData().getContact().size());
        assertEquals(4, reread.getData().getAddress().size());
        assertEquals(1L, reread.getVersion());

        for (long dup : List.of(dup1, dup2)) {
            Customer tomb = get(dup);
            assertTrue(tomb.isDeleted());
            assertEquals(masterId, tomb.getMergedInto());
            assertTrue(tomb.getData().getContact().isEmpty());
            assertTrue(tomb.getData().getExternalKey().isEmpty());
            assertTrue(tomb.getData().getAddress().isEmpty());
        }
        assertEquals(masterId, getByKey(key("SHOP", "d1-" + u)).getCustomer().getId());

        ListInteractions list = new ListInteractions();
        list.setCustomerId(masterId);
        List<Interaction> moved = READONLY.listInteractions(list).getInteraction();
        assertEquals(List.of(note.getId()), moved.stream().map(Interaction::getId).toList());
        assertEquals(masterId, moved.get(0).getCustomerId());
        assertEquals(dup1Contact, moved.get(0).getContactId(), "the contact moved along, so the reference holds");
        assertTrue(merged.getData().getContact().stream().anyMatch(c -> c.getId() == dup1Contact));
        list.setCustomerId(dup1);
        assertTrue(READONLY.listInteractions(list).getInteraction().isEmpty());

        // a merged duplicate is frozen
        assertItemError(update(ADMIN, dup1, null, data("Revived " + u), null), ErrorCode.INVALID_STATE);
        assertItemError(delete(ADMIN, dup1, null), ErrorCode.INVALID_STATE);
        assertItemError(undelete(ADMIN, dup1, null), ErrorCode.INVALID_STATE);
        assertItemError(AGENT.recordInteractions(recordOne(interaction(dup1, "late", OffsetDateTime.now(ZoneOffset.UTC))))
                .getResult().get(0), ErrorCode.INVALID_STATE);
        assertEquals(masterId, get(dup1).getMergedInto());
        assertTrue(find(f -> f.setNameContains("Dup One " + u)).isEmpty());
    }

    @Test
    void mergeRefusesInvalidRequestsWithoutChangingAnything() throws Exception {
        String u = uid();
        long master = createOne(ADMIN, data("M " + u), null).getId();
        long dup = createOne(ADMIN, data("D " + u), null).getId();
        long dupB = createOne(ADMIN, data("DB " + u), null).getId();
        long dupC = createOne(ADMIN, data("DC " + u), null).getId();
        long binnedMaster = createOne(ADMIN, data("BM " + u), null).getId();
        assertTrue(delete(ADMIN, binnedMaster, null).isSuccess());
        long binnedDup = createOne(ADMIN, data("BD " + u), null).getId();
        assertTrue(delete(ADMIN, binnedDup, null).isSuccess());
        long other = createOne(ADMIN, data("O " + u), null).getId();
        long alreadyMerged = createOne(ADMIN, data("AM " + u), null).getId();
        INTEGRATION.mergeCustomers(merge(other, null, alreadyMerged));

        assertMergeFault(ErrorCode.VALIDATION, merge(master, null, master), "self");
        assertMergeFault(ErrorCode.VALIDATION, merge(master, null, dup, master), "self among others");
        assertMergeFault(ErrorCode.VALIDATION, merge(binnedMaster, null, dup), "deleted master");
        assertMergeFault(ErrorCode.VALIDATION, merge(master, null, alreadyMerged), "already merged duplicate");
        assertMergeFault(ErrorCode.VALIDATION, merge(master, null, binnedDup), "deleted duplicate");
        assertMergeFault(ErrorCode.VALIDATION, merge(master, null, dup, dupB, dupC), "three duplicates");
        assertMergeFault(ErrorCode.VALIDATION, merge(master, null, dup, dup), "duplicate listed twice");
        assertMergeFault(ErrorCode.NOT_FOUND, merge(UNKNOWN_ID, null, dup), "unknown master");
        assertMergeFault(ErrorCode.NOT_FOUND, merge(master, null, dup, UNKNOWN_ID), "unknown duplicate");
        assertMergeFault(ErrorCode.CONCURRENCY, merge(master, 3L, dup), "stale master version");

        Customer m = get(master);
        assertEquals(0L, m.getVersion());
        for (long id : List.of(dup, dupB, dupC)) {
            Customer d = get(id);
            assertFalse(d.isDeleted(), "a refused merge leaves duplicate " + id + " alone");
            assertNull(d.getMergedInto());
            assertEquals(0L, d.getVersion());
        }
        assertEquals(other, get(alreadyMerged).getMergedInto());
        assertNull(get(binnedDup).getMergedInto());

        Customer ok = INTEGRATION.mergeCustomers(merge(master, 0L, dup, dupB)).getMaster();
        assertEquals(1L, ok.getVersion());
    }

    // ----- helpers -----

    private static void assertMergeFault(ErrorCode expected, MergeCustomers request, String why) {
        CrmFaultDetail f = fault(() -> INTEGRATION.mergeCustomers(request));
        assertEquals(expected, f.getCode(), why + ": " + f.getMessage());
    }

    private static MergeCustomers merge(long master, Long expectedVersion, long... duplicates) {
        MergeCustomers m = new MergeCustomers();
        m.setMasterId(master);
        m.setMasterExpectedVersion(expectedVersion);
        for (long d : duplicates) {
            m.getDuplicateId().add(d);
        }
        return m;
    }

    static String uid() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Eight digits derived from a uid, for unique phone numbers. */
    private static String digits(String u) {
        return String.format("%08d", Math.floorMod(u.hashCode(), 100_000_000));
    }

    static CustomerData data(String name) {
        CustomerData d = new CustomerData();
        d.setKind(CustomerKind.ORGANIZATION);
        d.setName(name);
        return d;
    }

    static ExternalKey key(String system, String id) {
        ExternalKey k = new ExternalKey();
        k.setSystem(system);
        k.setId(id);
        return k;
    }

    static Contact contact(String first, String last, String email, String phone, boolean primary) {
        Contact c = new Contact();
        c.setFirstName(first);
        c.setLastName(last);
        c.setEmail(email);
        c.setPhone(phone);
        c.setPrimary(primary);
        return c;
    }

    private static Address address(AddressType type, String line1, String line2, String city, String region,
                                   String postalCode, String country) {
        Address a = new Address();
        a.setType(type);
        a.setLine1(line1);
        a.setLine2(line2);
        a.setCity(city);
        a.setRegion(region);
        a.setPostalCode(postalCode);
        a.setCountryCode(country);
        return a;
    }

    private static Interaction interaction(long customerId, String subject, OffsetDateTime at) {
        Interaction i = new Interaction();
        i.setCustomerId(customerId);
        i.setType(InteractionType.NOTE);
        i.setSubject(subject);
        i.setOccurredAt(at);
        return i;
    }

    private static NewInteraction newInteraction(Interaction i, String clientRef) {
        NewInteraction n = new NewInteraction();
        n.setClientRef(clientRef);
        n.setInteraction(i);
        return n;
    }

    private static RecordInteractions recordOne(Interaction i) {
        RecordInteractions r = new RecordInteractions();
        r.getInteraction().add(newInteraction(i, null));
        return r;
    }

    static NewCustomer newCustomer(CustomerData d, String clientRef) {
        NewCustomer n = new NewCustomer();
        n.setClientRef(clientRef);
        n.setData(d);
        return n;
    }

    private static ItemResult create(CustomerPortType port, CustomerData d, String clientRef) throws CrmFault {
        CreateCustomers req = new CreateCustomers();
        req.getCustomer().add(newCustomer(d, clientRef));
        List<ItemResult> results = port.createCustomers(req).getResult();
        assertEquals(1, results.size());
        return results.get(0);
    }

    private static ItemResult createOne(CustomerPortType port, CustomerData d, String clientRef) throws CrmFault {
        ItemResult r = create(port, d, clientRef);
        assertTrue(r.isSuccess(), () -> describe(r));
        return r;
    }

    private static ItemResult update(CustomerPortType port, long id, Long expectedVersion, CustomerData d, String clientRef)
            throws CrmFault {
        CustomerChange ch = new CustomerChange();
        ch.setClientRef(clientRef);
        ch.setId(id);
        ch.setExpectedVersion(expectedVersion);
        ch.setData(d);
        UpdateCustomers req = new UpdateCustomers();
        req.getCustomer().add(ch);
        return port.updateCustomers(req).getResult().get(0);
    }

    private static ItemResult upsert(ExternalKey k, Long expectedVersion, CustomerData d, String clientRef) throws CrmFault {
        CustomerUpsert item = new CustomerUpsert();
        item.setClientRef(clientRef);
        item.setKey(k);
        item.setExpectedVersion(expectedVersion);
        item.setData(d);
        UpsertCustomers req = new UpsertCustomers();
        req.getCustomer().add(item);
        return INTEGRATION.upsertCustomers(req).getResult().get(0);
    }

    private static ItemResult delete(CustomerPortType port, long id, Long expectedVersion) throws CrmFault {
        DeleteCustomers req = new DeleteCustomers();
        req.getCustomer().add(ref(id, expectedVersion));
        return port.deleteCustomers(req).getResult().get(0);
    }

    private static ItemResult undelete(CustomerPortType port, long id, Long expectedVersion) throws CrmFault {
        UndeleteCustomers req = new UndeleteCustomers();
        req.getCustomer().add(ref(id, expectedVersion));
        return port.undeleteCustomers(req).getResult().get(0);
    }

    private static CustomerRef ref(long id, Long expectedVersion) {
        CustomerRef r = new CustomerRef();
        r.setId(id);
        r.setExpectedVersion(expectedVersion);
        return r;
    }

    static Customer get(long id) throws CrmFault {
        GetCustomers req = new GetCustomers();
        req.getId().add(id);
        GetCustomersResponse resp = READONLY.getCustomers(req);
        assertEquals(1, resp.getLookup().size());
        Customer c = resp.getLookup().get(0).getCustomer();
        assertNotNull(c, "customer " + id + " must exist");
        return c;
    }

    private static CustomerLookup getByKey(ExternalKey k) throws CrmFault {
        GetCustomers req = new GetCustomers();
        req.getExternalKey().add(k);
        return READONLY.getCustomers(req).getLookup().get(0);
    }

    /** All matches of a search, following every page. */
    private static List<Customer> find(Consumer<FindCustomers> filters) throws CrmFault {
        FindCustomers f = new FindCustomers();
        filters.accept(f);
        List<Customer> all = new ArrayList<>();
        do {
            var page = READONLY.findCustomers(f);
            all.addAll(page.getCustomer());
            f.setPageToken(page.getNextPageToken());
        } while (f.getPageToken() != null);
        return all;
    }

    private static List<Long> ids(List<Customer> customers) {
        return customers.stream().map(Customer::getId).toList();
    }

    private static List<String> keys(CustomerData d) {
        return d.getExternalKey().stream().map(k -> k.getSystem() + "/" + k.getId()).toList();
    }

    private static Contact byId(List<Contact> contacts, long id) {
        return contacts.stream().filter(c -> c.getId() == id).findFirst().orElseThrow();
    }

    static CrmFaultDetail fault(Executable call) {
        return assertThrows(CrmFault.class, call).getFaultInfo();
    }

    static void assertItemError(ItemResult r, ErrorCode expected) {
        assertFalse(r.isSuccess(), () -> "expected " + expected + " but the item succeeded");
        assertEquals(1, r.getError().size(), () -> describe(r));
        assertEquals(expected, r.getError().get(0).getCode(), () -> describe(r));
    }

    static String describe(ItemResult r) {
        return "item " + r.getClientRef() + " success=" + r.isSuccess() + " errors=" + r.getError().stream()
                .map(e -> e.getCode() + "(" + e.getField() + "): " + e.getMessage()).toList();
    }
}
