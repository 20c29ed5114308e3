package org.clientele.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clientele.customer.Contact;
import org.clientele.customer.Customer;
import org.clientele.customer.CustomerDraft;
import org.clientele.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The campaign entities against the migrated schema (H2, or PostgreSQL with -Ppostgres): a campaign round-trips
 * with its money and dates, and the database itself keeps a member unique per campaign, customer and contact —
 * also for a member without a contact, which a plain unique key over a NULL column would not on PostgreSQL.
 */
class CampaignSchemaTest {
    private static TestDatabase db;

    @BeforeAll
    static void migrate() throws Exception {
        db = TestDatabase.create("campaignschema");
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void campaignRoundTrips() {
        long id;
        try (EntityManager em = db.emf().createEntityManager()) {
            em.getTransaction().begin();
            Campaign c = new Campaign(Instant.parse("2026-11-28T10:00:00Z"), "tester");
            c.setDetails(new CampaignDraft("Spring", "Offers", Campaign.Channel.DIRECT_MAIL, null, LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 3, 31), "EUR", new BigDecimal("1000.5"), new BigDecimal("999999999999999.9999"),
                    null, null, "anna"));
            c.setStatus(CampaignStatus.PLANNED);
            em.persist(c);
            em.getTransaction().commit();
            id = c.getId();
        }
        try (EntityManager em = db.emf().createEntityManager()) {
            Campaign read = em.find(Campaign.class, id);
            assertEquals(0, read.getVersion());
            assertEquals(LocalDate.of(2026, 3, 31), read.getEndDate());
            assertEquals(new BigDecimal("1000.5000"), read.getBudget());
            assertEquals(new BigDecimal("999999999999999.9999"), read.getActualCost());
            assertNull(read.getExpectedRevenue());
            assertEquals(CampaignStatus.PLANNED, read.getStatus());
        }
    }

    @Test
    void aMemberWithoutContactIsUniqueInTheDatabase() {
        assertThrows(PersistenceException.class, () -> twoMembers(false));
    }

    @Test
    void aMemberThroughAContactIsUniqueInTheDatabase() {
        assertThrows(PersistenceException.class, () -> twoMembers(true));
    }

    private static void twoMembers(boolean viaContact) {
        try (EntityManager em = db.emf().createEntityManager()) {
            em.getTransaction().begin();
            try {
                Campaign c = new Campaign(Instant.now(), "tester");
                c.setDetails(new CampaignDraft("Unique", null, Campaign.Channel.EMAIL, null, LocalDate.of(2026, 1, 1), null,
                        "EUR", null, null, null, null, null));
                c.setStatus(CampaignStatus.ACTIVE);
                em.persist(c);
                Customer customer = new Customer(Instant.now(), "tester");
                customer.setDetails(new CustomerDraft(Customer.Kind.PERSON, "Member", null, null, Customer.Status.ACTIVE, null,
                        null, List.of(), List.of(), List.of()));
                customer.addContact(new Contact(new CustomerDraft.Person(null, null, "Contact", null, null, null, false)));
                em.persist(customer);
                em.flush();
                Long contact = viaContact ? customer.getContacts().get(0).getId() : null;
                em.persist(new CampaignMember(c.getId(), customer.getId(), contact, Instant.now(), "tester"));
                em.flush();
                em.persist(new CampaignMember(c.getId(), customer.getId(), contact, Instant.now(), "tester"));
                em.flush();
            } finally {
                em.getTransaction().rollback();
            }
        }
    }
}
