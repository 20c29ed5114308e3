package org.clientele.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.Idempotency;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.Role;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/** What the case services share: the case roles, loading a case that must exist, and recording a single-case write. */
@ApplicationScoped
public class Cases {
    /** Roles that may change cases (crm-admin may do everything). */
    static final Role[] WRITERS = {Role.AGENT};
    /** Roles that may read cases. */
    static final Role[] READERS = {Role.AGENT, Role.INTEGRATION, Role.READONLY};

    @Inject
    CaseRepository repository;

    @Inject
    ChangeLog changeLog;

    @Inject
    Idempotency idempotency;

    /** The case; NOT_FOUND on the field when it does not exist. */
    SupportCase existing(long id, String field) {
        SupportCase c = repository.find(id);
        if (c == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Case " + id + " does not exist", field);
        }
        return c;
    }

    /** Flushes the changed case, appends its CASE UPDATED change and records the outcome for idempotent replays. */
    ItemOutcome recorded(Caller caller, SupportCase c) {
        repository.flush();
        changeLog.append(caller, EntityType.CASE, c.getId(), Operation.UPDATED, c.getVersion(), null);
        return recorded(ItemOutcome.applied(c.getId(), c.getVersion()));
    }

    /** Records the outcome of a single-item write for idempotent replays. */
    ItemOutcome recorded(ItemOutcome outcome) {
        idempotency.recordInCurrentTransaction(List.of(outcome));
        return outcome;
    }
}
