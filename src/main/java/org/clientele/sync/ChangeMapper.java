package org.clientele.sync;

import java.time.ZoneOffset;
import org.clientele.ws.sync.Change;
import org.clientele.ws.sync.EntityType;

/** A change of the feed in its wire form, as getChanges returns it and outbound notifications send it. */
public final class ChangeMapper {

    private ChangeMapper() {
    }

    /** The change, with its entity's snapshot when the feed page carries one. */
    public static Change toWire(ChangeRecord r, SyncService.Feed feed) {
        Change c = new Change();
        c.setSequence(r.getSequence());
        c.setEntityType(EntityType.valueOf(r.getEntityType().name()));
        c.setEntityId(r.getEntityId());
        c.setOperation(org.clientele.ws.sync.Operation.valueOf(r.getOperation().name()));
        c.setEntityVersion(r.getEntityVersion());
        c.setMergedInto(r.getMergedInto());
        c.setChangedAt(r.getChangedAt().atOffset(ZoneOffset.UTC));
        c.setPrincipal(r.getPrincipal());
        c.setClientSystem(r.getClientSystem());
        c.setCorrelationId(r.getCorrelationId());
        var snapshot = feed.snapshotOf(r);
        if (snapshot != null) {
            snapshot.accept(c);
        }
        return c;
    }
}
