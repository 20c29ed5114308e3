package org.clientele.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.clientele.support.TestDatabase;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Case persistence on the Flyway-migrated schema (H2, or PostgreSQL with -Ppostgres): the case-number sequence in the
 * database's own syntax, the overdue filter in SQL agreeing with {@link SlaClock#overdue}, attachment bytes in a plain
 * binary column (bytea, not a large object), comments filtered by visibility, and cases moved by a merge.
 */
class CasePersistenceTest {
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    private TestDatabase db;
    private EntityManager em;
    private CaseRepository repository;
    private final SlaClock clock = new SlaClock(SlaPolicy.defaults(), Clock.fixed(T0, ZoneOffset.UTC));

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create("cases");
        em = db.begin();
        repository = new CaseRepository();
        repository.em = em;
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close(em);
    }

    private long customer() {
        return TestDatabase.persistCustomer(em, T0);
    }

    private SupportCase open(long customer, SupportCase.Priority priority, String category) {
        SupportCase c = new SupportCase("CS-2026-" + String.format("%06d", repository.nextCaseNumber()),
                new CaseDraft(customer, null, "Subject", null, priority, SupportCase.Channel.WEB, category, null), "opener");
        clock.start(c, T0);
        c.touch(T0, "opener");
        repository.add(c);
        return c;
    }

    private static CaseQuery overdue(Long customer, boolean overdue) {
        return new CaseQuery(customer, null, null, null, null, null, overdue, null, null, null, null);
    }

    @Test
    void caseNumbersComeFromTheSequence() {
        long a = repository.nextCaseNumber();
        long b = repository.nextCaseNumber();
        assertEquals(a + 1, b);
    }

    @Test
    void aBatchTakesItsCaseNumbersInOneQueryWithoutFlushing() {
        SupportCase pending = open(customer(), SupportCase.Priority.LOW, "A");
        long before = repository.nextCaseNumber();
        List<Long> numbers = repository.nextCaseNumbers(200);
        assertEquals(200, numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(before + 1 + i, numbers.get(i));
        }
        assertEquals(before + 201, repository.nextCaseNumber());
        assertTrue(em.contains(pending));
        assertTrue(em.unwrap(Session.class).isDirty(), "taking case numbers must not flush the batch's pending cases");
    }

    @Test
    void theOverdueFilterIsTheSlaClocksRule() {
        long customer = customer();
        SupportCase urgent = open(customer, SupportCase.Priority.URGENT, "A");
        SupportCase low = open(customer, SupportCase.Priority.LOW, "A");
        SupportCase answered = open(customer, SupportCase.Priority.URGENT, "A");
        clock.responded(answered, T0.plusSeconds(60));
        SupportCase pending = open(customer, SupportCase.Priority.URGENT, "A");
        pending.setStatus(CaseStatus.OPEN);
        clock.moved(pending, CaseStatus.OPEN, CaseStatus.PENDING, T0.plusSeconds(60));
        pending.setStatus(CaseStatus.PENDING);
        em.flush();
        em.clear();
        Instant now = T0.plus(Duration.ofHours(2));
        List<Long> late = repository.find(overdue(customer, true), now, 0, 100).stream().map(SupportCase::getId).toList();
        assertEquals(List.of(urgent.getId()), late);
        List<Long> notLate = repository.find(overdue(customer, false), now, 0, 100).stream().map(SupportCase::getId).toList();
        assertEquals(List.of(low.getId(), answered.getId(), pending.getId()), notLate);
        for (SupportCase c : repository.find(overdue(customer, false), now, 0, 100)) {
            assertEquals(false, SlaClock.overdue(c, now), "SQL and SlaClock agree on " + c.getId());
        }
        // later the answered one misses its resolution target too
        Instant later = T0.plus(Duration.ofHours(5));
        assertEquals(List.of(urgent.getId(), answered.getId()),
                repository.find(overdue(customer, true), later, 0, 100).stream().map(SupportCase::getId).toList());
    }

    @Test
    void attachmentBytesLiveInAPlainBinaryColumnApartFromTheMetadata() throws Exception {
        SupportCase c = open(customer(), SupportCase.Priority.HIGH, "B");
        byte[] bytes = new byte[3 * 1024 * 1024];
        new Random(1).nextBytes(bytes);
        CaseAttachment a = new CaseAttachment(c.getId(), "a.bin", "application/octet-stream", bytes.length, "00", "test", T0);
        repository.add(a);
        repository.add(new CaseAttachmentContent(a.getId(), bytes));
        em.flush();
        em.getTransaction().commit();
        em.clear();
        assertArrayEquals(bytes, repository.findContent(a.getId()).getContent());
        assertEquals(List.of(a.getId()), repository.attachmentsOf(List.of(c.getId())).get(c.getId()).stream().map(CaseAttachment::getId).toList());
        try (Connection jdbc = db.connection(); ResultSet rs = jdbc.getMetaData().getColumns(null, null, "%", "%")) {
            String type = null;
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase("case_attachment_content") && rs.getString("COLUMN_NAME").equalsIgnoreCase("content")) {
                    type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                }
            }
            assertTrue("bytea".equals(type) || "binary varying".equals(type), "content column type " + type);
        }
    }

    @Test
    void commentsAreFilteredByVisibilityInTheQuery() {
        SupportCase c = open(customer(), SupportCase.Priority.LOW, "C");
        em.flush();
        for (CaseComment.Visibility v : List.of(CaseComment.Visibility.INTERNAL, CaseComment.Visibility.PUBLIC,
                CaseComment.Visibility.INTERNAL, CaseComment.Visibility.PUBLIC)) {
            repository.add(new CaseComment(c.getId(), v, v.name(), "agent", T0));
        }
        em.flush();
        List<CaseComment> firstPublic = repository.comments(c.getId(), false, 0, 1);
        assertEquals(1, firstPublic.size());
        assertEquals(CaseComment.Visibility.PUBLIC, firstPublic.get(0).getVisibility());
        List<CaseComment> nextPublic = repository.comments(c.getId(), false, firstPublic.get(0).getId(), 10);
        assertEquals(1, nextPublic.size());
        assertEquals(CaseComment.Visibility.PUBLIC, nextPublic.get(0).getVisibility());
        assertEquals(4, repository.comments(c.getId(), true, 0, 10).size());
    }

    @Test
    void aMergeMovesTheCasesAndBumpsTheirVersions() {
        long master = customer();
        long duplicate = customer();
        SupportCase moved = open(duplicate, SupportCase.Priority.LOW, "D");
        SupportCase stays = open(master, SupportCase.Priority.LOW, "D");
        em.flush();
        em.clear();
        List<Object[]> rows = repository.moveCases(List.of(duplicate), master, T0.plusSeconds(1), "merger");
        assertEquals(1, rows.size());
        assertEquals(moved.getId(), ((Number) rows.get(0)[0]).longValue());
        assertEquals(1L, ((Number) rows.get(0)[1]).longValue());
        em.clear();
        SupportCase reloaded = repository.find(moved.getId());
        assertEquals(master, reloaded.getCustomerId());
        assertEquals("merger", reloaded.getUpdatedBy());
        assertEquals(0L, repository.find(stays.getId()).getVersion());
    }
}
