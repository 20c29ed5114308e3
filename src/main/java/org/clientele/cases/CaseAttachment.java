package org.clientele.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The metadata of a file attached to a case; its bytes are a {@link CaseAttachmentContent}, loaded only on request. */
@Entity
@Table(name = "case_attachment")
public class CaseAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_attachment_seq")
    @SequenceGenerator(name = "case_attachment_seq", sequenceName = "case_attachment_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "media_type", nullable = false, length = 100)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "added_by", nullable = false, length = 100)
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected CaseAttachment() {
    }

    public CaseAttachment(long caseId, String fileName, String mediaType, long size, String sha256, String addedBy, Instant addedAt) {
        this.caseId = caseId;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = size;
        this.sha256 = sha256;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public long getCaseId() { return caseId; }
    public String getFileName() { return fileName; }
    public String getMediaType() { return mediaType; }
    public long getSize() { return size; }
    public String getSha256() { return sha256; }
    public String getAddedBy() { return addedBy; }
    public Instant getAddedAt() { return addedAt; }
}
