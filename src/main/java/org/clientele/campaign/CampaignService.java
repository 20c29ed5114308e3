package org.clientele.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clientele.customer.Contact;
import org.clientele.customer.Customer;
import org.clientele.customer.CustomerRepository;
import org.clientele.customer.Page;
import org.clientele.platform.BatchExecutor;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.Limits;
import org.clientele.platform.PageTokens;
import org.clientele.platform.Role;
import org.clientele.platform.ServerSecrets;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/**
 * The campaign use cases: campaigns with their status moves, members, responses and statistics, under the
 * contract's batch rules. Every rule of the domain is checked here, whatever the caller.
 */
@ApplicationScoped
public class CampaignService {
    /** Roles that may change campaigns and their members (crm-admin may do everything). */
    static final Role[] WRITERS = {Role.MARKETING};
    /** Roles that may record responses: marketing and the integrations that deliver responses (mailers, shops). */
    static final Role[] RESPONSE_WRITERS = {Role.MARKETING, Role.INTEGRATION};
    /** Roles that may read campaigns; crm-agent works on cases and has no business with campaigns. */
    static final Role[] READERS = {Role.MARKETING, Role.INTEGRATION, Role.READONLY};

    @Inject
    CampaignRepository repository;

    @Inject
    CustomerRepository customers;

    @Inject
    BatchExecutor batches;

    @Inject
    ServerSecrets secrets;

    @Inject
    ChangeLog changeLog;

    /** An update of one campaign. */
    public record Change(long id, Long expectedVersion, CampaignDraft data) {
    }

    /** A customer, or one of its contacts, in a campaign. */
    public record MemberKey(long campaignId, long customerId, Long contactId) {
    }

    /** A response of a member. */
    public record ResponseDraft(MemberKey member, CampaignResponse.Stage stage, Instant respondedAt, BigDecimal revenue) {
    }

    /** The outcome of one getCampaigns lookup: the campaign, or null when not found. */
    public record Lookup(long id, Campaign campaign) {
    }

    /** Statistics with what they cover. */
    public record Statistics(Campaign campaign, boolean includesChildren, int campaigns, CampaignFigures figures) {
    }

    // ----- campaigns -----

    public List<ItemOutcome> create(Caller caller, List<CampaignDraft> drafts, boolean allOrNone) {
        caller.require("createCampaigns", WRITERS);
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
        caller.require("updateCampaigns", WRITERS);
        return batches.execute("campaign", changes, allOrNone, ch -> {
            CampaignDraft d = ch.data();
            CampaignRules.validate(d);
            Campaign c = existing(ch.id(), "id");
            checkVersion(c, ch.expectedVersion());
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
            repository.flush();
            changeLog.append(caller, EntityType.CAMPAIGN, c.getId(), Operation.UPDATED, c.getVersion(), null);
            return ItemOutcome.applied(c.getId(), c.getVersion());
        });
    }

    @Transactional
    public List<Lookup> get(Caller caller, List<Long> ids) {
        caller.require("getCampaigns", READERS);
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
        caller.require("findCampaigns", READERS);
        int size = Limits.pageSize(pageSize);
        if (query.activeFrom() != null && query.activeTo() != null && query.activeTo().isBefore(query.activeFrom())) {
            throw CrmException.validation("activeTo", "activeTo is before activeFrom");
        }
        PageTokens tokens = secrets.pageTokens();
        long after = 0;
        if (pageToken != null) {
            try {
                after = Long.parseLong(tokens.decode(pageToken, "campaigns", query.canonical(), 1).get(0));
            } catch (NumberFormatException e) {
                throw CrmException.validation("pageToken", "The page token is not valid");
            }
        }
        List<Campaign> rows = repository.find(query, after, size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = tokens.encode("campaigns", query.canonical(), List.of(String.valueOf(rows.get(size - 1).getId())));
        }
        return new Page<>(new ArrayList<>(rows), next);
    }

    // ----- members -----

    public List<ItemOutcome> addMembers(Caller caller, List<MemberKey> members, boolean allOrNone) {
        caller.require("addCampaignMembers", WRITERS);
        return batches.execute("member", members, allOrNone, k -> {
            Campaign c = existing(k.campaignId(), "campaignId");
            if (!c.getStatus().membersOpen()) {
                throw new CrmException(ErrorCode.INVALID_STATE, "Campaign " + c.getId() + " is " + c.getStatus()
                        + "; members can only change while it is PLANNED or ACTIVE", "campaignId");
            }
            Customer customer = customers.find(k.customerId());
            if (customer == null) {
                throw new CrmException(ErrorCode.NOT_FOUND, "Customer " + k.customerId() + " does not exist", "customerId");
            }
            if (customer.getMergedInto() != null) {
                throw new CrmException(ErrorCode.INVALID_STATE, "Customer " + customer.getId() + " was merged into "
                        + customer.getMergedInto() + "; add the master instead", "customerId");
            }
            if (customer.isDeleted()) {
                throw new CrmException(ErrorCode.INVALID_STATE, "Customer " + customer.getId()
                        + " is in the recycle bin", "customerId");
            }
            if (k.contactId() != null) {
                Contact contact = customers.findContact(k.contactId());
                if (contact == null || !contact.getCustomer().getId().equals(customer.getId())) {
                    throw CrmException.validation("contactId",
                            "Contact " + k.contactId() + " is not a contact of customer " + customer.getId());
                }
            }
            CampaignMember existing = repository.member(k.campaignId(), k.customerId(), k.contactId());
            if (existing != null) {
                return ItemOutcome.upserted(existing.getId(), existing.getVersion(), false);
            }
            CampaignMember m = new CampaignMember(k.campaignId(), k.customerId(), k.contactId(), Instant.now(), caller.principal());
            repository.add(m);
            changeLog.append(caller, EntityType.CAMPAIGN_MEMBER, m.getId(), Operation.CREATED, m.getVersion(), null);
            return ItemOutcome.upserted(m.getId(), m.getVersion(), true);
        });
    }

    public List<ItemOutcome> removeMembers(Caller caller, List<MemberKey> members, boolean allOrNone) {
        caller.require("removeCampaignMembers", WRITERS);
        return batches.execute("member", members, allOrNone, k -> {
            Campaign c = existing(k.campaignId(), "campaignId");
            if (!c.getStatus().membersOpen()) {
                throw new CrmException(ErrorCode.INVALID_STATE, "Campaign " + c.getId() + " is " + c.getStatus()
                        + "; members can only change while it is PLANNED or ACTIVE", "campaignId");
            }
            CampaignMember m = repository.member(k.campaignId(), k.customerId(), k.contactId());
            if (m == null) {
                throw new CrmException(ErrorCode.NOT_FOUND, notMember(k), "customerId");
            }
            for (CampaignResponse r : repository.responsesOf(m.getId())) {
                changeLog.append(caller, EntityType.CAMPAIGN_RESPONSE, r.getId(), Operation.DELETED, r.getVersion(), null);
                repository.remove(r);
            }
            repository.flush();
            changeLog.append(caller, EntityType.CAMPAIGN_MEMBER, m.getId(), Operation.DELETED, m.getVersion(), null);
            repository.remove(m);
            return ItemOutcome.applied(m.getId(), m.getVersion());
        });
    }

    // ----- responses -----

    public List<ItemOutcome> recordResponses(Caller caller, List<ResponseDraft> responses, boolean allOrNone) {
        caller.require("recordCampaignResponses", RESPONSE_WRITERS);
        return batches.execute("response", responses, allOrNone, d -> {
            if (d.stage() == null) {
                throw CrmException.validation("stage", "stage is required");
            }
            if (d.respondedAt() == null) {
                throw CrmException.validation("respondedAt", "respondedAt is required");
            }
            CampaignRules.amount("revenue", d.revenue());
            MemberKey k = d.member();
            Campaign c = existing(k.campaignId(), "campaignId");
            if (!c.getStatus().responsesOpen()) {
                throw new CrmException(ErrorCode.INVALID_STATE, "Campaign " + c.getId() + " is " + c.getStatus()
                        + "; responses can be recorded while it is ACTIVE or COMPLETED", "campaignId");
            }
            CampaignMember m = repository.member(k.campaignId(), k.customerId(), k.contactId());
            if (m == null) {
                throw new CrmException(ErrorCode.NOT_FOUND, notMember(k), "customerId");
            }
            CampaignResponse existing = repository.response(m.getId(), d.stage());
            if (existing != null) {
                return ItemOutcome.upserted(existing.getId(), existing.getVersion(), false);
            }
            CampaignResponse r = new CampaignResponse(m.getId(), c.getId(), d.stage(), d.respondedAt(), d.revenue(),
                    Instant.now(), caller.principal());
            repository.add(r);
            changeLog.append(caller, EntityType.CAMPAIGN_RESPONSE, r.getId(), Operation.CREATED, r.getVersion(), null);
            return ItemOutcome.upserted(r.getId(), r.getVersion(), true);
        });
    }

    // ----- statistics -----

    @Transactional
    public Statistics statistics(Caller caller, long campaignId, boolean includeChildren) {
        caller.require("getCampaignStatistics", READERS);
        Campaign c = existing(campaignId, "campaignId");
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

    // ----- helpers -----

    private Campaign existing(long id, String field) {
        Campaign c = repository.find(id);
        if (c == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Campaign " + id + " does not exist", field);
        }
        return c;
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

    private static void checkVersion(Campaign c, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != c.getVersion()) {
            throw new CrmException(ErrorCode.CONCURRENCY, "Campaign " + c.getId() + " is at version " + c.getVersion()
                    + ", not the expected " + expectedVersion + "; read it again and retry", "expectedVersion");
        }
    }

    private static String notMember(MemberKey k) {
        return "Customer " + k.customerId() + (k.contactId() == null ? "" : " with contact " + k.contactId())
                + " is not a member of campaign " + k.campaignId();
    }
}
