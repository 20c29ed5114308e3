package org.clientele.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** Loads and stores cases, their comments and attachments with JPA. */
@ApplicationScoped
public class CaseRepository {

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    public SupportCase find(long id) {
        return em.find(SupportCase.class, id);
    }

    public void add(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    /** The next value of the case-number sequence, in the database's own syntax. */
    public long nextCaseNumber() {
        return nextCaseNumbers(1).get(0);
    }

    /**
     * The next {@code n} values of the case-number sequence, ascending, in one statement: a batch of cases takes its
     * numbers with one round trip, and without the automatic flush Hibernate runs before every native query (a flush
     * per case dirty-checked every case the batch had opened so far).
     */
    public List<Long> nextCaseNumbers(int n) {
        if (n < 1) {
            return List.of();
        }
        Dialect dialect = em.unwrap(Session.class).getSessionFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect();
        String next = dialect.getSequenceSupport().getSelectSequenceNextValString("case_number_seq");
        String rows = dialect instanceof PostgreSQLDialect ? "generate_series(1, " + n + ")" : "system_range(1, " + n + ")";
        List<?> values = em.createNativeQuery("select " + next + " from " + rows)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        return values.stream().map(v -> ((Number) v).longValue()).sorted().toList();
    }

    public Map<Long, SupportCase> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select c from SupportCase c where c.id in :ids", SupportCase.class)
                .setParameter("ids", Set.copyOf(ids)).getResultStream()
                .collect(Collectors.toMap(SupportCase::getId, c -> c));
    }

    public Map<String, SupportCase> findByNumbers(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select c from SupportCase c where c.number in :numbers", SupportCase.class)
                .setParameter("numbers", Set.copyOf(numbers)).getResultStream()
                .collect(Collectors.toMap(SupportCase::getNumber, c -> c));
    }

    /** One page of cases matching the query at {@code now}, ordered by id, after {@code afterId}. */
    public List<SupportCase> find(CaseQuery q, Instant now, long afterId, int limit) {
        StringBuilder jpql = new StringBuilder("select c from SupportCase c where c.id > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterId);
        if (q.customerId() != null) {
            jpql.append(" and c.customerId = :customer");
            params.put("customer", q.customerId());
        }
        if (!q.statuses().isEmpty()) {
            jpql.append(" and c.status in :statuses");
            params.put("statuses", q.statuses());
        }
        if (!q.priorities().isEmpty()) {
            jpql.append(" and c.priority in :priorities");
            params.put("priorities", q.priorities());
        }
        if (q.assigneeName() != null) {
            jpql.append(" and c.assigneeName = :assignee and c.assigneeKind = :kind");
            params.put("assignee", q.assigneeName());
            params.put("kind", q.assigneeKind());
        }
        if (q.category() != null) {
            jpql.append(" and c.category = :category");
            params.put("category", q.category());
        }
        if (q.overdue() != null) {
            // the same rule as SlaClock.overdue: the clock runs and a due time not yet met has passed
            String overdue = "(c.status in :running and ((c.firstRespondedAt is null and c.firstResponseDueAt < :now)"
                    + " or (c.resolvedAt is null and c.resolutionDueAt < :now)))";
            jpql.append(q.overdue() ? " and " + overdue : " and not " + overdue);
            params.put("running", List.of(CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.REOPENED));
            params.put("now", now);
        }
        if (q.openedFrom() != null) {
            jpql.append(" and c.openedAt >= :openedFrom");
            params.put("openedFrom", q.openedFrom());
        }
        if (q.openedTo() != null) {
            jpql.append(" and c.openedAt < :openedTo");
            params.put("openedTo", q.openedTo());
        }
        if (q.updatedFrom() != null) {
            jpql.append(" and c.updatedAt >= :updatedFrom");
            params.put("updatedFrom", q.updatedFrom());
        }
        if (q.updatedTo() != null) {
            jpql.append(" and c.updatedAt < :updatedTo");
            params.put("updatedTo", q.updatedTo());
        }
        jpql.append(" order by c.id");
        TypedQuery<SupportCase> query = em.createQuery(jpql.toString(), SupportCase.class).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The attachments (metadata only) of the cases, oldest first, keyed by case id. */
    public Map<Long, List<CaseAttachment>> attachmentsOf(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a from CaseAttachment a where a.caseId in :ids order by a.id", CaseAttachment.class)
                .setParameter("ids", Set.copyOf(caseIds)).getResultStream()
                .collect(Collectors.groupingBy(CaseAttachment::getCaseId, LinkedHashMap::new, Collectors.toList()));
    }

    /** One page of a case's comments, oldest first, after {@code afterId}; INTERNAL ones only when asked for. */
    public List<CaseComment> comments(long caseId, boolean includeInternal, long afterId, int limit) {
        String jpql = "select m from CaseComment m where m.caseId = :case and m.id > :after"
                + (includeInternal ? "" : " and m.visibility = :public") + " order by m.id";
        TypedQuery<CaseComment> query = em.createQuery(jpql, CaseComment.class)
                .setParameter("case", caseId).setParameter("after", afterId).setMaxResults(limit);
        if (!includeInternal) {
            query.setParameter("public", CaseComment.Visibility.PUBLIC);
        }
        return query.getResultList();
    }

    public CaseComment findComment(long id) {
        return em.find(CaseComment.class, id);
    }

    public CaseAttachment findAttachment(long id) {
        return em.find(CaseAttachment.class, id);
    }

    public CaseAttachmentContent findContent(long attachmentId) {
        return em.find(CaseAttachmentContent.class, attachmentId);
    }

    /** Moves the cases of the duplicates to the master, bumping their versions; returns (id, new version) of each. */
    public List<Object[]> moveCases(Collection<Long> fromCustomers, long toCustomer, Instant now, String principal) {
        List<Long> ids = em.createQuery("select c.id from SupportCase c where c.customerId in :from order by c.id", Long.class)
                .setParameter("from", Set.copyOf(fromCustomers)).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        em.createQuery("update SupportCase c set c.customerId = :to, c.version = c.version + 1, c.updatedAt = :now,"
                        + " c.updatedBy = :by where c.id in :ids")
                .setParameter("to", toCustomer).setParameter("now", now).setParameter("by", principal)
                .setParameter("ids", ids).executeUpdate();
        return em.createQuery("select c.id, c.version from SupportCase c where c.id in :ids order by c.id", Object[].class)
                .setParameter("ids", ids).getResultList();
    }
}
