package org.clientele.customer;

import java.util.List;

/** The writable data of a customer as a client sends it, independent of the wire format. */
public record CustomerDraft(Customer.Kind kind, String name, String email, String phone, Customer.Status status,
                            String segment, String owner, List<Key> keys, List<PostalAddress> addresses,
                            List<Person> contacts) {

    public CustomerDraft {
        keys = List.copyOf(keys);
        addresses = List.copyOf(addresses);
        contacts = List.copyOf(contacts);
    }

    /** An external key (system, id). */
    public record Key(String system, String id) {
    }

    /** A postal address. */
    public record PostalAddress(Address.Type type, String line1, String line2, String city, String region,
                                String postalCode, String countryCode) {
    }

    /** A contact; id is null for a new one. */
    public record Person(Long id, String firstName, String lastName, String title, String email, String phone,
                         boolean primary) {
    }

    /** This draft with the given key added unless it is already there. */
    public CustomerDraft withKey(Key key) {
        if (keys.contains(key)) {
            return this;
        }
        List<Key> all = new java.util.ArrayList<>(keys);
        all.add(key);
        return new CustomerDraft(kind, name, email, phone, status, segment, owner, all, addresses, contacts);
    }
}
