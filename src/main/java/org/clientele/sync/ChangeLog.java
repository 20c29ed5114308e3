package org.clientele.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.clientele.platform.Caller;

/** Appends changes to the feed inside the caller's transaction, so a rolled-back write leaves no change. */
@ApplicationScoped
public class ChangeLog {

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    public void append(Caller caller, ChangeRecord.EntityType type, long id, ChangeRecord.Operation operation,
                       long version, Long mergedInto) {
        em.persist(new ChangeRecord(type, id, operation, version, mergedInto, Instant.now(),
                caller.principal(), caller.clientSystem(), caller.correlationId()));
    }
}
