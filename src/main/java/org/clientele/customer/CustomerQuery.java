package org.clientele.customer;

import java.time.Instant;

/** The filters of findCustomers; the canonical form binds page tokens to them. */
public record CustomerQuery(String nameContains, String email, String phone, Customer.Status status, String segment,
                            Instant modifiedSince, boolean includeDeleted) {

    /** A stable text form of the filters, so that a page token cannot be reused with other filters. */
    public String canonical() {
        return String.join("\u0001", String.valueOf(nameContains), String.valueOf(email), String.valueOf(phone),
                String.valueOf(status), String.valueOf(segment), String.valueOf(modifiedSince),
                String.valueOf(includeDeleted));
    }
}
