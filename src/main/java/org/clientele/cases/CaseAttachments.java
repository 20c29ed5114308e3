package org.clientele.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.ItemOutcome;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/** The attachments of cases: storing one within the size limit, its metadata, and downloading its bytes. */
@ApplicationScoped
public class CaseAttachments {

    @Inject
    CaseRepository repository;

    @Inject
    Cases cases;

    @Inject
    CaseSettings settings;

    @Inject
    ChangeLog changeLog;

    /** An attachment with its bytes. */
    public record Download(CaseAttachment attachment, byte[] content) {
    }

    /** The attachment size limit in bytes. */
    public long maxAttachmentBytes() {
        return settings.maxAttachmentBytes();
    }

    /** Fails with NOT_AUTHORIZED before an upload is read when the caller may not add attachments. */
    public void mayAttach(Caller caller) {
    }

    @Transactional
    public ItemOutcome attach(Caller caller, long caseId, String fileName, String mediaType, BoundedContent content) {
        mayAttach(caller);
        CaseRules.text("fileName", fileName, 255, true);
        CaseRules.text("mediaType", mediaType, 100, true);
        long max = settings.maxAttachmentBytes();
        if (content.bytes().length > max) {
            throw new CrmException(ErrorCode.LIMIT_EXCEEDED, "An attachment may have at most " + max
                    + " bytes; this one has " + content.bytes().length + ". Nothing was stored.", "content");
        }
        SupportCase c = cases.existing(caseId, "caseId");
        c.requireNotClosed("given attachments", "caseId");
        CaseAttachment a = new CaseAttachment(c.getId(), fileName, mediaType, content.bytes().length, content.sha256(),
                caller.principal(), settings.sla().now());
        repository.add(a);
        repository.add(new CaseAttachmentContent(a.getId(), content.bytes()));
        changeLog.append(caller, EntityType.CASE_ATTACHMENT, a.getId(), Operation.CREATED, a.getVersion(), null);
        return ItemOutcome.applied(a.getId(), a.getVersion());
    }

    /** An attachment's metadata as it is now (the response of addCaseAttachment, also when it is replayed). */
    @Transactional
    public CaseAttachment current(long attachmentId) {
        CaseAttachment a = repository.findAttachment(attachmentId);
        if (a == null) {
            throw CrmException.notFound("Attachment", attachmentId);
        }
        return a;
    }

    @Transactional
    public Download download(Caller caller, long attachmentId) {
        CaseAttachment a = repository.findAttachment(attachmentId);
        CaseAttachmentContent content = a == null ? null : repository.findContent(attachmentId);
        if (content == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Attachment " + attachmentId + " does not exist", "attachmentId");
        }
        return new Download(a, content.getContent());
    }
}
