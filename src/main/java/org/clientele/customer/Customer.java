package org.clientele.customer;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.hibernate.annotations.BatchSize;

/** A customer (organisation or person): the aggregate root of its external keys, contacts and addresses. */
@Entity
@Table(name = "customer")
public class Customer {

    /** Whether the customer is a company or a private person. */
    public enum Kind { ORGANIZATION, PERSON }

    /** Lifecycle status of the relationship. */
    public enum Status { PROSPECT, ACTIVE, INACTIVE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "name_lower", nullable = false, length = 200)
    private String nameLower;

    @Column(length = 254)
    private String email;

    @Column(name = "email_lower", length = 254)
    private String emailLower;

    @Column(length = 40)
    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(length = 100)
    private String segment;

    @Column(length = 100)
    private String owner;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "merged_into")
    private Long mergedInto;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    @BatchSize(size = 200)
    private List<ExternalKey> externalKeys = new ArrayList<>();

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    @BatchSize(size = 200)
    private List<Contact> contacts = new ArrayList<>();

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchSize(size = 200)
    private List<Address> addresses = new ArrayList<>();

    protected Customer() {
    }

    public Customer(Instant now, String principal) {
        this.createdAt = now;
        this.createdBy = principal;
        this.updatedAt = now;
        this.updatedBy = principal;
    }

    /** The outcome of {@link #replaceWith}: the contacts it removed, and whether it released external keys. */
    public record Reconciliation(List<Long> removedContactIds, boolean releasedKeys) {
    }

    /**
     * A new customer with the draft's data; VALIDATION when a contact carries an id. Whether its keys are free is
     * for the caller to check, since only the repository knows the other customers.
     */
    public static Customer create(CustomerDraft d, Instant now, String principal) {
        for (CustomerDraft.Person p : d.contacts()) {
            if (p.id() != null) {
                throw CrmException.validation("contact.id", "A new customer's contacts cannot carry ids");
            }
        }
        Customer c = new Customer(now, principal);
        c.setDetails(d);
        d.keys().forEach(k -> c.addExternalKey(new ExternalKey(k.system(), k.id())));
        d.addresses().forEach(a -> c.addAddress(new Address(a)));
        d.contacts().forEach(p -> c.addContact(new Contact(p)));
        return c;
    }

    /**
     * The ids of the contacts {@link #replaceWith} would remove for this draft (those it leaves out), in id order;
     * VALIDATION when a contact id of the draft is not one of this customer's. Changes nothing.
     */
    public List<Long> contactsRemovedBy(CustomerDraft d) {
        Set<Long> current = new HashSet<>();
        contacts.forEach(p -> current.add(p.getId()));
        Set<Long> kept = new HashSet<>();
        for (CustomerDraft.Person p : d.contacts()) {
            if (p.id() != null) {
                if (!current.contains(p.id())) {
                    throw CrmException.validation("contact.id", "Contact " + p.id() + " is not a contact of customer " + id);
                }
                kept.add(p.id());
            }
        }
        return current.stream().filter(cid -> !kept.contains(cid)).sorted().toList();
    }

    /**
     * Replaces the customer's data with the draft (see CustomerData in the contract): scalar fields and addresses are
     * replaced; keys missing from the draft are released and new ones added; contacts with an id are updated, those
     * left out removed and those without an id added. Checks first that every contact id is one of this customer's
     * (VALIDATION), so a refused draft changes nothing. Does not touch: the caller records who changed it and when.
     */
    public Reconciliation replaceWith(CustomerDraft d) {
        Map<Long, Contact> current = new HashMap<>();
        contacts.forEach(p -> current.put(p.getId(), p));
        contactsRemovedBy(d);
        setDetails(d);
        boolean releasedKeys = externalKeys.removeIf(k -> !d.keys().contains(new CustomerDraft.Key(k.getSystem(), k.getExternalId())));
        for (CustomerDraft.Key k : d.keys()) {
            if (externalKeys.stream().noneMatch(e -> e.is(k.system(), k.id()))) {
                addExternalKey(new ExternalKey(k.system(), k.id()));
            }
        }
        addresses.clear();
        d.addresses().forEach(a -> addAddress(new Address(a)));
        Set<Long> kept = new HashSet<>();
        for (CustomerDraft.Person p : d.contacts()) {
            if (p.id() != null) {
                current.get(p.id()).update(p);
                kept.add(p.id());
            }
        }
        List<Long> removed = current.keySet().stream().filter(cid -> !kept.contains(cid)).sorted().toList();
        contacts.removeIf(p -> removed.contains(p.getId()));
        for (CustomerDraft.Person p : d.contacts()) {
            if (p.id() == null) {
                addContact(new Contact(p));
            }
        }
        return new Reconciliation(removed, releasedKeys);
    }

    /** Sets the scalar fields (status PROSPECT when the draft has none); the lower-case search columns follow. */
    public void setDetails(CustomerDraft d) {
        this.kind = d.kind();
        this.name = d.name();
        this.nameLower = name.toLowerCase(Locale.ROOT);
        this.email = d.email();
        this.emailLower = email == null ? null : email.toLowerCase(Locale.ROOT);
        this.phone = d.phone();
        this.status = d.status() == null ? Status.PROSPECT : d.status();
        this.segment = d.segment();
        this.owner = d.owner();
    }

    /** CONCURRENCY unless the customer is at the expected version (when one is given). */
    public void requireVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new CrmException(ErrorCode.CONCURRENCY, "Customer " + id + " is at version " + version
                    + ", not the expected " + expectedVersion + "; read it again and retry", "expectedVersion");
        }
    }

    /** Checks the version, and INVALID_STATE when the customer was merged or is in the recycle bin. */
    public void requireWritable(Long expectedVersion) {
        requireVersion(expectedVersion);
        if (mergedInto != null) {
            throw new CrmException(ErrorCode.INVALID_STATE,
                    "Customer " + id + " was merged into " + mergedInto + "; change the master instead", "id");
        }
        if (deleted) {
            throw new CrmException(ErrorCode.INVALID_STATE,
                    "Customer " + id + " is in the recycle bin; undelete it first", "id");
        }
    }

    /** Moves the customer to the recycle bin; returns false when it was there already. A merged customer stays merged. */
    public boolean delete(Instant now, String principal) {
        if (mergedInto != null) {
            throw new CrmException(ErrorCode.INVALID_STATE, "Customer " + id + " was merged into " + mergedInto, "id");
        }
        if (deleted) {
            return false;
        }
        moveToRecycleBin(now);
        touch(now, principal);
        return true;
    }

    /** Restores the customer from the recycle bin; returns false when it was not there. A merged one cannot return. */
    public boolean undelete(Instant now, String principal) {
        if (mergedInto != null) {
            throw new CrmException(ErrorCode.INVALID_STATE,
                    "Customer " + id + " was merged into " + mergedInto + " and cannot be restored", "id");
        }
        if (!deleted) {
            return false;
        }
        restoreFromRecycleBin();
        touch(now, principal);
        return true;
    }

    /** VALIDATION unless this customer can be merged into a master: neither merged already nor deleted. */
    public void requireMergeableDuplicate() {
        if (mergedInto != null) {
            throw CrmException.validation("duplicateId", "Customer " + id + " was already merged into " + mergedInto);
        }
        if (deleted) {
            throw CrmException.validation("duplicateId", "Customer " + id + " is deleted; restore it first");
        }
    }

    /** VALIDATION unless this customer can take duplicates: not in the recycle bin; CONCURRENCY on a stale version. */
    public void requireMergeableMaster(Long expectedVersion) {
        if (deleted) {
            throw CrmException.validation("masterId", "The master " + id + " is deleted; restore it first");
        }
        requireVersion(expectedVersion);
    }

    /** Whether the contact is one of this customer's. */
    public boolean owns(Contact contact) {
        return contact.getCustomer() != null && id != null && id.equals(contact.getCustomer().getId());
    }

    /** Records a change by the principal; updatedAt always moves, so the version grows with every change. */
    public void touch(Instant now, String principal) {
        this.updatedAt = now.isAfter(updatedAt) ? now : updatedAt.plusNanos(1000);
        this.updatedBy = principal;
    }

    private void moveToRecycleBin(Instant now) {
        this.deleted = true;
        this.deletedAt = now;
    }

    private void restoreFromRecycleBin() {
        this.deleted = false;
        this.deletedAt = null;
    }

    public void tombstone(long masterId, Instant now) {
        this.deleted = true;
        this.deletedAt = now;
        this.mergedInto = masterId;
    }

    public void addExternalKey(ExternalKey key) {
        key.attachTo(this);
        externalKeys.add(key);
    }

    public void addContact(Contact contact) {
        contact.attachTo(this);
        contacts.add(contact);
    }

    public void addAddress(Address address) {
        address.attachTo(this, addresses.size());
        addresses.add(address);
    }

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public Kind getKind() { return kind; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public Status getStatus() { return status; }
    public String getSegment() { return segment; }
    public String getOwner() { return owner; }
    public boolean isDeleted() { return deleted; }
    public Instant getDeletedAt() { return deletedAt; }
    public Long getMergedInto() { return mergedInto; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public List<ExternalKey> getExternalKeys() { return externalKeys; }
    public List<Contact> getContacts() { return contacts; }
    public List<Address> getAddresses() { return addresses; }
}
