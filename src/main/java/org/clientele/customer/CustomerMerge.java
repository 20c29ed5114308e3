package org.clientele.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/**
 * Merges duplicate customers into a master in one transaction, all or nothing: the duplicates' children move to the
 * master, the duplicates become tombstones, and {@link CustomersMerged} is announced once for the other features.
 */
@ApplicationScoped
public class CustomerMerge {

    @Inject
    CustomerRepository repository;

    @Inject
    ChangeLog changeLog;

    /** Lets the features that hang rows off a customer follow the merge, in the same transaction. */
    @Inject
    Event<CustomersMerged> merged;

    /** Merges the duplicates into the master in one transaction; all or nothing. */
    @Transactional
    public Customer merge(Caller caller, long masterId, Long masterExpectedVersion, List<Long> duplicateIds) {
        if (duplicateIds.isEmpty() || duplicateIds.size() > 2) {
            throw CrmException.validation("duplicateId", "A merge takes 1 or 2 duplicates");
        }
        if (new HashSet<>(duplicateIds).size() != duplicateIds.size()) {
            throw CrmException.validation("duplicateId", "A duplicate is listed twice");
        }
        if (duplicateIds.contains(masterId)) {
            throw CrmException.validation("duplicateId", "A customer cannot be merged into itself");
        }
        Customer master = repository.find(masterId);
        if (master == null) {
            throw CrmException.notFound("Customer", masterId);
        }
        master.requireMergeableMaster(masterExpectedVersion);
        List<Customer> duplicates = new ArrayList<>();
        for (long id : duplicateIds) {
            Customer d = repository.find(id);
            if (d == null) {
                throw CrmException.notFound("Customer", id);
            }
            d.requireMergeableDuplicate();
            duplicates.add(d);
        }
        Instant now = Instant.now();
        int addressOffset = master.getAddresses().size();
        List<Interaction> movedInteractions = new ArrayList<>();
        for (Customer d : duplicates) {
            int moved = d.getAddresses().size();
            movedInteractions.addAll(repository.interactionsOf(d.getId()));
            repository.flush();
            repository.reparent(d, master, addressOffset);
            addressOffset += moved;
            d.tombstone(master.getId(), now);
            d.touch(now, caller.principal());
        }
        master.touch(now, caller.principal());
        repository.flush();
        for (Customer d : duplicates) {
            repository.refresh(d);
            changeLog.append(caller, EntityType.CUSTOMER, d.getId(), Operation.MERGED, d.getVersion(), master.getId());
        }
        repository.refresh(master);
        changeLog.append(caller, EntityType.CUSTOMER, master.getId(), Operation.UPDATED, master.getVersion(), null);
        for (Interaction i : movedInteractions) {
            repository.refresh(i);
            changeLog.append(caller, EntityType.INTERACTION, i.getId(), Operation.UPDATED, i.getVersion(), null);
        }
        merged.fire(new CustomersMerged(caller, master.getId(), List.copyOf(duplicateIds)));
        return repository.initialize(List.of(master)).get(0);
    }
}
