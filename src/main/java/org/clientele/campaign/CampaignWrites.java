package org.clientele.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clientele.platform.BatchExecutor;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.EarlierItems;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.ItemOutcome;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/** The campaign writes: creating and updating campaigns in batches, with their status moves and place in the tree. */
@ApplicationScoped
public class CampaignWrites {

    @Inject
    CampaignRepository repository;

    @Inject
    Campaigns campaigns;

    @Inject
    BatchExecutor batches;

    @Inject
    ChangeLog changeLog;

    /** An update of one campaign. */
    public record Change(long id, Long expectedVersion, CampaignDraft data) {
    }

    public List<ItemOutcome> create(Caller caller, List<CampaignDraft> drafts, boolean allOrNone) {
        return batches.execute("campaign", drafts, allOrNone, d -> {
            CampaignRules.validate(d);
            CampaignStatus status = CampaignRules.initialStatus(d.status());
            if (d.parentId() != null) {
                parent(d.parentId());
            }
            Instant now = Instant.now();
            Campaign c = new Campaign(now, caller.principal());
            c.setDetails(d);
            c.setStatus(status);
            repository.add(c);
            changeLog.append(caller, EntityType.CAMPAIGN, c.getId(), Operation.CREATED, c.getVersion(), null);
            return ItemOutcome.applied(c.getId(), c.getVersion());
        });
    }

    public List<ItemOutcome> update(Caller caller, List<Change> changes, boolean allOrNone) {
        EarlierItems earlier = new EarlierItems(batches);
        return batches.execute("campaign", changes, allOrNone, ch -> {
            CampaignDraft d = ch.data();
            CampaignRules.validate(d);
            Campaign c = earlier.see(ch.id(), campaigns.existing(ch.id(), "id"));
            c.requireVersion(ch.expectedVersion());
            CampaignStatus target = d.status() == null ? c.getStatus() : d.status();
            CampaignRules.move(c.getId(), c.getStatus(), target);
            if (d.parentId() != null) {
                noCycle(c.getId(), parent(d.parentId()));
            }
            if (!d.currency().equals(c.getCurrency()) && repository.hasResponses(c.getId())) {
                throw new CrmException(ErrorCode.INVALID_STATE, "Campaign " + c.getId()
                        + " has responses recorded in " + c.getCurrency() + "; its currency cannot change", "currency");
            }
            c.setDetails(d);
            c.setStatus(target);
            c.touch(Instant.now(), caller.principal());
            return batches.afterFlush(() -> {
                changeLog.append(caller, EntityType.CAMPAIGN, c.getId(), Operation.UPDATED, c.getVersion(), null);
                return ItemOutcome.applied(c.getId(), c.getVersion());
            });
        });
    }

    private Campaign parent(long parentId) {
        Campaign p = repository.find(parentId);
        if (p == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Parent campaign " + parentId + " does not exist", "parentId");
        }
        return p;
    }

    /** Refuses a parent that is the campaign itself or one of its descendants. */
    private void noCycle(long campaignId, Campaign parent) {
        Set<Long> seen = new HashSet<>();
        for (Campaign p = parent; p != null; p = p.getParentId() == null ? null : repository.find(p.getParentId())) {
            if (p.getId() == campaignId || !seen.add(p.getId())) {
                throw CrmException.validation("parentId", "Campaign " + parent.getId() + " cannot be the parent of campaign "
                        + campaignId + ": that would make a cycle");
            }
        }
    }
}
