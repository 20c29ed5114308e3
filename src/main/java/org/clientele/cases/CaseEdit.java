package org.clientele.cases;

/** The fields an updateCases item changes: only the non-null ones (clearDescription empties the description). */
public record CaseEdit(String subject, String description, boolean clearDescription, SupportCase.Priority priority,
                       String category) {

    /** Whether the edit changes nothing. */
    public boolean isEmpty() {
        return subject == null && description == null && !clearDescription && priority == null && category == null;
    }
}
