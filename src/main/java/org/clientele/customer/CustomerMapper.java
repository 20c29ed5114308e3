package org.clientele.customer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.clientele.platform.CrmException;
import org.clientele.ws.customer.CustomerData;

/** Maps between the customer wire types (JAXB) and the domain (drafts and entities). */
public final class CustomerMapper {

    private CustomerMapper() {
    }

    // ----- wire -> domain -----

    public static CustomerDraft draft(CustomerData d) {
        if (d == null) {
            throw CrmException.validation("data", "data is required");
        }
        return new CustomerDraft(
                d.getKind() == null ? null : Customer.Kind.valueOf(d.getKind().name()),
                d.getName(), blankToNull(d.getEmail()), blankToNull(d.getPhone()),
                d.getStatus() == null ? null : Customer.Status.valueOf(d.getStatus().name()),
                blankToNull(d.getSegment()), blankToNull(d.getOwner()),
                d.getExternalKey().stream().map(CustomerMapper::key).toList(),
                d.getAddress().stream().map(a -> new CustomerDraft.PostalAddress(
                        a.getType() == null ? null : Address.Type.valueOf(a.getType().name()),
                        a.getLine1(), blankToNull(a.getLine2()), a.getCity(), blankToNull(a.getRegion()),
                        blankToNull(a.getPostalCode()), a.getCountryCode())).toList(),
                d.getContact().stream().map(p -> new CustomerDraft.Person(p.getId(), blankToNull(p.getFirstName()),
                        p.getLastName(), blankToNull(p.getTitle()), blankToNull(p.getEmail()), blankToNull(p.getPhone()),
                        Boolean.TRUE.equals(p.isPrimary()))).toList());
    }

    public static CustomerDraft.Key key(org.clientele.ws.common.ExternalKey k) {
        if (k == null) {
            throw CrmException.validation("externalKey", "externalKey is required");
        }
        return new CustomerDraft.Key(k.getSystem(), k.getId());
    }

    public static InteractionDraft draft(org.clientele.ws.customer.Interaction i) {
        if (i == null) {
            throw CrmException.validation("interaction", "interaction is required");
        }
        return new InteractionDraft(i.getCustomerId(), i.getContactId(),
                i.getType() == null ? null : Interaction.Type.valueOf(i.getType().name()),
                i.getDirection() == null ? null : Interaction.Direction.valueOf(i.getDirection().name()),
                i.getSubject(), blankToNull(i.getBody()),
                i.getOccurredAt() == null ? null : i.getOccurredAt().toInstant());
    }

    // ----- domain -> wire -----

    public static org.clientele.ws.customer.Customer toWire(Customer c) {
        org.clientele.ws.customer.Customer w = new org.clientele.ws.customer.Customer();
        w.setId(c.getId());
        w.setVersion(c.getVersion());
        CustomerData d = new CustomerData();
        d.setKind(org.clientele.ws.customer.CustomerKind.valueOf(c.getKind().name()));
        d.setName(c.getName());
        d.setEmail(c.getEmail());
        d.setPhone(c.getPhone());
        d.setStatus(org.clientele.ws.customer.CustomerStatus.valueOf(c.getStatus().name()));
        d.setSegment(c.getSegment());
        d.setOwner(c.getOwner());
        for (ExternalKey k : c.getExternalKeys()) {
            org.clientele.ws.common.ExternalKey wk = new org.clientele.ws.common.ExternalKey();
            wk.setSystem(k.getSystem());
            wk.setId(k.getExternalId());
            d.getExternalKey().add(wk);
        }
        for (Address a : c.getAddresses()) {
            org.clientele.ws.customer.Address wa = new org.clientele.ws.customer.Address();
            wa.setType(org.clientele.ws.customer.AddressType.valueOf(a.getType().name()));
            wa.setLine1(a.getLine1());
            wa.setLine2(a.getLine2());
            wa.setCity(a.getCity());
            wa.setRegion(a.getRegion());
            wa.setPostalCode(a.getPostalCode());
            wa.setCountryCode(a.getCountryCode());
            d.getAddress().add(wa);
        }
        for (Contact p : c.getContacts()) {
            org.clientele.ws.customer.Contact wp = new org.clientele.ws.customer.Contact();
            wp.setId(p.getId());
            wp.setFirstName(p.getFirstName());
            wp.setLastName(p.getLastName());
            wp.setTitle(p.getTitle());
            wp.setEmail(p.getEmail());
            wp.setPhone(p.getPhone());
            wp.setPrimary(p.isPrimary());
            d.getContact().add(wp);
        }
        w.setData(d);
        w.setCreatedAt(time(c.getCreatedAt()));
        w.setUpdatedAt(time(c.getUpdatedAt()));
        w.setDeleted(c.isDeleted());
        w.setMergedInto(c.getMergedInto());
        return w;
    }

    public static org.clientele.ws.customer.Interaction toWire(Interaction i) {
        org.clientele.ws.customer.Interaction w = new org.clientele.ws.customer.Interaction();
        w.setId(i.getId());
        w.setCustomerId(i.getCustomerId());
        w.setContactId(i.getContactId());
        w.setType(org.clientele.ws.customer.InteractionType.valueOf(i.getType().name()));
        w.setDirection(i.getDirection() == null ? null : org.clientele.ws.customer.Direction.valueOf(i.getDirection().name()));
        w.setSubject(i.getSubject());
        w.setBody(i.getBody());
        w.setOccurredAt(time(i.getOccurredAt()));
        w.setRecordedBy(i.getRecordedBy());
        w.setRecordedAt(time(i.getRecordedAt()));
        return w;
    }

    public static List<org.clientele.ws.customer.Customer> toWire(List<Customer> customers) {
        return customers.stream().map(CustomerMapper::toWire).toList();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
