package org.clientele.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.clientele.sync.ChangeRecord;
import org.clientele.sync.SnapshotProvider;
import org.clientele.ws.sync.Change;

/** The change feed's CUSTOMER snapshots: the customer as getCustomers returns it now. */
@ApplicationScoped
public class CustomerSnapshots implements SnapshotProvider {

    @Inject
    CustomerRepository repository;

    @Override
    public ChangeRecord.EntityType entityType() {
        return ChangeRecord.EntityType.CUSTOMER;
    }

    @Override
    public Map<Long, Consumer<Change>> snapshots(Collection<Long> ids) {
        Map<Long, Customer> found = repository.findAll(ids);
        repository.initialize(new ArrayList<>(found.values()));
        Map<Long, Consumer<Change>> snapshots = new HashMap<>();
        found.forEach((id, c) -> {
            var wire = CustomerMapper.toWire(c);
            snapshots.put(id, change -> change.setCustomer(wire));
        });
        return snapshots;
    }
}
