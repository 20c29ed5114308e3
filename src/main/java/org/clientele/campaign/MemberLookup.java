package org.clientele.campaign;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clientele.platform.BatchExecutor;

/**
 * The memberships and responses the items of one batch (addCampaignMembers, removeCampaignMembers,
 * recordCampaignResponses) ask for. They
 * are read in two queries when the first item needs them, instead of two queries per item: each of those ran
 * Hibernate's automatic flush, which wrote the batch's pending rows and dirty-checked every entity the batch had
 * added so far — a flush per item, a cost that grew with the batch. What the batch adds itself is remembered here,
 * so a later item of the same batch sees it as one query per item did.
 *
 * <p>The precise, item-by-item run of a batch (after the database refused it) asks the database per item, like
 * {@code KeyLookup} of the customer writes: there every item commits or rolls back on its own, and only the
 * database knows which did. A membership or response another request commits meanwhile is refused by the unique
 * constraints (uq_campaign_member, uq_campaign_response_stage) when the batch is flushed, and the request runs again
 * item by item.
 */
final class MemberLookup {
    private record Key(long campaignId, long customerId, long contactKey) {
        static Key of(CampaignMembers.MemberKey k) {
            return new Key(k.campaignId(), k.customerId(), CampaignMember.contactKey(k.contactId()));
        }

        static Key of(CampaignMember m) {
            return new Key(m.getCampaignId(), m.getCustomerId(), CampaignMember.contactKey(m.getContactId()));
        }
    }

    private record Stage(long memberId, CampaignResponse.Stage stage) {
    }

    private final CampaignRepository repository;
    private final List<CampaignMembers.MemberKey> batch;
    private final boolean perItem;
    private Map<Key, CampaignMember> members;
    private Map<Stage, CampaignResponse> responses;

    MemberLookup(CampaignRepository repository, List<CampaignMembers.MemberKey> batch) {
        this.repository = repository;
        this.batch = batch;
        this.perItem = BatchExecutor.isPrecise();
    }

    /** The membership, or null. */
    CampaignMember member(CampaignMembers.MemberKey k) {
        if (perItem) {
            return repository.member(k.campaignId(), k.customerId(), k.contactId());
        }
        return members().get(Key.of(k));
    }

    /** A membership this batch added. */
    void added(CampaignMember m) {
        if (!perItem) {
            members().put(Key.of(m), m);
        }
    }

    /** A membership this batch removed (with its responses). */
    void removed(CampaignMember m) {
        if (!perItem) {
            members().remove(Key.of(m));
            responses().keySet().removeIf(s -> s.memberId() == m.getId());
        }
    }

    /** The membership's response for the stage, or null. */
    CampaignResponse response(CampaignMember m, CampaignResponse.Stage stage) {
        if (perItem) {
            return repository.response(m.getId(), stage);
        }
        return responses().get(new Stage(m.getId(), stage));
    }

    /** The membership's responses, in id order. */
    List<CampaignResponse> responses(CampaignMember m) {
        if (perItem) {
            return repository.responsesOf(m.getId());
        }
        return responses().values().stream().filter(r -> r.getMemberId() == m.getId())
                .sorted(Comparator.comparing(CampaignResponse::getId)).toList();
    }

    /** A response this batch added. */
    void added(CampaignResponse r) {
        if (!perItem) {
            responses().put(new Stage(r.getMemberId(), r.getStage()), r);
        }
    }

    private Map<Stage, CampaignResponse> responses() {
        if (responses == null) {
            responses = new HashMap<>();
            for (CampaignResponse r : repository.responsesOf(members().values().stream().map(CampaignMember::getId).toList())) {
                responses.put(new Stage(r.getMemberId(), r.getStage()), r);
            }
        }
        return responses;
    }

    private Map<Key, CampaignMember> members() {
        if (members == null) {
            members = new HashMap<>();
            List<Long> campaigns = batch.stream().map(CampaignMembers.MemberKey::campaignId).distinct().toList();
            List<Long> customers = batch.stream().map(CampaignMembers.MemberKey::customerId).distinct().toList();
            for (CampaignMember m : repository.membersOf(campaigns, customers)) {
                members.put(Key.of(m), m);
            }
        }
        return members;
    }
}
