package org.clientele.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;

/** A person at a customer. */
@Entity
@Table(name = "contact")
public class Contact {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
    @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;

    @Column(name = "first_name", length = 100)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName;

    @Column(length = 100)
    private String title;

    @Column(length = 254)
    private String email;

    @Column(name = "email_lower", length = 254)
    private String emailLower;

    @Column(length = 40)
    private String phone;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    protected Contact() {
    }

    public Contact(CustomerDraft.Person p) {
        update(p);
    }

    /** Takes the person's data (its id only says which contact this is). */
    final void update(CustomerDraft.Person p) {
        this.firstName = p.firstName();
        this.lastName = p.lastName();
        this.title = p.title();
        this.email = p.email();
        this.emailLower = email == null ? null : email.toLowerCase(Locale.ROOT);
        this.phone = p.phone();
        this.primary = p.primary();
    }

    void attachTo(Customer owner) {
        this.customer = owner;
    }

    /** Moves the contact to another customer (merge); it stops being primary there. */
    void moveTo(Customer master) {
        this.customer = master;
        this.primary = false;
    }

    public Long getId() { return id; }
    public Customer getCustomer() { return customer; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getTitle() { return title; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public boolean isPrimary() { return primary; }
}
