package org.clientele.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.clientele.customer.Address;
import org.clientele.customer.Contact;
import org.clientele.customer.Customer;
import org.clientele.customer.ExternalKey;
import org.clientele.customer.Interaction;
import org.clientele.platform.AuditEntry;
import org.clientele.platform.Setting;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.boot.spi.Bootstrap;
import org.hibernate.jpa.boot.internal.ParsedPersistenceXmlDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the JPA mappings match the schema the Flyway migrations create: Hibernate validates every mapped
 * table and column against the migrated database (H2 by default, PostgreSQL with -Ppostgres), and a
 * customer aggregate round-trips through it.
 */
class MigratedSchemaTest {
    private static String url;
    private static String user;
    private static String password;
    private static String pgDatabase;
    private static EntityManagerFactory emf;

    @BeforeAll
    static void migrate() throws Exception {
        if ("postgres".equals(System.getProperty("clientele.db"))) {
            pgDatabase = "clientele_schema_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String admin = System.getProperty("clientele.pg.admin.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
            user = System.getProperty("clientele.pg.user", "postgres");
            password = System.getProperty("clientele.pg.password", "postgres");
            try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + pgDatabase);
            }
            url = admin.substring(0, admin.lastIndexOf('/') + 1) + pgDatabase;
        } else {
            url = "jdbc:h2:mem:schema_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            user = "sa";
            password = "";
        }
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();

        ParsedPersistenceXmlDescriptor unit = new ParsedPersistenceXmlDescriptor(null);
        unit.setName("clientele-schema-test");
        unit.setTransactionType(jakarta.persistence.spi.PersistenceUnitTransactionType.RESOURCE_LOCAL);
        for (Class<?> entity : new Class<?>[] {Customer.class, ExternalKey.class, Contact.class, Address.class,
                Interaction.class, AuditEntry.class, Setting.class, org.clientele.sync.ChangeRecord.class}) {
            unit.addClasses(entity.getName());
        }
        unit.setExcludeUnlistedClasses(true);
        emf = Bootstrap.getEntityManagerFactoryBuilder(unit, Map.of(
                AvailableSettings.JAKARTA_JDBC_URL, url,
                AvailableSettings.JAKARTA_JDBC_USER, user,
                AvailableSettings.JAKARTA_JDBC_PASSWORD, password,
                AvailableSettings.HBM2DDL_AUTO, "validate")).build();
    }

    @AfterAll
    static void drop() throws Exception {
        if (emf != null) {
            emf.close();
        }
        if (pgDatabase != null) {
            String admin = System.getProperty("clientele.pg.admin.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
            try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
            }
        }
    }

    @Test
    void mappingsValidateAgainstTheMigratedSchema() {
        // building the factory with hbm2ddl=validate already checked every table and column
        assertTrue(emf.isOpen());
    }

    @Test
    void customerAggregateRoundTrips() {
        Long id;
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            Customer c = new Customer(Instant.parse("2026-01-02T03:04:05.123456Z"), "tester");
            c.setDetails(Customer.Kind.ORGANIZATION, "Acme GmbH", "Info@Acme.example", "+49 30 1234", Customer.Status.ACTIVE, "SMB", "anna");
            c.addExternalKey(new ExternalKey("SAP", "4711-" + UUID.randomUUID()));
            c.addAddress(new Address(Address.Type.BILLING, "Hauptstr. 1", null, "Berlin", null, "10115", "DE"));
            c.addContact(new Contact("Max", "Muster", "CFO", "max@acme.example", null, true));
            em.persist(c);
            em.getTransaction().commit();
            id = c.getId();
        } finally {
            em.close();
        }
        em = emf.createEntityManager();
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
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            Customer a = new Customer(Instant.now(), "tester");
            a.setDetails(Customer.Kind.PERSON, "A", null, null, Customer.Status.PROSPECT, null, null);
            a.addExternalKey(new ExternalKey("ERP", key));
            Customer b = new Customer(Instant.now(), "tester");
            b.setDetails(Customer.Kind.PERSON, "B", null, null, Customer.Status.PROSPECT, null, null);
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
