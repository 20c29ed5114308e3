package org.clientele.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The bytes of one attachment, in a table of their own so that reading cases and attachment metadata never loads
 * them. Mapped as a plain binary column (VARBINARY on H2, bytea on PostgreSQL), not a LOB: PostgreSQL would
 * otherwise keep them as large objects behind an oid that deleting the row does not remove.
 */
@Entity
@Table(name = "case_attachment_content")
public class CaseAttachmentContent {

    @Id
    @Column(name = "attachment_id")
    private Long attachmentId;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "content", nullable = false)
    private byte[] content;

    protected CaseAttachmentContent() {
    }

    public CaseAttachmentContent(long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content;
    }

    public Long getAttachmentId() { return attachmentId; }
    public long getVersion() { return version; }
    public byte[] getContent() { return content; }
}
