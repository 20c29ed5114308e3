package org.clientele.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.Limits;
import org.clientele.platform.Page;
import org.clientele.platform.Paging;
import org.clientele.platform.ServerSecrets;

/** The campaign reads: lookups by id, search, and the statistics of a campaign (optionally with its descendants). */
@ApplicationScoped
public class CampaignReads {

    @Inject
    CampaignRepository repository;

    @Inject
    Campaigns campaigns;

    @Inject
    ServerSecrets secrets;

    /** The outcome of one getCampaigns lookup: the campaign, or null when not found. */
    public record Lookup(long id, Campaign campaign) {
    }

    /** Statistics with what they cover. */
    public record Statistics(Campaign campaign, boolean includesChildren, int campaigns, CampaignFigures figures) {
    }

    @Transactional
    public List<Lookup> get(Caller caller, List<Long> ids) {
        if (ids.isEmpty()) {
            throw CrmException.validation("id", "Give at least one id");
        }
        if (ids.size() > Limits.MAX_BATCH_ITEMS) {
            throw new CrmException(ErrorCode.LIMIT_EXCEEDED,
                    "At most " + Limits.MAX_BATCH_ITEMS + " ids per call; got " + ids.size(), "id");
        }
        Map<Long, Campaign> found = repository.findAll(ids);
        return ids.stream().map(id -> new Lookup(id, found.get(id))).toList();
    }

    @Transactional
    public Page<Campaign> find(Caller caller, CampaignQuery query, Integer pageSize, String pageToken) {
        Paging paging = Paging.of(secrets.pageTokens(), "campaigns", query.canonical(), pageSize);
        if (query.activeFrom() != null && query.activeTo() != null && query.activeTo().isBefore(query.activeFrom())) {
            throw CrmException.validation("activeTo", "activeTo is before activeFrom");
        }
        List<Campaign> rows = repository.find(query, paging.afterId(pageToken), paging.rowsToRead());
        return paging.pageById(rows, Campaign::getId);
    }

    @Transactional
    public Statistics statistics(Caller caller, long campaignId, boolean includeChildren) {
        Campaign c = campaigns.existing(campaignId, "campaignId");
        Set<Long> ids = new LinkedHashSet<>(List.of(c.getId()));
        if (includeChildren) {
            List<Long> level = List.of(c.getId());
            while (!level.isEmpty()) {
                level = repository.childrenOf(level).stream().filter(ids::add).toList();
            }
            Set<String> currencies = new HashSet<>();
            repository.findAll(ids).values().forEach(x -> currencies.add(x.getCurrency()));
            if (currencies.size() > 1) {
                throw new CrmException(ErrorCode.INVALID_STATE, "Campaign " + campaignId
                        + " and its descendants use several currencies " + currencies + "; their figures cannot be added",
                        "includeChildren");
            }
        }
        return new Statistics(c, includeChildren, ids.size(), repository.figures(ids));
    }
}
