package org.clientele.customer;

import java.util.List;
import org.clientele.platform.Caller;

/**
 * Fired synchronously inside the write's transaction when an update or upsert is about to remove contacts of a
 * customer, before the contacts are removed: features that reference contacts (campaign memberships) observe it and move their rows off
 * those contacts, appending their own change-feed rows, so the removal never fails on a reference or loses data.
 */
public record ContactsRemoved(Caller caller, long customerId, List<Long> contactIds) {
}
