package org.clientele.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the audit trail of mutating calls. The row joins the request's transaction (MANDATORY), so a write and its
 * audit row commit together or not at all; a refused or failed call is audited by the edge in a transaction of its own,
 * since nothing else of it commits.
 */
@ApplicationScoped
public class AuditLog {
    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    /** Audits a batch call from its item outcomes: OK, PARTIAL or FAILED, with the ids it touched. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void batch(Caller caller, String operation, List<ItemOutcome> outcomes) {
        long ok = outcomes.stream().filter(ItemOutcome::success).count();
        String outcome = ok == outcomes.size() ? "OK" : ok == 0 ? "FAILED" : "PARTIAL";
        String ids = outcomes.stream().filter(ItemOutcome::success).map(o -> String.valueOf(o.id()))
                .collect(Collectors.joining(","));
        em.persist(new AuditEntry(Instant.now(), caller, operation, outcome, ids,
                ok + " of " + outcomes.size() + " items applied"));
    }

    /** Audits a single-record call that succeeded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void success(Caller caller, String operation, String ids) {
        em.persist(new AuditEntry(Instant.now(), caller, operation, "OK", ids, null));
    }

    /** Audits a call that was refused with a fault. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refused(Caller caller, String operation, CrmException fault) {
        em.persist(new AuditEntry(Instant.now(), caller, operation, "REFUSED", null,
                fault.code() + ": " + fault.getMessage()));
    }
}
