package org.clientele.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Loads and stores campaigns, memberships and responses with JPA. */
@ApplicationScoped
public class CampaignRepository {

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    public Campaign find(long id) {
        return em.find(Campaign.class, id);
    }

    public void add(Object entity) {
        em.persist(entity);
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    public void flush() {
        em.flush();
    }

    public void refresh(Object entity) {
        em.refresh(entity);
    }

    /** Campaigns by id, keyed by id. */
    public Map<Long, Campaign> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select c from Campaign c where c.id in :ids", Campaign.class)
                .setParameter("ids", Set.copyOf(ids)).getResultStream()
                .collect(Collectors.toMap(Campaign::getId, c -> c));
    }

    /** One page of campaigns matching the query, ordered by id, starting after {@code afterId}. */
    public List<Campaign> find(CampaignQuery q, long afterId, int limit) {
        StringBuilder jpql = new StringBuilder("select c from Campaign c where c.id > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterId);
        if (q.nameContains() != null) {
            jpql.append(" and c.nameLower like :name escape '!'");
            params.put("name", "%" + likeEscape(q.nameContains().toLowerCase(Locale.ROOT)) + "%");
        }
        if (q.status() != null) {
            jpql.append(" and c.status = :status");
            params.put("status", q.status());
        }
        if (q.channel() != null) {
            jpql.append(" and c.channel = :channel");
            params.put("channel", q.channel());
        }
        if (q.activeFrom() != null) {
            jpql.append(" and (c.endDate is null or c.endDate >= :from)");
            params.put("from", q.activeFrom());
        }
        if (q.activeTo() != null) {
            jpql.append(" and c.startDate <= :to");
            params.put("to", q.activeTo());
        }
        jpql.append(" order by c.id");
        TypedQuery<Campaign> query = em.createQuery(jpql.toString(), Campaign.class).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The ids of the campaigns whose parent is one of {@code parentIds}. */
    public List<Long> childrenOf(Collection<Long> parentIds) {
        return em.createQuery("select c.id from Campaign c where c.parentId in :ids", Long.class)
                .setParameter("ids", parentIds).getResultList();
    }

    public boolean hasResponses(long campaignId) {
        return !em.createQuery("select r.id from CampaignResponse r where r.campaignId = :c", Long.class)
                .setParameter("c", campaignId).setMaxResults(1).getResultList().isEmpty();
    }

    /** The membership of a customer (or one of its contacts) in a campaign, or null. */
    public CampaignMember member(long campaignId, long customerId, Long contactId) {
        List<CampaignMember> found = em.createQuery("select m from CampaignMember m where m.campaignId = :c"
                        + " and m.customerId = :cu and m.contactKey = :k", CampaignMember.class)
                .setParameter("c", campaignId).setParameter("cu", customerId)
                .setParameter("k", CampaignMember.contactKey(contactId)).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The memberships in these campaigns of these customers (on their own or through any contact), in one query and
     * without an automatic flush (see {@link MemberLookup}).
     */
    public List<CampaignMember> membersOf(Collection<Long> campaignIds, Collection<Long> customerIds) {
        if (campaignIds.isEmpty() || customerIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select m from CampaignMember m where m.campaignId in :c and m.customerId in :cu",
                        CampaignMember.class)
                .setParameter("c", Set.copyOf(campaignIds)).setParameter("cu", Set.copyOf(customerIds))
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultList();
    }

    /** The responses of these memberships, in one query and without an automatic flush (see {@link MemberLookup}). */
    public List<CampaignResponse> responsesOf(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r from CampaignResponse r where r.memberId in :m", CampaignResponse.class)
                .setParameter("m", Set.copyOf(memberIds))
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultList();
    }

    /** Every membership of a customer (a merge moves them). */
    public List<CampaignMember> membershipsOf(long customerId) {
        return em.createQuery("select m from CampaignMember m where m.customerId = :cu order by m.id", CampaignMember.class)
                .setParameter("cu", customerId).getResultList();
    }

    /**
     * The memberships through any of these contacts. No automatic flush first: it would dirty-check every entity of
     * a batch for each item, and nothing pending in a customer write adds memberships.
     */
    public List<CampaignMember> membershipsThrough(java.util.Collection<Long> contactIds) {
        return em.createQuery("select m from CampaignMember m where m.contactId in :ids order by m.id", CampaignMember.class)
                .setParameter("ids", contactIds).setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultList();
    }

    /** The responses of a membership. */
    public List<CampaignResponse> responsesOf(long memberId) {
        return em.createQuery("select r from CampaignResponse r where r.memberId = :m order by r.id", CampaignResponse.class)
                .setParameter("m", memberId).getResultList();
    }

    /** The response of a membership for a stage, or null. */
    public CampaignResponse response(long memberId, CampaignResponse.Stage stage) {
        List<CampaignResponse> found = em.createQuery("select r from CampaignResponse r where r.memberId = :m and r.stage = :s",
                        CampaignResponse.class)
                .setParameter("m", memberId).setParameter("s", stage).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The figures of the campaigns, computed by the database (see {@link CampaignStatisticsQuery}). */
    public CampaignFigures figures(Collection<Long> campaignIds) {
        return CampaignStatisticsQuery.run(em, campaignIds);
    }

    static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
