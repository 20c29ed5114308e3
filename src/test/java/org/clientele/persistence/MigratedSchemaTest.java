package org.clientele.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clientele.customer.Address;
import org.clientele.customer.Contact;
import org.clientele.customer.Customer;
import org.clientele.customer.CustomerDraft;
import org.clientele.customer.ExternalKey;
import org.clientele.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the JPA mappings match the schema the Flyway migrations create: Hibernate validates every mapped
 * table and column against the migrated database (H2 by default, PostgreSQL with -Ppostgres), and a
 * customer aggregate round-trips through it.
 */
class MigratedSchemaTest {
    private static TestDatabase db;

    @BeforeAll
    static void migrate() throws Exception {
        db = TestDatabase.create("schema");
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void mappingsValidateAgainstTheMigratedSchema() {
        // building the factory with hbm2ddl=validate already checked every table and column
        assertTrue(db.emf().isOpen());
    }

    @Test
    void customerAggregateRoundTrips() {
        Long id;
        EntityManager em = db.emf().createEntityManager();
        try {
            em.getTransaction().begin();
            Customer c = new Customer(Instant.parse("2026-01-02T03:04:05.123456Z"), "tester");
            c.setDetails(new CustomerDraft(Customer.Kind.ORGANIZATION, "Acme GmbH", "Info@Acme.example", "+49 30 1234",
                    Customer.Status.ACTIVE, "SMB", "anna", List.of(), List.of(), List.of()));
            c.addExternalKey(new ExternalKey("SAP", "4711-" + UUID.randomUUID()));
            c.addAddress(new Address(new CustomerDraft.PostalAddress(Address.Type.BILLING, "Hauptstr. 1", null, "Berlin", null,
                    "10115", "DE")));
            c.addContact(new Contact(new CustomerDraft.Person(null, "Max", "Muster", "CFO", "max@acme.example", null, true)));
            em.persist(c);
            em.getTransaction().commit();
            id = c.getId();
        } finally {
            em.close();
        }
        em = db.emf().createEntityManager();
        try {
            Customer read = em.find(Customer.class, id);
            assertNotNull(read);
            assertEquals("Acme GmbH", read.getName());
            assertEquals(0L, read.getVersion());
            assertEquals(Instant.parse("2026-01-02T03:04:05.123456Z"), read.getCreatedAt());
            assertEquals(1, read.getExternalKeys().size());
            assertEquals("DE", read.getAddresses().get(0).getCountryCode());
            assertTrue(read.getContacts().get(0).isPrimary());
        } finally {
            em.close();
        }
    }

    @Test
    void externalKeysAreUniquePerSystemInTheDatabase() {
        String key = "dup-" + UUID.randomUUID();
        EntityManager em = db.emf().createEntityManager();
        try {
            em.getTransaction().begin();
            Customer a = new Customer(Instant.now(), "tester");
            a.setDetails(new CustomerDraft(Customer.Kind.PERSON, "A", null, null, Customer.Status.PROSPECT, null, null,
                    List.of(), List.of(), List.of()));
            a.addExternalKey(new ExternalKey("ERP", key));
            Customer b = new Customer(Instant.now(), "tester");
            b.setDetails(new CustomerDraft(Customer.Kind.PERSON, "B", null, null, Customer.Status.PROSPECT, null, null,
                    List.of(), List.of(), List.of()));
            b.addExternalKey(new ExternalKey("ERP", key));
            em.persist(a);
            em.persist(b);
            assertThrows(PersistenceException.class, em::flush);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
