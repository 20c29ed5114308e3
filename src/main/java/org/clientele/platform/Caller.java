package org.clientele.platform;

import java.util.EnumSet;
import java.util.Set;

/** Who is calling: the authenticated principal, its roles and the optional request context it sent. */
public record Caller(String principal, Set<Role> roles, String clientSystem, String correlationId, String idempotencyKey) {

    public Caller(String principal, Set<Role> roles, String clientSystem, String correlationId) {
        this(principal, roles, clientSystem, correlationId, null);
    }

    public Caller {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** Fails with NOT_AUTHORIZED unless the caller is crm-admin or holds one of the allowed roles. */
    public void require(String operation, Role... allowed) {
        if (roles.contains(Role.ADMIN)) {
            return;
        }
        for (Role r : allowed) {
            if (roles.contains(r)) {
                return;
            }
        }
        throw new CrmException(ErrorCode.NOT_AUTHORIZED,
                "User " + principal + " may not call " + operation);
    }
}
