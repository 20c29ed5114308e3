package org.clientele.platform;

import jakarta.enterprise.context.RequestScoped;

/** The idempotency claim of the SOAP request being served, if it carried an idempotencyKey. */
@RequestScoped
public class IdempotencyContext {
    private Idempotency.Claim claim;
    private boolean recorded;

    void begin(Idempotency.Claim c) {
        this.claim = c;
        this.recorded = false;
    }

    Idempotency.Claim claim() {
        return claim;
    }

    boolean recorded() {
        return recorded;
    }

    void markRecorded() {
        recorded = true;
    }

    void end() {
        claim = null;
        recorded = false;
    }
}
