package org.clientele.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.clientele.ws.sync.Change;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.PageTokens;
import org.clientele.platform.ServerSecrets;

/** Reads the change feed: changes after a cursor, in sequence order, with optional snapshots. */
@ApplicationScoped
public class SyncService {
    static final int DEFAULT_MAX = 1000;
    static final int MAX = 5000;
    static final String RESYNC = "Resynchronise: call getLatestCursor, load every customer with findCustomers, then"
            + " continue with getChanges from that cursor";

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    @Inject
    ServerSecrets secrets;

    /** The features' snapshot providers, one per entity type that has snapshots. */
    @Inject
    Instance<SnapshotProvider> providers;

    /** A page of the feed, with the current state of its entities when snapshots were asked for. */
    public record Feed(List<ChangeRecord> changes, String nextCursor, long nextSequence, boolean hasMore,
                       Map<ChangeRecord.EntityType, Map<Long, Consumer<Change>>> snapshots) {

        /** The snapshot of the change's entity, or null when none was asked for or the entity is gone. */
        public Consumer<Change> snapshotOf(ChangeRecord r) {
            return snapshots.getOrDefault(r.getEntityType(), Map.of()).get(r.getEntityId());
        }
    }

    @Transactional
    public Feed changes(Caller caller, String cursor, Set<ChangeRecord.EntityType> types, Integer maxChanges,
                        boolean snapshots) {
        int limit = maxChanges == null ? DEFAULT_MAX : maxChanges;
        if (limit < 1 || limit > MAX) {
            throw CrmException.validation("maxChanges", "maxChanges must be between 1 and " + MAX);
        }
        return changesAfter(cursor == null ? bounds().purgedThrough() : decode(cursor), types, limit, snapshots);
    }

    /**
     * The changes after a sequence (of the given types; all when empty), at most {@code limit}, in sequence order, with
     * the current state of their entities when asked: for readers inside Clientele (outbound notifications), which
     * keep a sequence instead of a cursor. CURSOR_EXPIRED when changes after {@code after} were purged.
     */
    @Transactional
    public Feed changesAfter(long after, Set<ChangeRecord.EntityType> types, int limit, boolean snapshots) {
        SequencerWork.Bounds bounds = bounds();
        if (after < bounds.purgedThrough()) {
            throw expired();
        }
        String jpql = "select c from ChangeRecord c where c.sequence > :after and c.sequence <= :last"
                + (types.isEmpty() ? "" : " and c.entityType in :types") + " order by c.sequence";
        TypedQuery<ChangeRecord> query = em.createQuery(jpql, ChangeRecord.class)
                .setParameter("after", after)
                .setParameter("last", bounds.lastSequence())
                .setMaxResults(limit + 1);
        if (!types.isEmpty()) {
            query.setParameter("types", types);
        }
        List<ChangeRecord> rows = new ArrayList<>(query.getResultList());
        if (bounds().purgedThrough() > after) {
            throw expired(); // purged while we read: what we read may have holes
        }
        boolean hasMore = rows.size() > limit;
        if (hasMore) {
            rows = new ArrayList<>(rows.subList(0, limit));
        }
        long next = hasMore ? rows.get(rows.size() - 1).getSequence() : Math.max(after, bounds.lastSequence());
        Map<ChangeRecord.EntityType, Map<Long, Consumer<Change>>> snapshotsByType = new HashMap<>();
        if (snapshots) {
            for (SnapshotProvider provider : providers) {
                List<Long> ids = rows.stream().filter(r -> r.getEntityType() == provider.entityType())
                        .map(ChangeRecord::getEntityId).distinct().toList();
                if (!ids.isEmpty()) {
                    snapshotsByType.put(provider.entityType(), provider.snapshots(ids));
                }
            }
        }
        return new Feed(rows, encode(next), next, hasMore, snapshotsByType);
    }

    /** The sequence a cursor stands at; VALIDATION (on {@code field}) when it was altered or not issued here. */
    public long sequenceOf(String cursor, String field) {
        try {
            return decode(cursor);
        } catch (CrmException e) {
            throw CrmException.validation(field, e.getMessage());
        }
    }

    /** The last sequence in the feed now. */
    @Transactional
    public long latestSequence() {
        return bounds().lastSequence();
    }

    /** A cursor at the current end of the feed, and the sequence it stands at. */
    @Transactional
    public Map.Entry<String, Long> latestCursor(Caller caller) {
        long last = bounds().lastSequence();
        return Map.entry(encode(last), last);
    }

    private SequencerWork.Bounds bounds() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT last_sequence, purged_through FROM change_sequencer WHERE id = 1")
                .getSingleResult();
        return new SequencerWork.Bounds(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private static CrmException expired() {
        return new CrmException(ErrorCode.CURSOR_EXPIRED,
                "The cursor points before the oldest retained change. " + RESYNC, "cursor");
    }

    private String encode(long sequence) {
        return secrets.pageTokens().encode("feed", "v1", List.of(Long.toString(sequence)));
    }

    private long decode(String cursor) {
        PageTokens tokens = secrets.pageTokens();
        try {
            return Long.parseLong(tokens.decode(cursor, "feed", "v1", 1).get(0));
        } catch (CrmException e) {
            throw CrmException.validation("cursor", "The cursor is not valid (it was altered or not issued by Clientele)");
        } catch (NumberFormatException e) {
            throw CrmException.validation("cursor", "The cursor is not valid");
        }
    }
}
