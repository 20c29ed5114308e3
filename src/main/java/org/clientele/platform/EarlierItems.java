package org.clientele.platform;

import java.util.HashSet;
import java.util.Set;

/**
 * The entities the earlier items of one batch changed. Batch items change entities without flushing each (see
 * {@link BatchExecutor#afterFlush}); an item that changes an entity an earlier item of the same batch changed
 * flushes first, so it checks its expected version against the version the earlier item produced, and each item
 * reports and feeds its own version.
 */
public final class EarlierItems {
    private final BatchExecutor batches;
    private final Set<Object> touched = new HashSet<>();

    public EarlierItems(BatchExecutor batches) {
        this.batches = batches;
    }

    /** The entity, after a flush of the earlier items when one of them changed it already. */
    public <T> T see(Object key, T entity) {
        if (!touched.add(key)) {
            batches.flushPending();
        }
        return entity;
    }
}
