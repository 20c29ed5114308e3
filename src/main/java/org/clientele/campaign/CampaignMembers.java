package org.clientele.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.clientele.customer.CustomerDirectory;
import org.clientele.platform.BatchExecutor;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.ItemOutcome;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/** The members of campaigns and their responses: adding and removing members, recording responses, in batches. */
@ApplicationScoped
public class CampaignMembers {

    @Inject
    CampaignRepository repository;

    @Inject
    Campaigns campaigns;

    @Inject
    CustomerDirectory customers;

    @Inject
    BatchExecutor batches;

    @Inject
    ChangeLog changeLog;

    /** A customer, or one of its contacts, in a campaign. */
    public record MemberKey(long campaignId, long customerId, Long contactId) {
    }

    /** A response of a member. */
    public record ResponseDraft(MemberKey member, CampaignResponse.Stage stage, Instant respondedAt, BigDecimal revenue) {
    }

    public List<ItemOutcome> add(Caller caller, List<MemberKey> members, boolean allOrNone) {
        MemberLookup lookup = new MemberLookup(repository, members);
        return batches.execute("member", members, allOrNone, k -> {
            campaigns.existing(k.campaignId(), "campaignId").requireMembersOpen();
            customers.requireLive(k.customerId(), k.contactId());
            CampaignMember existing = lookup.member(k);
            if (existing != null) {
                return ItemOutcome.upserted(existing.getId(), existing.getVersion(), false);
            }
            CampaignMember m = new CampaignMember(k.campaignId(), k.customerId(), k.contactId(), Instant.now(), caller.principal());
            repository.add(m);
            lookup.added(m);
            changeLog.append(caller, EntityType.CAMPAIGN_MEMBER, m.getId(), Operation.CREATED, m.getVersion(), null);
            return ItemOutcome.upserted(m.getId(), m.getVersion(), true);
        });
    }

    public List<ItemOutcome> remove(Caller caller, List<MemberKey> members, boolean allOrNone) {
        MemberLookup lookup = new MemberLookup(repository, members);
        return batches.execute("member", members, allOrNone, k -> {
            campaigns.existing(k.campaignId(), "campaignId").requireMembersOpen();
            CampaignMember m = lookup.member(k);
            if (m == null) {
                throw new CrmException(ErrorCode.NOT_FOUND, notMember(k), "customerId");
            }
            for (CampaignResponse r : lookup.responses(m)) {
                changeLog.append(caller, EntityType.CAMPAIGN_RESPONSE, r.getId(), Operation.DELETED, r.getVersion(), null);
                repository.remove(r);
            }
            changeLog.append(caller, EntityType.CAMPAIGN_MEMBER, m.getId(), Operation.DELETED, m.getVersion(), null);
            repository.remove(m);
            lookup.removed(m);
            return ItemOutcome.applied(m.getId(), m.getVersion());
        });
    }

    public List<ItemOutcome> recordResponses(Caller caller, List<ResponseDraft> responses, boolean allOrNone) {
        MemberLookup lookup = new MemberLookup(repository, responses.stream().map(ResponseDraft::member).toList());
        return batches.execute("response", responses, allOrNone, d -> {
            if (d.stage() == null) {
                throw CrmException.validation("stage", "stage is required");
            }
            if (d.respondedAt() == null) {
                throw CrmException.validation("respondedAt", "respondedAt is required");
            }
            CampaignRules.amount("revenue", d.revenue());
            MemberKey k = d.member();
            Campaign c = campaigns.existing(k.campaignId(), "campaignId");
            c.requireResponsesOpen();
            CampaignMember m = lookup.member(k);
            if (m == null) {
                throw new CrmException(ErrorCode.NOT_FOUND, notMember(k), "customerId");
            }
            CampaignResponse existing = lookup.response(m, d.stage());
            if (existing != null) {
                return ItemOutcome.upserted(existing.getId(), existing.getVersion(), false);
            }
            CampaignResponse r = new CampaignResponse(m.getId(), c.getId(), d.stage(), d.respondedAt(), d.revenue(),
                    Instant.now(), caller.principal());
            repository.add(r);
            lookup.added(r);
            changeLog.append(caller, EntityType.CAMPAIGN_RESPONSE, r.getId(), Operation.CREATED, r.getVersion(), null);
            return ItemOutcome.upserted(r.getId(), r.getVersion(), true);
        });
    }

    private static String notMember(MemberKey k) {
        return "Customer " + k.customerId() + (k.contactId() == null ? "" : " with contact " + k.contactId())
                + " is not a member of campaign " + k.campaignId();
    }
}
