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
import java.util.List;
import java.util.Locale;
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

    /** Sets the scalar fields; the lower-case search columns follow. */
    public void setDetails(Kind kind, String name, String email, String phone, Status status, String segment, String owner) {
        this.kind = kind;
        this.name = name;
        this.nameLower = name.toLowerCase(Locale.ROOT);
        this.email = email;
        this.emailLower = email == null ? null : email.toLowerCase(Locale.ROOT);
        this.phone = phone;
        this.status = status;
        this.segment = segment;
        this.owner = owner;
    }

    /** Records a change by the principal; updatedAt always moves, so the version grows with every change. */
    public void touch(Instant now, String principal) {
        this.updatedAt = now.isAfter(updatedAt) ? now : updatedAt.plusNanos(1000);
        this.updatedBy = principal;
    }

    public void moveToRecycleBin(Instant now) {
        this.deleted = true;
        this.deletedAt = now;
    }

    public void restoreFromRecycleBin() {
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
