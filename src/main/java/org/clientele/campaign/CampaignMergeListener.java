package org.clientele.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clientele.customer.ContactsRemoved;
import org.clientele.customer.CustomersMerged;
import org.clientele.platform.Caller;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/**
 * Keeps campaign memberships whole when the customer side changes, inside that write's transaction, without counting
 * anyone twice:
 * <ul>
 * <li>a merge moves the duplicates' memberships to the master;</li>
 * <li>an update or upsert that removes a contact moves the memberships through that contact to the customer itself
 * (a member on its own), so the contact row can go and its responses stay counted.</li>
 * </ul>
 * Where the target membership already exists (the master is already a member of the same campaign, on its own or
 * through the same contact; the customer is already a member on its own), the moved membership's responses are
 * folded into it — a stage the target lacks moves over; a stage both have keeps one response (see
 * {@link CampaignResponse#foldIn}) — and the moved membership is deleted.
 */
@ApplicationScoped
public class CampaignMergeListener {

    @Inject
    CampaignRepository repository;

    @Inject
    ChangeLog changeLog;

    void onMerge(@Observes CustomersMerged event) {
        Moves moves = new Moves();
        for (long duplicateId : event.duplicateIds()) {
            for (CampaignMember m : repository.membershipsOf(duplicateId)) {
                relocate(event.caller(), m, event.masterId(), m.getContactId(), moves);
            }
        }
        moves.record(event.caller());
    }

    void onContactsRemoved(@Observes ContactsRemoved event) {
        Moves moves = new Moves();
        for (CampaignMember m : repository.membershipsThrough(event.contactIds())) {
            // a membership an earlier item of the batch already moved is found by its stored row only
            if (m.getContactId() != null && event.contactIds().contains(m.getContactId())) {
                relocate(event.caller(), m, m.getCustomerId(), null, moves);
            }
        }
        moves.record(event.caller());
    }

    /** The rows a move changed, whose feed rows are appended once all of them are flushed (their versions final). */
    private final class Moves {
        final List<CampaignMember> members = new ArrayList<>();
        final List<CampaignResponse> responses = new ArrayList<>();

        void record(Caller caller) {
            if (members.isEmpty() && responses.isEmpty()) {
                return;
            }
            repository.flush();
            for (CampaignMember m : members) {
                changeLog.append(caller, EntityType.CAMPAIGN_MEMBER, m.getId(), Operation.UPDATED, m.getVersion(), null);
            }
            for (CampaignResponse r : responses) {
                changeLog.append(caller, EntityType.CAMPAIGN_RESPONSE, r.getId(), Operation.UPDATED, r.getVersion(), null);
            }
        }
    }

    /** Moves one membership to (customer, contact), or folds it into the membership already there. */
    private void relocate(Caller caller, CampaignMember m, long customerId, Long contactId, Moves moves) {
        CampaignMember target = repository.member(m.getCampaignId(), customerId, contactId);
        if (target == null || target.getId().equals(m.getId())) {
            m.moveTo(customerId, contactId);
            moves.members.add(m);
            return;
        }
        Map<CampaignResponse.Stage, CampaignResponse> kept = new HashMap<>();
        repository.responsesOf(target.getId()).forEach(r -> kept.put(r.getStage(), r));
        for (CampaignResponse r : repository.responsesOf(m.getId())) {
            CampaignResponse existing = kept.get(r.getStage());
            if (existing == null) {
                r.moveTo(target.getId());
                moves.responses.add(r);
            } else {
                if (existing.foldIn(r)) {
                    moves.responses.add(existing);
                }
                changeLog.append(caller, EntityType.CAMPAIGN_RESPONSE, r.getId(), Operation.DELETED, r.getVersion(), null);
                repository.remove(r);
            }
        }
        // the moved responses must reference the target membership before the moved one is deleted
        repository.flush();
        changeLog.append(caller, EntityType.CAMPAIGN_MEMBER, m.getId(), Operation.DELETED, m.getVersion(), null);
        repository.remove(m);
    }
}
