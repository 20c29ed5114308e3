package org.clientele.cases;

/** The data of a case to open, as the client sent it (checked by {@link CaseRules}). */
public record CaseDraft(Long customerId, Long contactId, String subject, String description, SupportCase.Priority priority,
                        SupportCase.Channel channel, String category, String externalReference) {
}
