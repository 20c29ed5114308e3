package org.clientele.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.clientele.customer.CustomersMerged;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/**
 * Cases follow a customer merge: inside the merge transaction, the duplicates' cases move to the master (their
 * versions grow) and each gets a CASE UPDATED change, so the merge stays all or nothing.
 */
@ApplicationScoped
public class CaseMergeListener {

    @Inject
    CaseRepository repository;

    @Inject
    CaseSettings settings;

    @Inject
    ChangeLog changeLog;

    void onMerge(@Observes CustomersMerged event) {
        for (Object[] moved : repository.moveCases(event.duplicateIds(), event.masterId(), settings.sla().now(),
                event.caller().principal())) {
            changeLog.append(event.caller(), EntityType.CASE, ((Number) moved[0]).longValue(), Operation.UPDATED,
                    ((Number) moved[1]).longValue(), null);
        }
    }
}
