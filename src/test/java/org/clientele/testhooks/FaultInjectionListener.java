package org.clientele.testhooks;

import org.clientele.customer.Customer;
import org.clientele.platform.AuditEntry;

/**
 * Test deployment only: a default JPA entity listener (WEB-INF/classes/META-INF/orm.xml of the "it" WAR) that lets
 * an integration test provoke what cannot be provoked from outside. Creating a customer named
 * <ul>
 *   <li>{@value #FAIL_PREFIX}... fails with an unexpected exception whose message looks like leaked internals
 *       (a class name and SQL), so a test can check the client gets INTERNAL and none of it;</li>
 *   <li>{@value #HOLD_PREFIX}&lt;token&gt; holds the writing request at a barrier until the test releases the
 *       token through {@link HookServlet} (at most {@link Barriers#MAX_HOLD}).</li>
 *   <li>and an audit row whose correlation id starts with {@value #FAIL_AUDIT_PREFIX} cannot be stored, so a test can
 *       check that a write whose audit row fails is not committed either.</li>
 * </ul>
 */
public class FaultInjectionListener {
    public static final String FAIL_PREFIX = "it-hook:fail:";
    public static final String HOLD_PREFIX = "it-hook:hold:";
    /** The audit row of a call whose RequestContext correlationId starts with this cannot be stored. */
    public static final String FAIL_AUDIT_PREFIX = "it-hook:fail-audit:";
    /** What the injected failure says: a client must see none of it. */
    public static final String LEAK = "org.clientele.testhooks.InjectedFailure: SELECT secret FROM customer WHERE id = 1";

    public void prePersist(Object entity) {
        if (entity instanceof AuditEntry audit && audit.correlationId() != null
                && audit.correlationId().startsWith(FAIL_AUDIT_PREFIX)) {
            throw new IllegalStateException("the audit trail refused the row");
        }
        if (entity instanceof Customer customer && customer.getName() != null) {
            String name = customer.getName();
            if (name.startsWith(FAIL_PREFIX)) {
                throw new IllegalStateException(LEAK);
            }
            if (name.startsWith(HOLD_PREFIX)) {
                Barriers.hold(name.substring(HOLD_PREFIX.length()));
            }
        }
    }
}
