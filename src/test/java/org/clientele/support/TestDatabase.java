package org.clientele.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clientele.customer.Customer;
import org.clientele.customer.CustomerDraft;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.boot.internal.ParsedPersistenceXmlDescriptor;
import org.hibernate.jpa.boot.spi.Bootstrap;

/**
 * A private, Flyway-migrated database for a persistence test — in-memory H2 by default, a fresh PostgreSQL
 * database with {@code -Dclientele.db=postgres} (set by {@code -Ppostgres}) — and a Hibernate factory of every
 * entity (found by {@link Entities}) that validates its mappings against it.
 */
public final class TestDatabase implements AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final String pgDatabase;
    private final String adminUrl;
    private final EntityManagerFactory emf;

    private TestDatabase(String url, String user, String password, String pgDatabase, String adminUrl) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.pgDatabase = pgDatabase;
        this.adminUrl = adminUrl;
        Flyway.configure().dataSource(url, user, password).locations(org.clientele.platform.DatabaseMigrator.locations(url.startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2")).load().migrate();
        ParsedPersistenceXmlDescriptor unit = new ParsedPersistenceXmlDescriptor(null);
        unit.setName("clientele-test");
        unit.setTransactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL);
        for (Class<?> entity : Entities.all()) {
            unit.addClasses(entity.getName());
        }
        unit.setExcludeUnlistedClasses(true);
        this.emf = Bootstrap.getEntityManagerFactoryBuilder(unit, Map.of(
                AvailableSettings.JAKARTA_JDBC_URL, url,
                AvailableSettings.JAKARTA_JDBC_USER, user,
                AvailableSettings.JAKARTA_JDBC_PASSWORD, password,
                AvailableSettings.HBM2DDL_AUTO, "validate")).build();
    }

    /** Creates and migrates the database, and builds the validated factory. */
    public static TestDatabase create(String name) throws SQLException {
        if ("postgres".equals(System.getProperty("clientele.db"))) {
            String db = "clientele_" + name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String admin = System.getProperty("clientele.pg.admin.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
            String user = System.getProperty("clientele.pg.user", "postgres");
            String password = System.getProperty("clientele.pg.password", "postgres");
            try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + db);
            }
            return new TestDatabase(admin.substring(0, admin.lastIndexOf('/') + 1) + db, user, password, db, admin);
        }
        return new TestDatabase("jdbc:h2:mem:" + name + "_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", null, null);
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    /** An entity manager with its transaction begun; {@link #close(EntityManager)} rolls back what is left. */
    public EntityManager begin() {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        return em;
    }

    /** Rolls back the test's open transaction, closes its entity manager, then this database. */
    public void close(EntityManager em) throws SQLException {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
        close();
    }

    /** Persists and flushes an active organisation "Acme" (for tests that need a customer to refer to); its id. */
    public static long persistCustomer(EntityManager em, Instant at) {
        Customer c = new Customer(at, "test");
        c.setDetails(new CustomerDraft(Customer.Kind.ORGANIZATION, "Acme", null, null, Customer.Status.ACTIVE, null, null,
                List.of(), List.of(), List.of()));
        em.persist(c);
        em.flush();
        return c.getId();
    }

    /** A plain JDBC connection to the same database. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() throws SQLException {
        emf.close();
        if (pgDatabase != null) {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
            }
        }
    }
}
