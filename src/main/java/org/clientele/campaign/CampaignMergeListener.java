package org.clientele.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clientele.customer.CustomersMerged;
import org.clientele.platform.Caller;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/**
 * Moves the campaign memberships of merged duplicates to the master, inside the merge's transaction, without
 * counting anyone twice: where the master is already a member of the same campaign (on its own, or through the
 * same contact, which moved to the master with the merge), the duplicate's responses are folded into the master's
 * membership — a stage the master lacks moves over; a stage both have keeps one response (see
 * {@link CampaignResponse#foldIn}) — and the duplicate's membership is deleted.
 */
@ApplicationScoped
public class CampaignMergeListener {

    @Inject
    CampaignRepository repository;

    @Inject
    ChangeLog changeLog;

    void onMerge(@Observes CustomersMerged event) {
        for (long duplicateId : event.duplicateIds()) {
            moveMemberships(event.caller(), duplicateId, event.masterId());
        }
    }

    private void moveMemberships(Caller caller, long duplicateId, long masterId) {
        List<CampaignMember> moved = new ArrayList<>();
        List<CampaignResponse> movedResponses = new ArrayList<>();
        List<CampaignResponse> foldedResponses = new ArrayList<>();
        for (CampaignMember m : repository.membershipsOf(duplicateId)) {
            CampaignMember target = repository.member(m.getCampaignId(), masterId, m.getContactId());
            if (target == null) {
                m.moveTo(masterId);
                moved.add(m);
                continue;
            }
            Map<CampaignResponse.Stage, CampaignResponse> kept = new HashMap<>();
            repository.responsesOf(target.getId()).forEach(r -> kept.put(r.getStage(), r));
            for (CampaignResponse r : repository.responsesOf(m.getId())) {
                CampaignResponse master = kept.get(r.getStage());
                if (master == null) {
                    r.moveTo(target.getId());
                    movedResponses.add(r);
                } else {
                    if (master.foldIn(r)) {
                        foldedResponses.add(master);
                    }
                    changeLog.append(caller, EntityType.CAMPAIGN_RESPONSE, r.getId(), Operation.DELETED, r.getVersion(), null);
                    repository.remove(r);
                }
            }
            // the moved responses must reference the master's membership before the duplicate's is deleted
            repository.flush();
            changeLog.append(caller, EntityType.CAMPAIGN_MEMBER, m.getId(), Operation.DELETED, m.getVersion(), null);
            repository.remove(m);
        }
        repository.flush();
        for (CampaignMember m : moved) {
            changeLog.append(caller, EntityType.CAMPAIGN_MEMBER, m.getId(), Operation.UPDATED, m.getVersion(), null);
        }
        for (CampaignResponse r : movedResponses) {
            changeLog.append(caller, EntityType.CAMPAIGN_RESPONSE, r.getId(), Operation.UPDATED, r.getVersion(), null);
        }
        for (CampaignResponse r : foldedResponses) {
            changeLog.append(caller, EntityType.CAMPAIGN_RESPONSE, r.getId(), Operation.UPDATED, r.getVersion(), null);
        }
    }
}
