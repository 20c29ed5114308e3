package org.clientele.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.Limits;
import org.clientele.platform.Page;
import org.clientele.platform.Paging;
import org.clientele.platform.ServerSecrets;

/** The case reads: lookups by id or number, search, and cases as they are now with attachments and overdue flag. */
@ApplicationScoped
public class CaseReads {

    @Inject
    CaseRepository repository;

    @Inject
    Cases cases;

    @Inject
    CaseSettings settings;

    @Inject
    ServerSecrets secrets;

    /** The outcome of one getCases lookup: the case, or null when not found. */
    public record Lookup(Long id, String number, SupportCase found) {
    }

    /** A case with the metadata of its attachments. */
    public record View(SupportCase c, List<CaseAttachment> attachments, boolean overdue) {
    }

    @Transactional
    public List<Lookup> get(Caller caller, List<Long> ids, List<String> numbers) {
        int n = ids.size() + numbers.size();
        if (n == 0) {
            throw CrmException.validation("id", "Give at least one id or number");
        }
        if (n > Limits.MAX_BATCH_ITEMS) {
            throw new CrmException(ErrorCode.LIMIT_EXCEEDED,
                    "At most " + Limits.MAX_BATCH_ITEMS + " ids and numbers per call; got " + n, "id");
        }
        Map<Long, SupportCase> byId = repository.findAll(ids);
        Map<String, SupportCase> byNumber = repository.findByNumbers(numbers);
        List<Lookup> result = new ArrayList<>(n);
        ids.forEach(id -> result.add(new Lookup(id, null, byId.get(id))));
        numbers.forEach(num -> result.add(new Lookup(null, num, byNumber.get(num))));
        return result;
    }

    /** The cases with their attachment metadata and overdue flag, as of now. */
    @Transactional
    public List<View> views(List<SupportCase> found) {
        Instant now = settings.sla().now();
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        found.forEach(c -> ids.add(c.getId()));
        Map<Long, List<CaseAttachment>> attachments = repository.attachmentsOf(ids);
        return found.stream().map(c -> new View(c, attachments.getOrDefault(c.getId(), List.of()),
                SlaClock.overdue(c, now))).toList();
    }

    /** The cases with the given ids as they are now, keyed by id (missing ids are left out). */
    @Transactional
    public Map<Long, View> viewsOf(List<Long> ids) {
        Map<Long, SupportCase> found = repository.findAll(ids);
        Map<Long, View> result = new HashMap<>();
        views(new ArrayList<>(found.values())).forEach(v -> result.put(v.c().getId(), v));
        return result;
    }

    /** A case as it is now (the response of single-case writes, also when they are replayed). */
    @Transactional
    public View current(long caseId) {
        return views(List.of(cases.existing(caseId, "caseId"))).get(0);
    }

    @Transactional
    public Page<View> find(Caller caller, CaseQuery query, Integer pageSize, String pageToken) {
        if ((query.assigneeKind() == null) != (query.assigneeName() == null)) {
            throw CrmException.validation("assignee", "An assignee filter needs kind and name");
        }
        Paging paging = Paging.of(secrets.pageTokens(), "cases", query.canonical(), pageSize);
        List<SupportCase> rows = repository.find(query, settings.sla().now(), paging.afterId(pageToken), paging.rowsToRead());
        return paging.pageById(rows, SupportCase::getId).map(this::views);
    }
}
