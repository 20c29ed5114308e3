package org.clientele.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.clientele.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * findCustomers' filters on the Flyway-migrated schema (H2, or PostgreSQL with -Ppostgres, where V7 adds the trigram
 * and status/segment indexes): each filter finds exactly the matching customers, in id order.
 */
class CustomerSearchPersistenceTest {
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    private TestDatabase db;
    private EntityManager em;
    private CustomerRepository repository;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create("search");
        em = db.emf().createEntityManager();
        repository = new CustomerRepository();
        repository.em = em;
        em.getTransaction().begin();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
        db.close();
    }

    private long customer(String name, String email, String phone, Customer.Status status, String segment, String contactEmail) {
        Customer c = new Customer(T0, "test");
        c.setDetails(new CustomerDraft(Customer.Kind.ORGANIZATION, name, email, phone, status, segment, null, List.of(), List.of(), List.of()));
        if (contactEmail != null) {
            c.addContact(new Contact(new CustomerDraft.Person(null, "Anna", "Weber", null, contactEmail, null, true)));
        }
        em.persist(c);
        em.flush();
        return c.getId();
    }

    private List<Long> find(CustomerQuery q) {
        em.clear();
        return repository.find(q, 0, 100).stream().map(Customer::getId).toList();
    }

    @Test
    void theDatabasesOwnSearchIndexesAreMigrated() {
        boolean postgres = "postgres".equals(System.getProperty("clientele.db"));
        String sql = postgres
                ? "select indexname from pg_indexes where indexname in ('ix_customer_name_trgm', 'ix_customer_status_segment')"
                : "select lower(index_name) from information_schema.indexes where lower(index_name) = 'ix_customer_status_segment'";
        List<?> found = em.createNativeQuery(sql).getResultList();
        assertEquals(postgres ? 2 : 1, found.size(), "search indexes: " + found);
    }

    @Test
    void nameContainsIsCaseInsensitiveAndTreatsWildcardsLiterally() {
        long nord = customer("Nord Hafen Weber GmbH", null, null, Customer.Status.ACTIVE, null, null);
        long percent = customer("100% Logistik AG", null, null, Customer.Status.ACTIVE, null, null);
        customer("Sued Werk KG", null, null, Customer.Status.ACTIVE, null, null);
        assertEquals(List.of(nord), find(new CustomerQuery("HAFEN weber", null, null, null, null, null, false)));
        assertEquals(List.of(percent), find(new CustomerQuery("0% l", null, null, null, null, null, false)));
    }

    @Test
    void emailMatchesTheCustomersOrAContactsAddressOnce() {
        long own = customer("A", "Info@A.example", null, Customer.Status.ACTIVE, null, null);
        long viaContact = customer("B", null, null, Customer.Status.ACTIVE, null, "info@a.example");
        long both = customer("C", "info@a.example", null, Customer.Status.ACTIVE, null, "INFO@a.example");
        customer("D", "other@a.example", null, Customer.Status.ACTIVE, null, "other@a.example");
        assertEquals(List.of(own, viaContact, both), find(new CustomerQuery(null, "info@A.example", null, null, null, null, false)));
    }

    @Test
    void statusAndSegmentAndPhoneCombine() {
        long match = customer("A", null, "+49 30 1", Customer.Status.ACTIVE, "SMB", null);
        customer("B", null, "+49 30 1", Customer.Status.PROSPECT, "SMB", null);
        long otherPhone = customer("C", null, "+49 30 2", Customer.Status.ACTIVE, "SMB", null);
        long second = customer("D", null, "+49 30 1", Customer.Status.ACTIVE, "SMB", null);
        customer("E", null, "+49 30 1", Customer.Status.ACTIVE, "MID", null);
        assertEquals(List.of(match, otherPhone, second),
                find(new CustomerQuery(null, null, null, Customer.Status.ACTIVE, "SMB", null, false)));
        assertEquals(List.of(match, second),
                find(new CustomerQuery(null, null, "+49 30 1", Customer.Status.ACTIVE, "SMB", null, false)));
    }
}
