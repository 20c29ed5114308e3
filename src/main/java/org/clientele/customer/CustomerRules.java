package org.clientele.customer;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.clientele.platform.CrmException;

/**
 * The rules a customer's data must satisfy. The schema enforces most of them on the wire; they are checked
 * again here so that the service is safe whatever the caller (and reports the field that breaks a rule).
 */
public final class CustomerRules {
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()/.\\-]{3,40}");
    static final Pattern SYSTEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,49}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private CustomerRules() {
    }

    /** Checks a draft; throws VALIDATION naming the first field that breaks a rule. */
    public static void validate(CustomerDraft d) {
        required("kind", d.kind());
        text("name", d.name(), 1, 200);
        if (d.name().isBlank()) {
            throw CrmException.validation("name", "name must not be blank");
        }
        email("email", d.email());
        phone("phone", d.phone());
        text("segment", d.segment(), 0, 100);
        text("owner", d.owner(), 0, 100);
        if (d.keys().size() > 20) {
            throw CrmException.validation("externalKey", "at most 20 external keys");
        }
        Set<CustomerDraft.Key> seenKeys = new HashSet<>();
        for (CustomerDraft.Key k : d.keys()) {
            key("externalKey", k);
            if (!seenKeys.add(k)) {
                throw CrmException.validation("externalKey", "external key " + k.system() + "/" + k.id() + " is listed twice");
            }
        }
        if (d.addresses().size() > 20) {
            throw CrmException.validation("address", "at most 20 addresses");
        }
        for (CustomerDraft.PostalAddress a : d.addresses()) {
            required("address.type", a.type());
            text("address.line1", a.line1(), 1, 200);
            text("address.line2", a.line2(), 0, 200);
            text("address.city", a.city(), 1, 100);
            text("address.region", a.region(), 0, 100);
            text("address.postalCode", a.postalCode(), 0, 20);
            if (a.countryCode() == null || !COUNTRIES.contains(a.countryCode())) {
                throw CrmException.validation("address.countryCode",
                        "countryCode " + a.countryCode() + " is not an ISO 3166-1 alpha-2 code");
            }
        }
        if (d.contacts().size() > 100) {
            throw CrmException.validation("contact", "at most 100 contacts");
        }
        int primaries = 0;
        Set<Long> contactIds = new HashSet<>();
        for (CustomerDraft.Person p : d.contacts()) {
            text("contact.firstName", p.firstName(), 0, 100);
            text("contact.lastName", p.lastName(), 1, 100);
            text("contact.title", p.title(), 0, 100);
            email("contact.email", p.email());
            phone("contact.phone", p.phone());
            if (p.primary()) {
                primaries++;
            }
            if (p.id() != null && !contactIds.add(p.id())) {
                throw CrmException.validation("contact.id", "contact " + p.id() + " is listed twice");
            }
        }
        if (primaries > 1) {
            throw CrmException.validation("contact.primary", "at most one contact may be primary");
        }
    }

    /** Checks an external key on its own (upsert keys, lookups). */
    public static void key(String field, CustomerDraft.Key k) {
        if (k == null || k.system() == null || !SYSTEM.matcher(k.system()).matches()) {
            throw CrmException.validation(field + ".system", "system must be 1 to 50 letters, digits, '_', '.' or '-'");
        }
        text(field + ".id", k.id(), 1, 100);
    }

    /** Checks an interaction draft. */
    public static void validate(InteractionDraft d) {
        required("type", d.type());
        text("subject", d.subject(), 1, 200);
        text("body", d.body(), 0, 10000);
        required("occurredAt", d.occurredAt());
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw CrmException.validation(field, field + " is required");
        }
    }

    private static void text(String field, String value, int min, int max) {
        if (value == null) {
            if (min > 0) {
                throw CrmException.validation(field, field + " is required");
            }
            return;
        }
        if (value.length() < min || value.length() > max) {
            throw CrmException.validation(field, field + " must have " + min + " to " + max + " characters");
        }
    }

    private static void email(String field, String value) {
        if (value != null && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
            throw CrmException.validation(field, field + " is not an e-mail address");
        }
    }

    private static void phone(String field, String value) {
        if (value != null && !PHONE.matcher(value).matches()) {
            throw CrmException.validation(field, field + " is not a phone number");
        }
    }
}
