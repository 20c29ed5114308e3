package org.clientele.customer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Proves every rule of {@link CustomerRules}: each broken rule is VALIDATION naming the offending field. */
class CustomerRulesTest {

    private static final CustomerDraft.Person MAX = new CustomerDraft.Person(null, "Max", "Muster", "CFO",
            "max@acme.example", "+49 30 1234", true);
    private static final CustomerDraft.PostalAddress BERLIN = new CustomerDraft.PostalAddress(Address.Type.BILLING,
            "Hauptstr. 1", null, "Berlin", null, "10115", "DE");

    private static CustomerDraft valid() {
        return new CustomerDraft(Customer.Kind.ORGANIZATION, "Acme GmbH", "info@acme.example", "+49 (30) 123-45/6.7",
                Customer.Status.ACTIVE, "SMB", "anna", List.of(new CustomerDraft.Key("SAP", "4711")),
                List.of(BERLIN), List.of(MAX));
    }

    private static CustomerDraft withName(String name) {
        CustomerDraft d = valid();
        return new CustomerDraft(d.kind(), name, d.email(), d.phone(), d.status(), d.segment(), d.owner(), d.keys(),
                d.addresses(), d.contacts());
    }

    private static CustomerDraft withEmailAndPhone(String email, String phone) {
        CustomerDraft d = valid();
        return new CustomerDraft(d.kind(), d.name(), email, phone, d.status(), d.segment(), d.owner(), d.keys(),
                d.addresses(), d.contacts());
    }

    private static CustomerDraft withKeys(List<CustomerDraft.Key> keys) {
        CustomerDraft d = valid();
        return new CustomerDraft(d.kind(), d.name(), d.email(), d.phone(), d.status(), d.segment(), d.owner(), keys,
                d.addresses(), d.contacts());
    }

    private static CustomerDraft withAddresses(List<CustomerDraft.PostalAddress> addresses) {
        CustomerDraft d = valid();
        return new CustomerDraft(d.kind(), d.name(), d.email(), d.phone(), d.status(), d.segment(), d.owner(), d.keys(),
                addresses, d.contacts());
    }

    private static CustomerDraft withContacts(List<CustomerDraft.Person> contacts) {
        CustomerDraft d = valid();
        return new CustomerDraft(d.kind(), d.name(), d.email(), d.phone(), d.status(), d.segment(), d.owner(), d.keys(),
                d.addresses(), contacts);
    }

    private static CustomerDraft.PostalAddress inCountry(String countryCode) {
        return new CustomerDraft.PostalAddress(Address.Type.MAIN, "Main St 1", null, "Springfield", null, null, countryCode);
    }

    private static CustomerDraft.Person person(Long id, String lastName, String email, boolean primary) {
        return new CustomerDraft.Person(id, null, lastName, null, email, null, primary);
    }

    private static void assertRefused(String field, CustomerDraft d) {
        CrmException e = assertThrows(CrmException.class, () -> CustomerRules.validate(d));
        assertEquals(ErrorCode.VALIDATION, e.code(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
    }

    private static void assertRefused(String field, InteractionDraft d) {
        CrmException e = assertThrows(CrmException.class, () -> CustomerRules.validate(d));
        assertEquals(ErrorCode.VALIDATION, e.code(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
    }

    // ----- customer -----

    @Test
    void validDraftPasses() {
        assertDoesNotThrow(() -> CustomerRules.validate(valid()));
    }

    @Test
    void minimalDraftPasses() {
        assertDoesNotThrow(() -> CustomerRules.validate(new CustomerDraft(Customer.Kind.PERSON, "X", null, null, null,
                null, null, List.of(), List.of(), List.of())));
    }

    @Test
    void kindIsRequired() {
        CustomerDraft d = valid();
        assertRefused("kind", new CustomerDraft(null, d.name(), null, null, null, null, null, List.of(), List.of(), List.of()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t\n"})
    void blankNameIsRefused(String name) {
        assertRefused("name", withName(name));
    }

    @Test
    void nameOf200CharactersPassesAnd201IsRefused() {
        assertDoesNotThrow(() -> CustomerRules.validate(withName("n".repeat(200))));
        assertRefused("name", withName("n".repeat(201)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "@acme.example", "a b@acme.example", "a@@acme.example", "max@acme."})
    void badEmailIsRefused(String email) {
        assertRefused("email", withEmailAndPhone(email, null));
    }

    @Test
    void emailLongerThan254IsRefused() {
        String local = "a".repeat(64);
        String email = local + "@" + "d".repeat(254 - local.length() - 1 - 4) + ".com";
        assertEquals(254, email.length());
        assertDoesNotThrow(() -> CustomerRules.validate(withEmailAndPhone(email, null)));
        assertRefused("email", withEmailAndPhone("x" + email, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "phone", "+49 30 12a4", "++49 30 1234", "#123", "12345678901234567890123456789012345678901"})
    void badPhoneIsRefused(String phone) {
        assertRefused("phone", withEmailAndPhone(null, phone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "+1 (555) 123-4567", "030/1234.56"})
    void phoneNumbersInCommonFormatsPass(String phone) {
        assertDoesNotThrow(() -> CustomerRules.validate(withEmailAndPhone(null, phone)));
    }

    @Test
    void segmentAndOwnerAreLimitedTo100() {
        CustomerDraft d = valid();
        assertRefused("segment", new CustomerDraft(d.kind(), d.name(), null, null, null, "s".repeat(101), null,
                List.of(), List.of(), List.of()));
        assertRefused("owner", new CustomerDraft(d.kind(), d.name(), null, null, null, null, "o".repeat(101),
                List.of(), List.of(), List.of()));
    }

    @Test
    void duplicateExternalKeyIsRefused() {
        assertRefused("externalKey", withKeys(List.of(new CustomerDraft.Key("SAP", "1"), new CustomerDraft.Key("ERP", "1"),
                new CustomerDraft.Key("SAP", "1"))));
    }

    @Test
    void sameIdInTwoSystemsIsFine() {
        assertDoesNotThrow(() -> CustomerRules.validate(withKeys(List.of(new CustomerDraft.Key("SAP", "1"),
                new CustomerDraft.Key("ERP", "1")))));
    }

    @Test
    void atMost20ExternalKeys() {
        List<CustomerDraft.Key> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add(new CustomerDraft.Key("SAP", "k" + i));
        }
        assertDoesNotThrow(() -> CustomerRules.validate(withKeys(keys)));
        keys.add(new CustomerDraft.Key("SAP", "k20"));
        assertRefused("externalKey", withKeys(keys));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-SAP", "_SAP", ".SAP", "S A P", "SAP/ERP", "SÄP"})
    void badSystemNameIsRefused(String system) {
        assertRefused("externalKey.system", withKeys(List.of(new CustomerDraft.Key(system, "1"))));
    }

    @Test
    void systemNameIsLimitedTo50() {
        assertDoesNotThrow(() -> CustomerRules.validate(withKeys(List.of(new CustomerDraft.Key("S".repeat(50), "1")))));
        assertRefused("externalKey.system", withKeys(List.of(new CustomerDraft.Key("S".repeat(51), "1"))));
    }

    @Test
    void systemNameMayContainDotsDashesAndUnderscores() {
        assertDoesNotThrow(() -> CustomerRules.validate(withKeys(List.of(new CustomerDraft.Key("sap.erp-1_x", "1")))));
    }

    @Test
    void externalIdMustHave1To100Characters() {
        assertRefused("externalKey.id", withKeys(List.of(new CustomerDraft.Key("SAP", null))));
        assertRefused("externalKey.id", withKeys(List.of(new CustomerDraft.Key("SAP", ""))));
        assertRefused("externalKey.id", withKeys(List.of(new CustomerDraft.Key("SAP", "i".repeat(101)))));
        assertDoesNotThrow(() -> CustomerRules.validate(withKeys(List.of(new CustomerDraft.Key("SAP", "i".repeat(100))))));
    }

    @Test
    void keyOnItsOwnUsesTheGivenFieldPrefix() {
        CrmException e = assertThrows(CrmException.class, () -> CustomerRules.key("key", new CustomerDraft.Key("", "1")));
        assertEquals(ErrorCode.VALIDATION, e.code());
        assertEquals("key.system", e.field());
        e = assertThrows(CrmException.class, () -> CustomerRules.key("key", null));
        assertEquals("key.system", e.field());
        e = assertThrows(CrmException.class, () -> CustomerRules.key("key", new CustomerDraft.Key("SAP", "")));
        assertEquals("key.id", e.field());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"XX", "QQ", "de", "DEU", "D", "AA"})
    void unknownCountryCodeIsRefused(String countryCode) {
        assertRefused("address.countryCode", withAddresses(List.of(inCountry(countryCode))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE", "US", "FR", "CH", "JP"})
    void isoCountryCodesPass(String countryCode) {
        assertDoesNotThrow(() -> CustomerRules.validate(withAddresses(List.of(inCountry(countryCode)))));
    }

    @Test
    void addressFieldsAreChecked() {
        assertRefused("address.type", withAddresses(List.of(new CustomerDraft.PostalAddress(null, "l", null, "c", null, null, "DE"))));
        assertRefused("address.line1", withAddresses(List.of(new CustomerDraft.PostalAddress(Address.Type.MAIN, null, null, "c", null, null, "DE"))));
        assertRefused("address.line1", withAddresses(List.of(new CustomerDraft.PostalAddress(Address.Type.MAIN, "", null, "c", null, null, "DE"))));
        assertRefused("address.line2", withAddresses(List.of(new CustomerDraft.PostalAddress(Address.Type.MAIN, "l", "x".repeat(201), "c", null, null, "DE"))));
        assertRefused("address.city", withAddresses(List.of(new CustomerDraft.PostalAddress(Address.Type.MAIN, "l", null, null, null, null, "DE"))));
        assertRefused("address.region", withAddresses(List.of(new CustomerDraft.PostalAddress(Address.Type.MAIN, "l", null, "c", "r".repeat(101), null, "DE"))));
        assertRefused("address.postalCode", withAddresses(List.of(new CustomerDraft.PostalAddress(Address.Type.MAIN, "l", null, "c", null, "1".repeat(21), "DE"))));
    }

    @Test
    void atMost20Addresses() {
        assertDoesNotThrow(() -> CustomerRules.validate(withAddresses(Collections.nCopies(20, BERLIN))));
        assertRefused("address", withAddresses(Collections.nCopies(21, BERLIN)));
    }

    @Test
    void twoPrimaryContactsAreRefused() {
        assertRefused("contact.primary", withContacts(List.of(person(null, "A", null, true), person(null, "B", null, false),
                person(null, "C", null, true))));
    }

    @Test
    void onePrimaryOrNoneIsFine() {
        assertDoesNotThrow(() -> CustomerRules.validate(withContacts(List.of(person(null, "A", null, false),
                person(null, "B", null, true)))));
        assertDoesNotThrow(() -> CustomerRules.validate(withContacts(List.of(person(null, "A", null, false)))));
    }

    @Test
    void duplicateContactIdIsRefused() {
        assertRefused("contact.id", withContacts(List.of(person(7L, "A", null, false), person(8L, "B", null, false),
                person(7L, "C", null, false))));
    }

    @Test
    void severalNewContactsWithoutIdAreFine() {
        assertDoesNotThrow(() -> CustomerRules.validate(withContacts(List.of(person(null, "A", null, false),
                person(null, "B", null, false)))));
    }

    @Test
    void contactFieldsAreChecked() {
        assertRefused("contact.lastName", withContacts(List.of(person(null, null, null, false))));
        assertRefused("contact.lastName", withContacts(List.of(person(null, "", null, false))));
        assertRefused("contact.lastName", withContacts(List.of(person(null, "l".repeat(101), null, false))));
        assertRefused("contact.email", withContacts(List.of(person(null, "A", "not-an-email", false))));
        assertRefused("contact.phone", withContacts(List.of(new CustomerDraft.Person(null, null, "A", null, null, "x", false))));
        assertRefused("contact.firstName", withContacts(List.of(new CustomerDraft.Person(null, "f".repeat(101), "A", null, null, null, false))));
        assertRefused("contact.title", withContacts(List.of(new CustomerDraft.Person(null, null, "A", "t".repeat(101), null, null, false))));
    }

    @Test
    void atMost100Contacts() {
        assertDoesNotThrow(() -> CustomerRules.validate(withContacts(Collections.nCopies(100, person(null, "A", null, false)))));
        assertRefused("contact", withContacts(Collections.nCopies(101, person(null, "A", null, false))));
    }

    @Test
    void firstBrokenRuleIsReported() {
        // name comes before email in the checks, so a draft breaking both names "name"
        CustomerDraft d = valid();
        assertRefused("name", new CustomerDraft(d.kind(), " ", "bad", "bad", null, null, null, List.of(), List.of(), List.of()));
    }

    // ----- interactions -----

    private static InteractionDraft interaction(Interaction.Type type, String subject, String body, Instant occurredAt) {
        return new InteractionDraft(1L, null, type, Interaction.Direction.INBOUND, subject, body, occurredAt);
    }

    @Test
    void validInteractionPasses() {
        assertDoesNotThrow(() -> CustomerRules.validate(interaction(Interaction.Type.CALL, "Hello", "b".repeat(10000),
                Instant.now())));
        assertDoesNotThrow(() -> CustomerRules.validate(new InteractionDraft(1L, 2L, Interaction.Type.NOTE, null,
                "s".repeat(200), null, Instant.EPOCH)));
    }

    @Test
    void interactionTypeIsRequired() {
        assertRefused("type", interaction(null, "Hello", null, Instant.now()));
    }

    @Test
    void interactionSubjectMustHave1To200Characters() {
        assertRefused("subject", interaction(Interaction.Type.CALL, null, null, Instant.now()));
        assertRefused("subject", interaction(Interaction.Type.CALL, "", null, Instant.now()));
        assertRefused("subject", interaction(Interaction.Type.CALL, "s".repeat(201), null, Instant.now()));
    }

    @Test
    void interactionBodyIsLimitedTo10000() {
        assertRefused("body", interaction(Interaction.Type.EMAIL, "Hello", "b".repeat(10001), Instant.now()));
    }

    @Test
    void interactionOccurredAtIsRequired() {
        assertRefused("occurredAt", interaction(Interaction.Type.MEETING, "Hello", null, null));
    }
}
