package org.clientele.cli;

import java.time.OffsetDateTime;
import java.util.List;
import org.clientele.ws.common.ExternalKey;
import org.clientele.ws.customer.Address;
import org.clientele.ws.customer.Contact;
import org.clientele.ws.customer.Customer;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.Interaction;
import org.clientele.ws.sync.Change;

/** Writes customers and feed changes as single-line JSON objects (the .jsonl export and follow's output). */
public final class Json {
    private final StringBuilder b = new StringBuilder();
    private boolean first = true;

    private Json() {
        b.append('{');
    }

    public static String customer(Customer c) {
        Json j = new Json();
        j.field("id", c.getId()).field("version", c.getVersion()).field("deleted", c.isDeleted())
                .field("mergedInto", c.getMergedInto()).field("createdAt", c.getCreatedAt())
                .field("updatedAt", c.getUpdatedAt()).raw("data", data(c.getData()));
        return j.end();
    }

    public static String change(Change c) {
        Json j = new Json();
        j.field("sequence", c.getSequence()).field("entityType", c.getEntityType().value())
                .field("entityId", c.getEntityId()).field("operation", c.getOperation().value())
                .field("entityVersion", c.getEntityVersion()).field("mergedInto", c.getMergedInto())
                .field("changedAt", c.getChangedAt()).field("principal", c.getPrincipal())
                .field("clientSystem", c.getClientSystem()).field("correlationId", c.getCorrelationId());
        if (c.getCustomer() != null) {
            j.raw("customer", customer(c.getCustomer()));
        }
        if (c.getInteraction() != null) {
            j.raw("interaction", interaction(c.getInteraction()));
        }
        return j.end();
    }

    static String data(CustomerData d) {
        Json j = new Json();
        j.array("externalKeys", d.getExternalKey().stream().map(Json::key).toList())
                .field("kind", d.getKind() == null ? null : d.getKind().value()).field("name", d.getName())
                .field("email", d.getEmail()).field("phone", d.getPhone())
                .field("status", d.getStatus() == null ? null : d.getStatus().value())
                .field("segment", d.getSegment()).field("owner", d.getOwner())
                .array("addresses", d.getAddress().stream().map(Json::address).toList())
                .array("contacts", d.getContact().stream().map(Json::contact).toList());
        return j.end();
    }

    private static String key(ExternalKey k) {
        return new Json().field("system", k.getSystem()).field("id", k.getId()).end();
    }

    private static String address(Address a) {
        return new Json().field("type", a.getType() == null ? null : a.getType().value()).field("line1", a.getLine1())
                .field("line2", a.getLine2()).field("city", a.getCity()).field("region", a.getRegion())
                .field("postalCode", a.getPostalCode()).field("countryCode", a.getCountryCode()).end();
    }

    private static String contact(Contact c) {
        return new Json().field("id", c.getId()).field("firstName", c.getFirstName()).field("lastName", c.getLastName())
                .field("title", c.getTitle()).field("email", c.getEmail()).field("phone", c.getPhone())
                .field("primary", c.isPrimary()).end();
    }

    private static String interaction(Interaction i) {
        return new Json().field("id", i.getId()).field("customerId", i.getCustomerId()).field("contactId", i.getContactId())
                .field("type", i.getType() == null ? null : i.getType().value())
                .field("direction", i.getDirection() == null ? null : i.getDirection().value())
                .field("subject", i.getSubject()).field("body", i.getBody()).field("occurredAt", i.getOccurredAt())
                .field("recordedBy", i.getRecordedBy()).field("recordedAt", i.getRecordedAt()).end();
    }

    /** Adds a field; null values are left out. */
    private Json field(String name, Object value) {
        if (value == null) {
            return this;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return raw(name, value.toString());
        }
        if (value instanceof OffsetDateTime t) {
            return raw(name, quote(t.toString()));
        }
        return raw(name, quote(value.toString()));
    }

    private Json array(String name, List<String> elements) {
        return raw(name, "[" + String.join(",", elements) + "]");
    }

    private Json raw(String name, String json) {
        if (!first) {
            b.append(',');
        }
        first = false;
        b.append(quote(name)).append(':').append(json);
        return this;
    }

    private String end() {
        return b.append('}').toString();
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
