package org.clientele.cases;

import org.clientele.platform.CrmException;

/**
 * The input rules of cases, checked again in the service whatever the schema validation let through (lengths,
 * required fields, non-blank texts), so that every client gets the same VALIDATION errors.
 */
public final class CaseRules {

    private CaseRules() {
    }

    public static void validate(CaseDraft d) {
        if (d.customerId() == null) {
            throw CrmException.validation("customerId", "customerId is required");
        }
        text("subject", d.subject(), 200, true);
        text("description", d.description(), 10000, false);
        if (d.priority() == null) {
            throw CrmException.validation("priority", "priority is required");
        }
        if (d.channel() == null) {
            throw CrmException.validation("channel", "channel is required");
        }
        text("category", d.category(), 100, true);
        text("externalReference", d.externalReference(), 100, false);
    }

    /** A text field: required ones must not be blank; none may be longer than max. */
    public static void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw CrmException.validation(field, field + " is required and must not be blank");
            }
            return;
        }
        if (value.length() > max) {
            throw CrmException.validation(field, field + " must have at most " + max + " characters");
        }
    }
}
