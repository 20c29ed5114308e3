package org.clientele.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.junit.jupiter.api.Test;

/** The customer aggregate without a container: creation, reconciliation of keys and contacts, recycle bin and merge rules. */
class CustomerTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final CustomerDraft.PostalAddress BERLIN = new CustomerDraft.PostalAddress(Address.Type.BILLING,
            "Hauptstr. 1", null, "Berlin", null, "10115", "DE");
    private static final CustomerDraft.PostalAddress HAMBURG = new CustomerDraft.PostalAddress(Address.Type.MAIN,
            "Elbchaussee 2", null, "Hamburg", null, "22763", "DE");

    private static CustomerDraft draft(List<CustomerDraft.Key> keys, List<CustomerDraft.PostalAddress> addresses,
                                       List<CustomerDraft.Person> contacts) {
        return new CustomerDraft(Customer.Kind.ORGANIZATION, "Acme GmbH", "Info@Acme.example", null, null, "SMB", "anna",
                keys, addresses, contacts);
    }

    private static CustomerDraft.Person person(Long id, String lastName, boolean primary) {
        return new CustomerDraft.Person(id, null, lastName, null, null, null, primary);
    }

    private static void setId(Object entity, long id) throws ReflectiveOperationException {
        Field f = entity.getClass().getDeclaredField("id");
        f.setAccessible(true);
        f.set(entity, id);
    }

    /** A stored customer with keys SAP/1 and CRM/7, one address and contacts 10 (Muster) and 11 (Meier). */
    private static Customer stored() throws ReflectiveOperationException {
        Customer c = Customer.create(draft(List.of(new CustomerDraft.Key("SAP", "1"), new CustomerDraft.Key("CRM", "7")),
                List.of(BERLIN), List.of(person(null, "Muster", true), person(null, "Meier", false))), T0, "creator");
        setId(c, 42L);
        setId(c.getContacts().get(0), 10L);
        setId(c.getContacts().get(1), 11L);
        return c;
    }

    private static CrmException refused(ErrorCode code, String field, Runnable action) {
        CrmException e = assertThrows(CrmException.class, action::run);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        return e;
    }

    @Test
    void aNewCustomerTakesTheDraftWithDefaultStatusAndSearchColumns() {
        Customer c = Customer.create(draft(List.of(new CustomerDraft.Key("SAP", "1")), List.of(BERLIN, HAMBURG),
                List.of(person(null, "Muster", true))), T0, "creator");
        assertEquals(Customer.Status.PROSPECT, c.getStatus(), "no status in the draft");
        assertEquals("Acme GmbH", c.getName());
        assertEquals("creator", c.getCreatedBy());
        assertEquals(T0, c.getUpdatedAt());
        assertEquals(1, c.getExternalKeys().size());
        assertTrue(c.getExternalKeys().get(0).is("SAP", "1"));
        assertEquals(List.of("Berlin", "Hamburg"), c.getAddresses().stream().map(Address::getCity).toList());
        assertEquals(c, c.getContacts().get(0).getCustomer());
    }

    @Test
    void aNewCustomersContactsCannotCarryIds() {
        refused(ErrorCode.VALIDATION, "contact.id",
                () -> Customer.create(draft(List.of(), List.of(), List.of(person(5L, "Muster", true))), T0, "x"));
    }

    @Test
    void replacingUpdatesKeptContactsRemovesOmittedOnesAndAddsNewOnes() throws Exception {
        Customer c = stored();
        Contact muster = c.getContacts().get(0);
        Customer.Reconciliation r = c.replaceWith(draft(List.of(new CustomerDraft.Key("SAP", "1"), new CustomerDraft.Key("CRM", "7")),
                List.of(HAMBURG), List.of(person(10L, "Muster-Lang", false), person(null, "Neu", true))));
        assertEquals(List.of(11L), r.removedContactIds());
        assertFalse(r.releasedKeys(), "both keys kept");
        assertEquals(List.of("Muster-Lang", "Neu"), c.getContacts().stream().map(Contact::getLastName).toList());
        assertTrue(c.getContacts().get(0) == muster, "the kept contact is updated in place, so it keeps its id");
        assertFalse(muster.isPrimary());
        assertEquals(List.of("Hamburg"), c.getAddresses().stream().map(Address::getCity).toList(), "addresses are replaced");
        assertEquals(0, c.getAddresses().get(0).getPosition());
        assertEquals(2, c.getExternalKeys().size());
    }

    @Test
    void replacingReleasesKeysLeftOutAndAddsNewOnes() throws Exception {
        Customer c = stored();
        Customer.Reconciliation r = c.replaceWith(draft(List.of(new CustomerDraft.Key("CRM", "7"), new CustomerDraft.Key("WEB", "x")),
                List.of(), List.of(person(10L, "Muster", true), person(11L, "Meier", false))));
        assertTrue(r.releasedKeys(), "SAP/1 was released");
        assertEquals(List.of(), r.removedContactIds());
        assertEquals(List.of("CRM/7", "WEB/x"),
                c.getExternalKeys().stream().map(k -> k.getSystem() + "/" + k.getExternalId()).toList());
        assertEquals(List.of(), c.getAddresses());
    }

    @Test
    void aForeignContactIdChangesNothing() throws Exception {
        Customer c = stored();
        refused(ErrorCode.VALIDATION, "contact.id", () -> c.replaceWith(draft(List.of(), List.of(),
                List.of(person(10L, "Muster", true), person(99L, "Fremd", false)))));
        assertEquals(List.of("Muster", "Meier"), c.getContacts().stream().map(Contact::getLastName).toList());
        assertEquals(2, c.getExternalKeys().size());
        assertEquals(1, c.getAddresses().size());
    }

    @Test
    void theRecycleBin() throws Exception {
        Customer c = stored();
        Instant later = T0.plusSeconds(60);
        assertTrue(c.delete(later, "deleter"));
        assertTrue(c.isDeleted());
        assertEquals(later, c.getDeletedAt());
        assertEquals("deleter", c.getUpdatedBy());
        assertFalse(c.delete(later, "deleter"), "deleting again changes nothing");
        refused(ErrorCode.INVALID_STATE, "id", () -> c.requireWritable(null));
        assertTrue(c.undelete(later, "restorer"));
        assertFalse(c.isDeleted());
        assertNull(c.getDeletedAt());
        assertFalse(c.undelete(later, "restorer"), "restoring a live customer changes nothing");
        c.requireWritable(0L);
    }

    @Test
    void aMergedCustomerIsATombstone() throws Exception {
        Customer c = stored();
        c.tombstone(7L, T0);
        refused(ErrorCode.INVALID_STATE, "id", () -> c.requireWritable(null));
        refused(ErrorCode.INVALID_STATE, "id", () -> c.delete(T0, "x"));
        refused(ErrorCode.INVALID_STATE, "id", () -> c.undelete(T0, "x"));
        refused(ErrorCode.VALIDATION, "duplicateId", c::requireMergeableDuplicate);
        refused(ErrorCode.VALIDATION, "masterId", () -> c.requireMergeableMaster(null));
    }

    @Test
    void aStaleVersionIsAConcurrencyError() throws Exception {
        Customer c = stored();
        c.requireVersion(null);
        c.requireVersion(0L);
        refused(ErrorCode.CONCURRENCY, "expectedVersion", () -> c.requireVersion(3L));
        refused(ErrorCode.CONCURRENCY, "expectedVersion", () -> c.requireWritable(3L));
        refused(ErrorCode.CONCURRENCY, "expectedVersion", () -> c.requireMergeableMaster(3L));
    }

    @Test
    void touchingAlwaysMovesUpdatedAt() throws Exception {
        Customer c = stored();
        c.touch(T0, "again");
        assertTrue(c.getUpdatedAt().isAfter(T0), "the same instant still moves updatedAt, so the version grows");
        assertEquals("again", c.getUpdatedBy());
    }

    @Test
    void aContactIsOwnedByItsCustomerOnly() throws Exception {
        Customer c = stored();
        Customer other = Customer.create(draft(List.of(), List.of(), List.of(person(null, "X", false))), T0, "x");
        setId(other, 43L);
        assertTrue(c.owns(c.getContacts().get(0)));
        assertFalse(c.owns(other.getContacts().get(0)));
    }
}
