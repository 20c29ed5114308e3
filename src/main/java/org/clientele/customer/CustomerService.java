package org.clientele.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.clientele.sync.ChangeRecord;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/**
 * The customer use cases: batch writes under the contract's batch rules, reads, search, the recycle bin,
 * merging duplicates, and interactions. Every rule of the domain is checked here, whatever the caller.
 */
@ApplicationScoped
public class CustomerService {
    /** Roles that may change customers. */
    private static final Role[] WRITERS = {Role.INTEGRATION};
    /** Roles that may read customers (crm-admin may do everything). */
    private static final Role[] READERS = {Role.INTEGRATION, Role.AGENT, Role.MARKETING, Role.READONLY};
    /** Roles that may record interactions: integrations and call-centre agents. */
    private static final Role[] INTERACTION_WRITERS = {Role.INTEGRATION, Role.AGENT};

    @Inject
    CustomerRepository repository;

    @Inject
    BatchExecutor batches;

    @Inject
    ServerSecrets secrets;

    @Inject
    ChangeLog changeLog;


    /** Lets cases and campaign memberships follow a merge, in the same transaction. */
    @Inject
    Event<CustomersMerged> merged;

    /** An update of one customer. */
    public record Change(long id, Long expectedVersion, CustomerDraft data) {
    }

    /** An upsert of one customer by external key. */
    public record Upsert(CustomerDraft.Key key, Long expectedVersion, CustomerDraft data) {
    }

    /** A reference to a customer with an optional expected version. */
    public record Ref(long id, Long expectedVersion) {
    }

    /** The outcome of one getCustomers lookup: the customer, or null when not found. */
    public record Lookup(Long id, CustomerDraft.Key key, Customer customer) {
    }

    // ----- writes -----

    public List<ItemOutcome> create(Caller caller, List<CustomerDraft> drafts, boolean allOrNone) {
        caller.require("createCustomers", WRITERS);
        return batches.execute("customer", drafts, allOrNone, d -> {
            CustomerRules.validate(d);
            Customer c = newCustomer(caller, d);
            changeLog.append(caller, EntityType.CUSTOMER, c.getId(), Operation.CREATED, c.getVersion(), null);
            return ItemOutcome.applied(c.getId(), c.getVersion());
        });
    }

    public List<ItemOutcome> update(Caller caller, List<Change> changes, boolean allOrNone) {
        caller.require("updateCustomers", WRITERS);
        Set<Long> touched = new HashSet<>();
        return batches.execute("customer", changes, allOrNone, ch -> {
            CustomerRules.validate(ch.data());
            Customer c = seeEarlierItems(touched, existing(ch.id()));
            writable(c, ch.expectedVersion());
            apply(caller, c, ch.data());
            return batches.afterFlush(() -> {
                changeLog.append(caller, EntityType.CUSTOMER, c.getId(), Operation.UPDATED, c.getVersion(), null);
                return ItemOutcome.applied(c.getId(), c.getVersion());
            });
        });
    }

    public List<ItemOutcome> upsert(Caller caller, List<Upsert> upserts, boolean allOrNone) {
        caller.require("upsertCustomers", WRITERS);
        Set<Long> touched = new HashSet<>();
        return batches.execute("customer", upserts, allOrNone, u -> {
            CustomerRules.key("key", u.key());
            CustomerDraft data = u.data().withKey(u.key());
            CustomerRules.validate(data);
            ExternalKey existing = repository.findKey(u.key().system(), u.key().id());
            if (existing == null) {
                try {
                    Customer c = newCustomer(caller, data);
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
            Customer c = seeEarlierItems(touched, existing.getCustomer());
            writable(c, u.expectedVersion());
            apply(caller, c, data);
            return batches.afterFlush(() -> {
                changeLog.append(caller, EntityType.CUSTOMER, c.getId(), Operation.UPDATED, c.getVersion(), null);
                return ItemOutcome.upserted(c.getId(), c.getVersion(), false);
            });
        });
    }

    public List<ItemOutcome> delete(Caller caller, List<Ref> refs, boolean allOrNone) {
        caller.require("deleteCustomers", WRITERS);
        Set<Long> touched = new HashSet<>();
        return batches.execute("customer", refs, allOrNone, r -> {
            Customer c = seeEarlierItems(touched, existing(r.id()));
            checkVersion(c, r.expectedVersion());
            if (c.getMergedInto() != null) {
                throw new CrmException(ErrorCode.INVALID_STATE,
                        "Customer " + c.getId() + " was merged into " + c.getMergedInto(), "id");
            }
            if (!c.isDeleted()) {
                Instant now = Instant.now();
                c.moveToRecycleBin(now);
                c.touch(now, caller.principal());
                return batches.afterFlush(() -> {
                    changeLog.append(caller, EntityType.CUSTOMER, c.getId(), Operation.DELETED, c.getVersion(), null);
                    return ItemOutcome.applied(c.getId(), c.getVersion());
                });
            }
            return ItemOutcome.applied(c.getId(), c.getVersion());
        });
    }

    public List<ItemOutcome> undelete(Caller caller, List<Ref> refs, boolean allOrNone) {
        caller.require("undeleteCustomers", WRITERS);
        Set<Long> touched = new HashSet<>();
        return batches.execute("customer", refs, allOrNone, r -> {
            Customer c = seeEarlierItems(touched, existing(r.id()));
            checkVersion(c, r.expectedVersion());
            if (c.getMergedInto() != null) {
                throw new CrmException(ErrorCode.INVALID_STATE,
                        "Customer " + c.getId() + " was merged into " + c.getMergedInto() + " and cannot be restored", "id");
            }
            if (c.isDeleted()) {
                c.restoreFromRecycleBin();
                c.touch(Instant.now(), caller.principal());
                return batches.afterFlush(() -> {
                    changeLog.append(caller, EntityType.CUSTOMER, c.getId(), Operation.UNDELETED, c.getVersion(), null);
                    return ItemOutcome.applied(c.getId(), c.getVersion());
                });
            }
            return ItemOutcome.applied(c.getId(), c.getVersion());
        });
    }

    /** Merges the duplicates into the master in one transaction; all or nothing. */
    @Transactional
    public Customer merge(Caller caller, long masterId, Long masterExpectedVersion, List<Long> duplicateIds) {
        caller.require("mergeCustomers", WRITERS);
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
        if (master.isDeleted()) {
            throw CrmException.validation("masterId", "The master " + masterId + " is deleted; restore it first");
        }
        checkVersion(master, masterExpectedVersion);
        List<Customer> duplicates = new ArrayList<>();
        for (long id : duplicateIds) {
            Customer d = repository.find(id);
            if (d == null) {
                throw CrmException.notFound("Customer", id);
            }
            if (d.getMergedInto() != null) {
                throw CrmException.validation("duplicateId", "Customer " + id + " was already merged into " + d.getMergedInto());
            }
            if (d.isDeleted()) {
                throw CrmException.validation("duplicateId", "Customer " + id + " is deleted; restore it first");
            }
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

    public List<ItemOutcome> recordInteractions(Caller caller, List<InteractionDraft> drafts, boolean allOrNone) {
        caller.require("recordInteractions", INTERACTION_WRITERS);
        return batches.execute("interaction", drafts, allOrNone, d -> {
            CustomerRules.validate(d);
            Customer c = repository.find(d.customerId());
            if (c == null) {
                throw new CrmException(ErrorCode.NOT_FOUND, "Customer " + d.customerId() + " does not exist", "customerId");
            }
            if (c.isDeleted()) {
                throw new CrmException(ErrorCode.INVALID_STATE, "Customer " + d.customerId() + " is deleted", "customerId");
            }
            if (d.contactId() != null) {
                Contact contact = repository.findContact(d.contactId());
                if (contact == null || !contact.getCustomer().getId().equals(c.getId())) {
                    throw CrmException.validation("contactId",
                            "Contact " + d.contactId() + " is not a contact of customer " + c.getId());
                }
            }
            Instant now = Instant.now();
            Interaction i = new Interaction(c.getId(), d.contactId(), d.type(), d.direction(), d.subject(), d.body(),
                    d.occurredAt(), caller.principal(), now);
            repository.add(i);
            changeLog.append(caller, EntityType.INTERACTION, i.getId(), Operation.CREATED, i.getVersion(), null);
            return ItemOutcome.applied(i.getId(), i.getVersion());
        });
    }

    // ----- reads -----

    @Transactional
    public List<Lookup> get(Caller caller, List<Long> ids, List<CustomerDraft.Key> keys) {
        caller.require("getCustomers", READERS);
        int n = ids.size() + keys.size();
        if (n == 0) {
            throw CrmException.validation("id", "Give at least one id or external key");
        }
        if (n > Limits.MAX_BATCH_ITEMS) {
            throw new CrmException(ErrorCode.LIMIT_EXCEEDED,
                    "At most " + Limits.MAX_BATCH_ITEMS + " ids and keys per call; got " + n, "id");
        }
        for (CustomerDraft.Key k : keys) {
            CustomerRules.key("externalKey", k);
        }
        Map<Long, Customer> byId = repository.findAll(ids);
        Map<CustomerDraft.Key, Customer> byKey = repository.findByKeys(new LinkedHashSet<>(keys));
        Set<Customer> all = new LinkedHashSet<>(byId.values());
        all.addAll(byKey.values());
        repository.initialize(new ArrayList<>(all));
        List<Lookup> result = new ArrayList<>(n);
        ids.forEach(id -> result.add(new Lookup(id, null, byId.get(id))));
        keys.forEach(k -> result.add(new Lookup(null, k, byKey.get(k))));
        return result;
    }

    /** One customer with its collections loaded (the current master when a merge is replayed). */
    @Transactional
    public Customer current(long id) {
        Customer c = existing(id);
        return repository.initialize(List.of(c)).get(0);
    }

    @Transactional
    public Page<Customer> find(Caller caller, CustomerQuery query, Integer pageSize, String pageToken) {
        caller.require("findCustomers", READERS);
        int size = Limits.pageSize(pageSize);
        PageTokens tokens = secrets.pageTokens();
        long after = 0;
        if (pageToken != null) {
            after = parseLong(tokens.decode(pageToken, "customers", query.canonical(), 1).get(0));
        }
        List<Customer> rows = repository.find(query, after, size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = tokens.encode("customers", query.canonical(), List.of(String.valueOf(rows.get(size - 1).getId())));
        }
        return new Page<>(repository.initialize(rows), next);
    }

    @Transactional
    public Page<Interaction> listInteractions(Caller caller, long customerId, Integer pageSize, String pageToken) {
        caller.require("listInteractions", READERS);
        int size = Limits.pageSize(pageSize);
        if (repository.find(customerId) == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Customer " + customerId + " does not exist", "customerId");
        }
        PageTokens tokens = secrets.pageTokens();
        String scope = "interactions";
        String q = String.valueOf(customerId);
        Instant afterAt = null;
        Long afterId = null;
        if (pageToken != null) {
            List<String> pos = tokens.decode(pageToken, scope, q, 2);
            afterAt = Instant.parse(pos.get(0));
            afterId = parseLong(pos.get(1));
        }
        List<Interaction> rows = repository.interactions(customerId, afterAt, afterId, size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Interaction last = rows.get(size - 1);
            next = tokens.encode(scope, q, List.of(last.getOccurredAt().toString(), String.valueOf(last.getId())));
        }
        return new Page<>(new ArrayList<>(rows), next);
    }

    // ----- helpers -----

    private Customer newCustomer(Caller caller, CustomerDraft d) {
        for (CustomerDraft.Key k : d.keys()) {
            ExternalKey taken = repository.findKey(k.system(), k.id());
            if (taken != null) {
                throw CrmException.validation("externalKey", "External key " + k.system() + "/" + k.id()
                        + " already belongs to customer " + taken.getCustomer().getId());
            }
        }
        for (CustomerDraft.Person p : d.contacts()) {
            if (p.id() != null) {
                throw CrmException.validation("contact.id", "A new customer's contacts cannot carry ids");
            }
        }
        Customer c = new Customer(Instant.now(), caller.principal());
        c.setDetails(d.kind(), d.name(), d.email(), d.phone(), statusOrDefault(d), d.segment(), d.owner());
        d.keys().forEach(k -> c.addExternalKey(new ExternalKey(k.system(), k.id())));
        d.addresses().forEach(a -> c.addAddress(address(a)));
        d.contacts().forEach(p -> c.addContact(new Contact(p.firstName(), p.lastName(), p.title(), p.email(), p.phone(), p.primary())));
        repository.add(c);
        return c;
    }

    /** Replaces the customer's data with the draft (see CustomerData in the contract for the rules). */
    /**
     * Batch items change customers without flushing each (see {@link BatchExecutor#afterFlush}); an item that
     * changes a customer an earlier item of the same batch changed flushes first, so it checks its expected version
     * against the version the earlier item produced, and each item reports and feeds its own version.
     */
    private Customer seeEarlierItems(Set<Long> touched, Customer c) {
        if (!touched.add(c.getId())) {
            batches.flushPending();
        }
        return c;
    }

    private void apply(Caller caller, Customer c, CustomerDraft d) {
        for (CustomerDraft.Key k : d.keys()) {
            ExternalKey taken = repository.findKey(k.system(), k.id());
            if (taken != null && !taken.getCustomer().getId().equals(c.getId())) {
                throw CrmException.validation("externalKey", "External key " + k.system() + "/" + k.id()
                        + " already belongs to customer " + taken.getCustomer().getId());
            }
        }
        Map<Long, Contact> current = new HashMap<>();
        c.getContacts().forEach(p -> current.put(p.getId(), p));
        for (CustomerDraft.Person p : d.contacts()) {
            if (p.id() != null && !current.containsKey(p.id())) {
                throw CrmException.validation("contact.id", "Contact " + p.id() + " is not a contact of customer " + c.getId());
            }
        }
        // all checks passed: change the customer
        c.setDetails(d.kind(), d.name(), d.email(), d.phone(), statusOrDefault(d), d.segment(), d.owner());
        boolean releasesKeys = c.getExternalKeys().removeIf(k -> !d.keys().contains(new CustomerDraft.Key(k.getSystem(), k.getExternalId())));
        for (CustomerDraft.Key k : d.keys()) {
            if (c.getExternalKeys().stream().noneMatch(e -> e.is(k.system(), k.id()))) {
                c.addExternalKey(new ExternalKey(k.system(), k.id()));
            }
        }
        c.getAddresses().clear();
        d.addresses().forEach(a -> c.addAddress(address(a)));
        Set<Long> kept = new HashSet<>();
        for (CustomerDraft.Person p : d.contacts()) {
            if (p.id() != null) {
                current.get(p.id()).update(p.firstName(), p.lastName(), p.title(), p.email(), p.phone(), p.primary());
                kept.add(p.id());
            }
        }
        List<Long> removed = current.keySet().stream().filter(id -> !kept.contains(id)).toList();
        for (Interaction i : repository.detachInteractionsFrom(removed)) {
            changeLog.append(caller, EntityType.INTERACTION, i.getId(), Operation.UPDATED, i.getVersion(), null);
        }
        c.getContacts().removeIf(p -> removed.contains(p.getId()));
        for (CustomerDraft.Person p : d.contacts()) {
            if (p.id() == null) {
                c.addContact(new Contact(p.firstName(), p.lastName(), p.title(), p.email(), p.phone(), p.primary()));
            }
        }
        c.touch(Instant.now(), caller.principal());
        if (releasesKeys) {
            // a later item of the batch may take a released key: its lookup must not find it in the database
            batches.flushPending();
        }
    }

    private Customer existing(long id) {
        Customer c = repository.find(id);
        if (c == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Customer " + id + " does not exist", "id");
        }
        return c;
    }

    private static void writable(Customer c, Long expectedVersion) {
        checkVersion(c, expectedVersion);
        if (c.getMergedInto() != null) {
            throw new CrmException(ErrorCode.INVALID_STATE,
                    "Customer " + c.getId() + " was merged into " + c.getMergedInto() + "; change the master instead", "id");
        }
        if (c.isDeleted()) {
            throw new CrmException(ErrorCode.INVALID_STATE,
                    "Customer " + c.getId() + " is in the recycle bin; undelete it first", "id");
        }
    }

    private static void checkVersion(Customer c, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != c.getVersion()) {
            throw new CrmException(ErrorCode.CONCURRENCY, "Customer " + c.getId() + " is at version " + c.getVersion()
                    + ", not the expected " + expectedVersion + "; read it again and retry", "expectedVersion");
        }
    }

    private static Customer.Status statusOrDefault(CustomerDraft d) {
        return d.status() == null ? Customer.Status.PROSPECT : d.status();
    }

    private static Address address(CustomerDraft.PostalAddress a) {
        return new Address(a.type(), a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.countryCode());
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw CrmException.validation("pageToken", "The page token is not valid");
        }
    }
}
