package org.clientele.customer;

import java.util.List;
import org.clientele.platform.Caller;

/**
 * Fired synchronously inside the merge transaction, after the duplicates' own children moved to the master:
 * features that hang rows off a customer (cases, campaign memberships) observe it and move theirs, appending
 * their own change-feed rows, so the merge stays all or nothing.
 */
public record CustomersMerged(Caller caller, long masterId, List<Long> duplicateIds) {
}
