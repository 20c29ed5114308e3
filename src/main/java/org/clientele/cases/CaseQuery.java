package org.clientele.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The filters of findCases; {@link #canonical()} binds page tokens to them. */
public record CaseQuery(Long customerId, List<CaseStatus> statuses, List<SupportCase.Priority> priorities,
                        SupportCase.AssigneeKind assigneeKind, String assigneeName, String category, Boolean overdue,
                        Instant openedFrom, Instant openedTo, Instant updatedFrom, Instant updatedTo) {

    public CaseQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
    }

    /** A stable text of the filters (overdue is evaluated at each page's own time). */
    public String canonical() {
        return String.join("\u0001", Objects.toString(customerId, ""),
                statuses.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                priorities.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                Objects.toString(assigneeKind, ""), Objects.toString(assigneeName, ""), Objects.toString(category, ""),
                Objects.toString(overdue, ""), Objects.toString(openedFrom, ""), Objects.toString(openedTo, ""),
                Objects.toString(updatedFrom, ""), Objects.toString(updatedTo, ""));
    }
}
