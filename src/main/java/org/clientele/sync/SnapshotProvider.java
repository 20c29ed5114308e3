package org.clientele.sync;

import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;
import org.clientele.ws.sync.Change;

/**
 * The source of change-feed snapshots for one entity type, implemented by the feature that owns the entity (a CDI bean,
 * found by {@link SyncService} through its entity type), so the feed carries snapshots without knowing any feature.
 */
public interface SnapshotProvider {

    /** The entity type whose snapshots this provides. */
    ChangeRecord.EntityType entityType();

    /**
     * The current state of those of the entities that exist, by id, each as the step that puts it on a change of the
     * feed's response; called inside the feed's read transaction.
     */
    Map<Long, Consumer<Change>> snapshots(Collection<Long> ids);
}
