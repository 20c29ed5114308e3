package org.clientele.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.ws.customer.AddressType;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.CustomerStatus;
import org.clientele.ws.customer.Direction;
import org.clientele.ws.customer.InteractionType;
import org.junit.jupiter.api.Test;

/**
 * Proves {@link CustomerMapper} carries every field from the wire to a draft, and from an entity built the way
 * the service builds it back to the wire, and that empty optional strings become null.
 */
class CustomerMapperTest {

    private static org.clientele.ws.common.ExternalKey wireKey(String system, String id) {
        org.clientele.ws.common.ExternalKey k = new org.clientele.ws.common.ExternalKey();
        k.setSystem(system);
        k.setId(id);
        return k;
    }

    private static org.clientele.ws.customer.Address wireAddress(AddressType type, String line1, String line2, String city,
                                                                 String region, String postalCode, String country) {
        org.clientele.ws.customer.Address a = new org.clientele.ws.customer.Address();
        a.setType(type);
        a.setLine1(line1);
        a.setLine2(line2);
        a.setCity(city);
        a.setRegion(region);
        a.setPostalCode(postalCode);
        a.setCountryCode(country);
        return a;
    }

    private static org.clientele.ws.customer.Contact wireContact(Long id, String first, String last, String title,
                                                                 String email, String phone, Boolean primary) {
        org.clientele.ws.customer.Contact c = new org.clientele.ws.customer.Contact();
        c.setId(id);
        c.setFirstName(first);
        c.setLastName(last);
        c.setTitle(title);
        c.setEmail(email);
        c.setPhone(phone);
        c.setPrimary(primary);
        return c;
    }

    private static CustomerData fullWire() {
        CustomerData d = new CustomerData();
        d.setKind(CustomerKind.ORGANIZATION);
        d.setName("Acme GmbH");
        d.setEmail("Info@Acme.example");
        d.setPhone("+49 30 1234");
        d.setStatus(CustomerStatus.INACTIVE);
        d.setSegment("SMB");
        d.setOwner("anna");
        d.getExternalKey().add(wireKey("SAP", "4711"));
        d.getExternalKey().add(wireKey("ERP", "A-1"));
        d.getAddress().add(wireAddress(AddressType.BILLING, "Hauptstr. 1", "Hinterhaus", "Berlin", "BE", "10115", "DE"));
        d.getAddress().add(wireAddress(AddressType.SHIPPING, "Dock 7", null, "Hamburg", null, null, "DE"));
        d.getContact().add(wireContact(null, "Max", "Muster", "CFO", "max@acme.example", "+49 30 99", true));
        d.getContact().add(wireContact(12L, null, "Solo", null, null, null, null));
        return d;
    }

    private static void setId(Object entity, long id) throws ReflectiveOperationException {
        Field f = entity.getClass().getDeclaredField("id");
        f.setAccessible(true);
        f.set(entity, id);
    }

    @Test
    void wireToDraftCarriesEveryField() {
        CustomerDraft d = CustomerMapper.draft(fullWire());
        assertEquals(Customer.Kind.ORGANIZATION, d.kind());
        assertEquals("Acme GmbH", d.name());
        assertEquals("Info@Acme.example", d.email());
        assertEquals("+49 30 1234", d.phone());
        assertEquals(Customer.Status.INACTIVE, d.status());
        assertEquals("SMB", d.segment());
        assertEquals("anna", d.owner());
        assertEquals(List.of(new CustomerDraft.Key("SAP", "4711"), new CustomerDraft.Key("ERP", "A-1")), d.keys());
        assertEquals(List.of(
                new CustomerDraft.PostalAddress(Address.Type.BILLING, "Hauptstr. 1", "Hinterhaus", "Berlin", "BE", "10115", "DE"),
                new CustomerDraft.PostalAddress(Address.Type.SHIPPING, "Dock 7", null, "Hamburg", null, null, "DE")),
                d.addresses());
        assertEquals(List.of(
                new CustomerDraft.Person(null, "Max", "Muster", "CFO", "max@acme.example", "+49 30 99", true),
                new CustomerDraft.Person(12L, null, "Solo", null, null, null, false)),
                d.contacts());
    }

    @Test
    void omittedStatusStaysNullForTheServiceToDefault() {
        CustomerData w = fullWire();
        w.setStatus(null);
        assertNull(CustomerMapper.draft(w).status());
    }

    @Test
    void emptyOptionalStringsBecomeNull() {
        CustomerData w = new CustomerData();
        w.setKind(CustomerKind.PERSON);
        w.setName("Erika");
        w.setEmail("");
        w.setPhone("");
        w.setSegment("");
        w.setOwner("");
        w.getAddress().add(wireAddress(AddressType.MAIN, "Weg 1", "", "Köln", "", "", "DE"));
        w.getContact().add(wireContact(null, "", "Mustermann", "", "", "", false));
        CustomerDraft d = CustomerMapper.draft(w);
        assertNull(d.email());
        assertNull(d.phone());
        assertNull(d.segment());
        assertNull(d.owner());
        CustomerDraft.PostalAddress a = d.addresses().get(0);
        assertNull(a.line2());
        assertNull(a.region());
        assertNull(a.postalCode());
        assertEquals("Weg 1", a.line1());
        CustomerDraft.Person p = d.contacts().get(0);
        assertNull(p.firstName());
        assertNull(p.title());
        assertNull(p.email());
        assertNull(p.phone());
        assertEquals("Mustermann", p.lastName());
    }

    @Test
    void requiredStringsAreNotTurnedIntoNull() {
        // an empty name must reach the rules as "" so the error names the field, not a null pointer
        CustomerData w = new CustomerData();
        w.setKind(CustomerKind.PERSON);
        w.setName("");
        assertEquals("", CustomerMapper.draft(w).name());
    }

    @Test
    void missingDataIsValidation() {
        CrmException e = assertThrows(CrmException.class, () -> CustomerMapper.draft((CustomerData) null));
        assertEquals(ErrorCode.VALIDATION, e.code());
        assertEquals("data", e.field());
        e = assertThrows(CrmException.class, () -> CustomerMapper.key(null));
        assertEquals("externalKey", e.field());
        e = assertThrows(CrmException.class, () -> CustomerMapper.draft((org.clientele.ws.customer.Interaction) null));
        assertEquals("interaction", e.field());
    }

    @Test
    void draftToEntityToWireRoundTripsEveryField() throws Exception {
        CustomerDraft d = CustomerMapper.draft(fullWire());
        // built the way Customer.create builds a new customer (which refuses the contact ids the wire data carries)
        Instant created = Instant.parse("2026-01-02T03:04:05.123456Z");
        Customer c = new Customer(created, "tester");
        c.setDetails(d);
        d.keys().forEach(k -> c.addExternalKey(new ExternalKey(k.system(), k.id())));
        d.addresses().forEach(a -> c.addAddress(new Address(a)));
        d.contacts().forEach(p -> c.addContact(new Contact(p)));
        setId(c, 42L);
        setId(c.getContacts().get(0), 100L);
        setId(c.getContacts().get(1), 101L);
        c.touch(created.plusSeconds(60), "tester");
        c.tombstone(7L, created.plusSeconds(60));

        org.clientele.ws.customer.Customer w = CustomerMapper.toWire(c);
        assertEquals(42L, w.getId());
        assertEquals(0L, w.getVersion());
        assertEquals(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123456000, ZoneOffset.UTC), w.getCreatedAt());
        assertEquals(OffsetDateTime.of(2026, 1, 2, 3, 5, 5, 123456000, ZoneOffset.UTC), w.getUpdatedAt());
        assertTrue(w.isDeleted());
        assertEquals(7L, w.getMergedInto());

        CustomerData out = w.getData();
        assertEquals(CustomerKind.ORGANIZATION, out.getKind());
        assertEquals("Acme GmbH", out.getName());
        assertEquals("Info@Acme.example", out.getEmail(), "the e-mail keeps its case; only the search column is lower-cased");
        assertEquals("+49 30 1234", out.getPhone());
        assertEquals(CustomerStatus.INACTIVE, out.getStatus());
        assertEquals("SMB", out.getSegment());
        assertEquals("anna", out.getOwner());
        assertEquals(2, out.getExternalKey().size());
        assertEquals("SAP", out.getExternalKey().get(0).getSystem());
        assertEquals("4711", out.getExternalKey().get(0).getId());
        assertEquals("ERP", out.getExternalKey().get(1).getSystem());
        assertEquals("A-1", out.getExternalKey().get(1).getId());

        assertEquals(2, out.getAddress().size());
        org.clientele.ws.customer.Address a0 = out.getAddress().get(0);
        assertEquals(AddressType.BILLING, a0.getType());
        assertEquals("Hauptstr. 1", a0.getLine1());
        assertEquals("Hinterhaus", a0.getLine2());
        assertEquals("Berlin", a0.getCity());
        assertEquals("BE", a0.getRegion());
        assertEquals("10115", a0.getPostalCode());
        assertEquals("DE", a0.getCountryCode());
        org.clientele.ws.customer.Address a1 = out.getAddress().get(1);
        assertEquals(AddressType.SHIPPING, a1.getType());
        assertNull(a1.getLine2());
        assertNull(a1.getRegion());
        assertNull(a1.getPostalCode());
        assertEquals(1, c.getAddresses().get(1).getPosition(), "addresses keep the order the client sent");

        assertEquals(2, out.getContact().size());
        org.clientele.ws.customer.Contact p0 = out.getContact().get(0);
        assertEquals(100L, p0.getId());
        assertEquals("Max", p0.getFirstName());
        assertEquals("Muster", p0.getLastName());
        assertEquals("CFO", p0.getTitle());
        assertEquals("max@acme.example", p0.getEmail());
        assertEquals("+49 30 99", p0.getPhone());
        assertEquals(Boolean.TRUE, p0.isPrimary());
        org.clientele.ws.customer.Contact p1 = out.getContact().get(1);
        assertEquals(101L, p1.getId());
        assertNull(p1.getFirstName());
        assertEquals("Solo", p1.getLastName());
        assertEquals(Boolean.FALSE, p1.isPrimary());

        // and the wire form maps back to the same draft (contact ids now assigned)
        CustomerDraft again = CustomerMapper.draft(out);
        assertEquals(d.keys(), again.keys());
        assertEquals(d.addresses(), again.addresses());
        assertEquals(d.name(), again.name());
        assertEquals(d.status(), again.status());
    }

    @Test
    void customerNotMergedHasNoMergedInto() throws Exception {
        Customer c = new Customer(Instant.EPOCH, "tester");
        c.setDetails(new CustomerDraft(Customer.Kind.PERSON, "P", null, null, Customer.Status.PROSPECT, null, null,
                List.of(), List.of(), List.of()));
        setId(c, 1L);
        org.clientele.ws.customer.Customer w = CustomerMapper.toWire(c);
        assertFalse(w.isDeleted());
        assertNull(w.getMergedInto());
        assertNull(w.getData().getEmail());
        assertTrue(w.getData().getExternalKey().isEmpty());
        assertTrue(w.getData().getContact().isEmpty());
        assertTrue(w.getData().getAddress().isEmpty());
    }

    @Test
    void interactionWireToDraft() {
        org.clientele.ws.customer.Interaction w = new org.clientele.ws.customer.Interaction();
        w.setId(999L);
        w.setCustomerId(5L);
        w.setContactId(6L);
        w.setType(InteractionType.MEETING);
        w.setDirection(Direction.OUTBOUND);
        w.setSubject("Kick-off");
        w.setBody("");
        w.setOccurredAt(OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)));
        w.setRecordedBy("forged");
        InteractionDraft d = CustomerMapper.draft(w);
        assertEquals(new InteractionDraft(5L, 6L, Interaction.Type.MEETING, Interaction.Direction.OUTBOUND, "Kick-off",
                null, Instant.parse("2026-03-01T08:00:00Z")), d);

        w.setDirection(null);
        w.setContactId(null);
        w.setBody("Notes");
        w.setType(null);
        w.setOccurredAt(null);
        InteractionDraft bare = CustomerMapper.draft(w);
        assertNull(bare.direction());
        assertNull(bare.contactId());
        assertNull(bare.type());
        assertNull(bare.occurredAt());
        assertEquals("Notes", bare.body());
    }

    @Test
    void interactionEntityToWire() throws Exception {
        Interaction i = new Interaction(new InteractionDraft(5L, 6L, Interaction.Type.CALL, Interaction.Direction.INBOUND,
                "Call back", "Body", Instant.parse("2026-03-01T08:00:00Z")), "it-agent", Instant.parse("2026-03-01T08:05:00.5Z"));
        setId(i, 77L);
        org.clientele.ws.customer.Interaction w = CustomerMapper.toWire(i);
        assertEquals(77L, w.getId());
        assertEquals(5L, w.getCustomerId());
        assertEquals(6L, w.getContactId());
        assertEquals(InteractionType.CALL, w.getType());
        assertEquals(Direction.INBOUND, w.getDirection());
        assertEquals("Call back", w.getSubject());
        assertEquals("Body", w.getBody());
        assertEquals(OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC), w.getOccurredAt());
        assertEquals("it-agent", w.getRecordedBy());
        assertEquals(OffsetDateTime.of(2026, 3, 1, 8, 5, 0, 500_000_000, ZoneOffset.UTC), w.getRecordedAt());

        Interaction note = new Interaction(new InteractionDraft(5L, null, Interaction.Type.NOTE, null, "n", null, Instant.EPOCH),
                "x", Instant.EPOCH);
        org.clientele.ws.customer.Interaction wn = CustomerMapper.toWire(note);
        assertNull(wn.getDirection());
        assertNull(wn.getContactId());
        assertNull(wn.getBody());
    }

    @Test
    void timeIsUtc() {
        assertNull(CustomerMapper.time(null));
        assertEquals(ZoneOffset.UTC, CustomerMapper.time(Instant.EPOCH).getOffset());
    }
}
