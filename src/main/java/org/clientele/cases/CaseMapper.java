package org.clientele.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.clientele.platform.CrmException;
import org.clientele.ws.cases.Assignee;
import org.clientele.ws.cases.AttachmentInfo;
import org.clientele.ws.cases.CaseChange;
import org.clientele.ws.cases.CaseData;
import org.clientele.ws.cases.Comment;
import org.clientele.ws.cases.FindCases;
import org.clientele.ws.cases.Sla;

/** Maps between the case wire types (JAXB) and the domain (drafts, queries and entities). */
public final class CaseMapper {

    private CaseMapper() {
    }

    // ----- wire -> domain -----

    public static CaseDraft draft(CaseData d) {
        if (d == null) {
            throw CrmException.validation("data", "data is required");
        }
        return new CaseDraft(d.getCustomerId(), d.getContactId(), d.getSubject(), blankToNull(d.getDescription()),
                d.getPriority() == null ? null : SupportCase.Priority.valueOf(d.getPriority().name()),
                d.getChannel() == null ? null : SupportCase.Channel.valueOf(d.getChannel().name()),
                d.getCategory(), blankToNull(d.getExternalReference()));
    }

    public static CaseWrites.Change change(CaseChange c) {
        boolean clear = c.getDescription() != null && c.getDescription().isBlank();
        return new CaseWrites.Change(c.getId(), c.getExpectedVersion(), new CaseEdit(c.getSubject(),
                blankToNull(c.getDescription()), clear,
                c.getPriority() == null ? null : SupportCase.Priority.valueOf(c.getPriority().name()), c.getCategory()));
    }

    public static CaseQuery query(FindCases f) {
        Assignee a = f.getAssignee();
        return new CaseQuery(f.getCustomerId(),
                f.getStatus().stream().map(s -> CaseStatus.valueOf(s.name())).distinct().toList(),
                f.getPriority().stream().map(p -> SupportCase.Priority.valueOf(p.name())).distinct().toList(),
                a == null || a.getKind() == null ? null : SupportCase.AssigneeKind.valueOf(a.getKind().name()),
                a == null ? null : a.getName(), f.getCategory(), f.isOverdue(),
                instant(f.getOpenedFrom()), instant(f.getOpenedTo()), instant(f.getUpdatedFrom()), instant(f.getUpdatedTo()));
    }

    // ----- domain -> wire -----

    public static org.clientele.ws.cases.SupportCase toWire(CaseReads.View v) {
        SupportCase c = v.c();
        org.clientele.ws.cases.SupportCase w = new org.clientele.ws.cases.SupportCase();
        w.setId(c.getId());
        w.setVersion(c.getVersion());
        w.setNumber(c.getNumber());
        CaseData d = new CaseData();
        d.setCustomerId(c.getCustomerId());
        d.setContactId(c.getContactId());
        d.setSubject(c.getSubject());
        d.setDescription(c.getDescription());
        d.setPriority(org.clientele.ws.cases.Priority.valueOf(c.getPriority().name()));
        d.setChannel(org.clientele.ws.cases.Channel.valueOf(c.getChannel().name()));
        d.setCategory(c.getCategory());
        d.setExternalReference(c.getExternalReference());
        w.setData(d);
        w.setStatus(org.clientele.ws.cases.CaseStatus.valueOf(c.getStatus().name()));
        if (c.getAssigneeKind() != null) {
            Assignee a = new Assignee();
            a.setKind(org.clientele.ws.cases.AssigneeKind.valueOf(c.getAssigneeKind().name()));
            a.setName(c.getAssigneeName());
            w.setAssignee(a);
        }
        w.setResolutionNote(c.getResolutionNote());
        Sla s = new Sla();
        s.setFirstResponseDueAt(time(c.getFirstResponseDueAt()));
        s.setResolutionDueAt(time(c.getResolutionDueAt()));
        s.setFirstRespondedAt(time(c.getFirstRespondedAt()));
        s.setResolvedAt(time(c.getResolvedAt()));
        s.setClockRunning(c.getStatus().clockRuns());
        s.setOverdue(v.overdue());
        w.setSla(s);
        v.attachments().forEach(a -> w.getAttachment().add(toWire(a)));
        w.setOpenedBy(c.getOpenedBy());
        w.setOpenedAt(time(c.getOpenedAt()));
        w.setUpdatedAt(time(c.getUpdatedAt()));
        w.setClosedAt(time(c.getClosedAt()));
        return w;
    }

    public static Comment toWire(CaseComment m) {
        Comment w = new Comment();
        w.setId(m.getId());
        w.setVersion(m.getVersion());
        w.setCaseId(m.getCaseId());
        w.setVisibility(org.clientele.ws.cases.Visibility.valueOf(m.getVisibility().name()));
        w.setBody(m.getBody());
        w.setAuthor(m.getAuthor());
        w.setCreatedAt(time(m.getCreatedAt()));
        return w;
    }

    public static AttachmentInfo toWire(CaseAttachment a) {
        AttachmentInfo w = new AttachmentInfo();
        w.setId(a.getId());
        w.setVersion(a.getVersion());
        w.setCaseId(a.getCaseId());
        w.setFileName(a.getFileName());
        w.setMediaType(a.getMediaType());
        w.setSize(a.getSize());
        w.setSha256(a.getSha256());
        w.setAddedBy(a.getAddedBy());
        w.setAddedAt(time(a.getAddedAt()));
        return w;
    }

    static OffsetDateTime time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
