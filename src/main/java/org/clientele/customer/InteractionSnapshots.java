package org.clientele.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.clientele.sync.ChangeRecord;
import org.clientele.sync.SnapshotProvider;
import org.clientele.ws.sync.Change;

/** The change feed's INTERACTION snapshots: the interaction as it is now. */
@ApplicationScoped
public class InteractionSnapshots implements SnapshotProvider {

    @Inject
    CustomerRepository repository;

    @Override
    public ChangeRecord.EntityType entityType() {
        return ChangeRecord.EntityType.INTERACTION;
    }

    @Override
    public Map<Long, Consumer<Change>> snapshots(Collection<Long> ids) {
        Map<Long, Consumer<Change>> snapshots = new HashMap<>();
        repository.findInteractions(ids).forEach((id, i) -> {
            var wire = CustomerMapper.toWire(i);
            snapshots.put(id, change -> change.setInteraction(wire));
        });
        return snapshots;
    }
}
