package org.clientele.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.clientele.customer.CustomerDirectory;
import org.clientele.platform.BatchExecutor;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.EarlierItems;
import org.clientele.platform.ItemOutcome;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/** The case writes: opening cases in batches, batch updates, the lifecycle moves and assignment. */
@ApplicationScoped
public class CaseWrites {

    @Inject
    CaseRepository repository;

    @Inject
    Cases cases;

    @Inject
    CaseSettings settings;

    @Inject
    CustomerDirectory customers;

    @Inject
    BatchExecutor batches;

    @Inject
    ChangeLog changeLog;

    /** An updateCases item: the case, the version the client read, and the fields to change. */
    public record Change(long id, Long expectedVersion, CaseEdit edit) {
    }

    public List<ItemOutcome> open(Caller caller, List<CaseDraft> drafts, boolean allOrNone) {
        SlaClock clock = settings.sla();
        // the batch's case numbers in one query, taken when the first item needs one (after the batch size check)
        Deque<Long> numbers = new ArrayDeque<>();
        return batches.execute("supportCase", drafts, allOrNone, d -> {
            CaseRules.validate(d);
            customers.requireLive(d.customerId(), d.contactId());
            Instant now = clock.now();
            if (numbers.isEmpty()) {
                numbers.addAll(repository.nextCaseNumbers(drafts.size()));
            }
            String number = String.format("CS-%d-%06d", now.atZone(ZoneOffset.UTC).getYear(), numbers.removeFirst());
            SupportCase c = SupportCase.open(number, d, caller.principal(), clock, now);
            repository.add(c);
            changeLog.append(caller, EntityType.CASE, c.getId(), Operation.CREATED, c.getVersion(), null);
            return ItemOutcome.applied(c.getId(), c.getVersion());
        });
    }

    public List<ItemOutcome> update(Caller caller, List<Change> changes, boolean allOrNone) {
        SlaClock clock = settings.sla();
        EarlierItems earlier = new EarlierItems(batches);
        return batches.execute("supportCase", changes, allOrNone, ch -> {
            CaseEdit e = ch.edit();
            if (e.isEmpty()) {
                throw CrmException.validation("supportCase", "Send at least one of subject, description, priority, category");
            }
            if (e.subject() != null) {
                CaseRules.text("subject", e.subject(), 200, true);
            }
            if (e.description() != null) {
                CaseRules.text("description", e.description(), 10000, false);
            }
            if (e.category() != null) {
                CaseRules.text("category", e.category(), 100, true);
            }
            SupportCase c = earlier.see(ch.id(), cases.existing(ch.id(), "id"));
            c.requireVersion(ch.expectedVersion());
            c.requireNotClosed("changed", "id");
            c.edit(e, clock);
            c.touch(clock.now(), caller.principal());
            return batches.afterFlush(() -> {
                changeLog.append(caller, EntityType.CASE, c.getId(), Operation.UPDATED, c.getVersion(), null);
                return ItemOutcome.applied(c.getId(), c.getVersion());
            });
        });
    }

    @Transactional
    public ItemOutcome changeStatus(Caller caller, long caseId, Long expectedVersion, CaseStatus target, String resolutionNote) {
        if (target == null) {
            throw CrmException.validation("status", "status is required");
        }
        SupportCase c = cases.existing(caseId, "caseId");
        c.requireVersion(expectedVersion);
        SlaClock clock = settings.sla();
        Instant now = clock.now();
        c.moveTo(target, resolutionNote, clock, now);
        c.touch(now, caller.principal());
        return cases.recorded(caller, c);
    }

    @Transactional
    public ItemOutcome assign(Caller caller, long caseId, Long expectedVersion, SupportCase.AssigneeKind kind, String name) {
        if (kind == null) {
            throw CrmException.validation("assignee.kind", "assignee kind is required");
        }
        CaseRules.text("assignee.name", name, 100, true);
        SupportCase c = cases.existing(caseId, "caseId");
        c.requireVersion(expectedVersion);
        c.assign(kind, name);
        c.touch(settings.sla().now(), caller.principal());
        return cases.recorded(caller, c);
    }
}
