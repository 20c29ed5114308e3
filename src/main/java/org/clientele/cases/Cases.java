package org.clientele.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.ItemOutcome;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/** What the case services share: loading a case that must exist, and recording a single-case write (roles are checked by the SOAP edge, see CaseEndpointSupport). */
@ApplicationScoped
public class Cases {

    @Inject
    CaseRepository repository;

    @Inject
    ChangeLog changeLog;

    /** The case; NOT_FOUND on the field when it does not exist. */
    SupportCase existing(long id, String field) {
        SupportCase c = repository.find(id);
        if (c == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Case " + id + " does not exist", field);
        }
        return c;
    }

    /** Flushes the changed case and appends its CASE UPDATED change; the outcome carries the new version. */
    ItemOutcome recorded(Caller caller, SupportCase c) {
        repository.flush();
        changeLog.append(caller, EntityType.CASE, c.getId(), Operation.UPDATED, c.getVersion(), null);
        return ItemOutcome.applied(c.getId(), c.getVersion());
    }
}
