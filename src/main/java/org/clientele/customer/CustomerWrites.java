package org.clientele.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.clientele.platform.BatchExecutor;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.EarlierItems;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.Limits;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/**
 * The customer batch writes (create, update, upsert, delete, undelete) under the contract's batch rules; the
 * customer itself reconciles its data, this class checks what only the repository knows (keys of other customers).
 */
@ApplicationScoped
public class CustomerWrites {

    @Inject
    CustomerRepository repository;

    @Inject
    BatchExecutor batches;

    @Inject
    ChangeLog changeLog;

    @Inject
    Event<ContactsRemoved> contactsRemoved;

    /** An update of one customer. */
    public record Change(long id, Long expectedVersion, CustomerDraft data) {
    }

    /** An upsert of one customer by external key. */
    public record Upsert(CustomerDraft.Key key, Long expectedVersion, CustomerDraft data) {
    }

    /** A reference to a customer with an optional expected version. */
    public record Ref(long id, Long expectedVersion) {
    }

    public List<ItemOutcome> create(Caller caller, List<CustomerDraft> drafts, boolean allOrNone) {
        KeyLookup keys = keys(drafts.size(), drafts.stream().flatMap(d -> d.keys().stream()));
        return batches.execute("customer", drafts, allOrNone, d -> {
            CustomerRules.validate(d);
            Customer c = newCustomer(caller, d, keys);
            changeLog.append(caller, EntityType.CUSTOMER, c.getId(), Operation.CREATED, c.getVersion(), null);
            return ItemOutcome.applied(c.getId(), c.getVersion());
        });
    }

    public List<ItemOutcome> update(Caller caller, List<Change> changes, boolean allOrNone) {
        EarlierItems earlier = new EarlierItems(batches);
        KeyLookup keys = keys(changes.size(), changes.stream().flatMap(ch -> ch.data().keys().stream()));
        return batches.execute("customer", changes, allOrNone, ch -> {
            CustomerRules.validate(ch.data());
            Customer c = earlier.see(ch.id(), existing(ch.id()));
            c.requireWritable(ch.expectedVersion());
            apply(caller, c, ch.data(), keys);
            return batches.afterFlush(() -> {
                changeLog.append(caller, EntityType.CUSTOMER, c.getId(), Operation.UPDATED, c.getVersion(), null);
                return ItemOutcome.applied(c.getId(), c.getVersion());
            });
        });
    }

    public List<ItemOutcome> upsert(Caller caller, List<Upsert> upserts, boolean allOrNone) {
        EarlierItems earlier = new EarlierItems(batches);
        KeyLookup keys = keys(upserts.size(), upserts.stream().flatMap(u -> Stream.concat(Stream.of(u.key()),
                u.data().keys().stream())));
        return batches.execute("customer", upserts, allOrNone, u -> {
            CustomerRules.key("key", u.key());
            CustomerDraft data = u.data().withKey(u.key());
            CustomerRules.validate(data);
            ExternalKey existing = keys.find(u.key());
            if (existing == null) {
                try {
                    Customer c = newCustomer(caller, data, keys);
                    changeLog.append(caller, EntityType.CUSTOMER, c.getId(), Operation.CREATED, c.getVersion(), null);
                    return ItemOutcome.upserted(c.getId(), c.getVersion(), true);
                } catch (CrmException keyTaken) {
                    // a concurrent upsert of the same key committed between our two reads: update its customer instead
                    existing = repository.findKey(u.key().system(), u.key().id());
                    if (existing == null) {
                        throw keyTaken;
                    }
                }
            }
            Customer c = earlier.see(existing.getCustomer().getId(), existing.getCustomer());
            c.requireWritable(u.expectedVersion());
            apply(caller, c, data, keys);
            return batches.afterFlush(() -> {
                changeLog.append(caller, EntityType.CUSTOMER, c.getId(), Operation.UPDATED, c.getVersion(), null);
                return ItemOutcome.upserted(c.getId(), c.getVersion(), false);
            });
        });
    }

    public List<ItemOutcome> delete(Caller caller, List<Ref> refs, boolean allOrNone) {
        return recycle(caller, refs, allOrNone, Operation.DELETED);
    }

    public List<ItemOutcome> undelete(Caller caller, List<Ref> refs, boolean allOrNone) {
        return recycle(caller, refs, allOrNone, Operation.UNDELETED);
    }

    /** Moves customers to the recycle bin (DELETED) or back (UNDELETED); a customer already there is left as it is. */
    private List<ItemOutcome> recycle(Caller caller, List<Ref> refs, boolean allOrNone, Operation operation) {
        EarlierItems earlier = new EarlierItems(batches);
        return batches.execute("customer", refs, allOrNone, r -> {
            Customer c = earlier.see(r.id(), existing(r.id()));
            c.requireVersion(r.expectedVersion());
            Instant now = Instant.now();
            boolean changed = operation == Operation.DELETED ? c.delete(now, caller.principal())
                    : c.undelete(now, caller.principal());
            if (!changed) {
                return ItemOutcome.applied(c.getId(), c.getVersion());
            }
            return batches.afterFlush(() -> {
                changeLog.append(caller, EntityType.CUSTOMER, c.getId(), operation, c.getVersion(), null);
                return ItemOutcome.applied(c.getId(), c.getVersion());
            });
        });
    }

    /**
     * The key lookup of one batch: the batch's keys read in one query, or, in the precise item-by-item run after a
     * failed batch, one query per key (see {@link KeyLookup}).
     */
    private KeyLookup keys(int items, Stream<CustomerDraft.Key> all) {
        Function<CustomerDraft.Key, ExternalKey> one = k -> repository.findKey(k.system(), k.id());
        if (BatchExecutor.isPrecise() || items > Limits.MAX_BATCH_ITEMS) {
            return KeyLookup.perItem(one); // an oversized batch is refused before any item runs
        }
        return KeyLookup.prefetched(all.filter(k -> k != null && k.system() != null && k.id() != null).toList(),
                repository::findKeys, one);
    }

    private Customer newCustomer(Caller caller, CustomerDraft d, KeyLookup keys) {
        for (CustomerDraft.Key k : d.keys()) {
            ExternalKey taken = keys.find(k);
            if (taken != null) {
                throw CrmException.validation("externalKey", "External key " + k.system() + "/" + k.id()
                        + " already belongs to customer " + taken.getCustomer().getId());
            }
        }
        Customer c = Customer.create(d, Instant.now(), caller.principal());
        repository.add(c);
        return c;
    }

    /** Replaces the customer's data with the draft once no key of it belongs to another customer. */
    private void apply(Caller caller, Customer c, CustomerDraft d, KeyLookup keys) {
        for (CustomerDraft.Key k : d.keys()) {
            ExternalKey taken = keys.find(k);
            if (taken != null && !taken.getCustomer().getId().equals(c.getId())) {
                throw CrmException.validation("externalKey", "External key " + k.system() + "/" + k.id()
                        + " already belongs to customer " + taken.getCustomer().getId());
            }
        }
        List<Long> removing = c.contactsRemovedBy(d);
        if (!removing.isEmpty()) {
            // before the contacts go: observers move their references while the contact rows still exist (the
            // contacts' orphan removal runs first in the next flush, before any update)
            contactsRemoved.fire(new ContactsRemoved(caller, c.getId(), removing));
        }
        Customer.Reconciliation done = c.replaceWith(d);
        for (Interaction i : repository.detachInteractionsFrom(done.removedContactIds())) {
            changeLog.append(caller, EntityType.INTERACTION, i.getId(), Operation.UPDATED, i.getVersion(), null);
        }
        c.touch(Instant.now(), caller.principal());
        if (done.releasedKeys()) {
            // a later item of the batch may take a released key: its lookup must not find it in the database
            batches.flushPending();
            keys.forget();
        }
    }

    private Customer existing(long id) {
        Customer c = repository.find(id);
        if (c == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Customer " + id + " does not exist", "id");
        }
        return c;
    }
}
