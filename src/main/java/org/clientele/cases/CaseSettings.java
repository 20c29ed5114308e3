package org.clientele.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * The configuration of cases: the SLA clock (targets from {@code clientele.sla.*}) and the attachment size limit,
 * read and checked when the application starts, so a typo fails the deployment.
 */
@ApplicationScoped
public class CaseSettings {
    private static final Logger LOG = Logger.getLogger(CaseSettings.class.getName());

    private volatile SlaClock sla;
    private volatile long maxAttachmentBytes;

    /** Reads and checks the settings when the application starts. */
    public void validateConfiguration(@Observes @Initialized(ApplicationScoped.class) Object started) {
        configure();
        LOG.info("Case SLA targets (first response/resolution): " + SlaPolicy.fromSystemProperties()
                + "; attachment limit " + maxAttachmentBytes + " bytes");
    }

    private void configure() {
        if (sla == null) {
            sla = new SlaClock(SlaPolicy.fromSystemProperties(), Clock.systemUTC());
            maxAttachmentBytes = BoundedContent.maxBytes();
        }
    }

    /** The SLA clock of cases. */
    public SlaClock sla() {
        configure();
        return sla;
    }

    /** The attachment size limit in bytes. */
    public long maxAttachmentBytes() {
        configure();
        return maxAttachmentBytes;
    }
}
