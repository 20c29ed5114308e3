package org.clientele.customer;

import java.time.Instant;

/** An interaction as a client sends it. */
public record InteractionDraft(long customerId, Long contactId, Interaction.Type type, Interaction.Direction direction,
                               String subject, String body, Instant occurredAt) {
}
