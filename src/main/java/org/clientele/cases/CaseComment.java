package org.clientele.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A comment on a case, PUBLIC or INTERNAL (staff only); the author is the principal that wrote it. */
@Entity
@Table(name = "case_comment")
public class CaseComment {

    /** Who may read the comment. */
    public enum Visibility { PUBLIC, INTERNAL }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_comment_seq")
    @SequenceGenerator(name = "case_comment_seq", sequenceName = "case_comment_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Visibility visibility;

    @Column(nullable = false, length = 10000)
    private String body;

    @Column(nullable = false, length = 100)
    private String author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CaseComment() {
    }

    public CaseComment(long caseId, Visibility visibility, String body, String author, Instant createdAt) {
        this.caseId = caseId;
        this.visibility = visibility;
        this.body = body;
        this.author = author;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public long getCaseId() { return caseId; }
    public Visibility getVisibility() { return visibility; }
    public String getBody() { return body; }
    public String getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
}
