package org.clientele.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.Page;
import org.clientele.platform.Paging;
import org.clientele.platform.Role;
import org.clientele.platform.ServerSecrets;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/** The comments of cases: adding one (the first public answer is the first response) and listing what a caller may see. */
@ApplicationScoped
public class CaseComments {
    /** Roles that see INTERNAL comments: everyone who may read cases except crm-readonly. */
    private static final Role[] STAFF = {Role.ADMIN, Role.AGENT, Role.INTEGRATION};

    @Inject
    CaseRepository repository;

    @Inject
    Cases cases;

    @Inject
    CaseSettings settings;

    @Inject
    ServerSecrets secrets;

    @Inject
    ChangeLog changeLog;

    @Transactional
    public ItemOutcome comment(Caller caller, long caseId, CaseComment.Visibility visibility, String body) {
        if (visibility == null) {
            throw CrmException.validation("visibility", "visibility is required");
        }
        CaseRules.text("body", body, 10000, true);
        SupportCase c = cases.existing(caseId, "caseId");
        c.requireNotClosed("commented", "caseId");
        SlaClock clock = settings.sla();
        Instant now = clock.now();
        CaseComment m = new CaseComment(c.getId(), visibility, body, caller.principal(), now);
        repository.add(m);
        changeLog.append(caller, EntityType.CASE_COMMENT, m.getId(), Operation.CREATED, m.getVersion(), null);
        if (visibility == CaseComment.Visibility.PUBLIC && c.answeredBy(caller.principal(), clock, now)) {
            c.touch(now, caller.principal());
            repository.flush();
            changeLog.append(caller, EntityType.CASE, c.getId(), Operation.UPDATED, c.getVersion(), null);
        }
        return ItemOutcome.applied(m.getId(), m.getVersion());
    }

    /** A comment as it is now (the response of addCaseComment, also when it is replayed). */
    @Transactional
    public CaseComment current(long commentId) {
        CaseComment m = repository.findComment(commentId);
        if (m == null) {
            throw CrmException.notFound("Comment", commentId);
        }
        return m;
    }

    @Transactional
    public Page<CaseComment> list(Caller caller, long caseId, Integer pageSize, String pageToken) {
        boolean internal = seesInternal(caller);
        // the token is bound to the case and to what the caller may see
        Paging paging = Paging.of(secrets.pageTokens(), "case-comments", caseId + "/" + (internal ? "all" : "public"), pageSize);
        cases.existing(caseId, "caseId");
        List<CaseComment> rows = repository.comments(caseId, internal, paging.afterId(pageToken), paging.rowsToRead());
        return paging.pageById(rows, CaseComment::getId);
    }

    /** Whether the caller sees INTERNAL comments (not when crm-readonly is its only case role). */
    static boolean seesInternal(Caller caller) {
        for (Role r : STAFF) {
            if (caller.roles().contains(r)) {
                return true;
            }
        }
        return false;
    }
}
