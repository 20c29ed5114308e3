package org.clientele.platform.ws;

import java.util.EnumSet;
import java.util.Set;
import org.clientele.platform.Role;

/**
 * One operation of the API as the SOAP edge sees it: its contract name, whether it writes (writes are audited and
 * honour idempotency keys), and the roles that may call it besides crm-admin. Each feature declares its operations
 * once, as a table of constants next to its endpoint.
 */
public record Operation(String name, boolean writes, Set<Role> roles) {

    public Operation {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** A read-only operation callable by crm-admin and the given roles. */
    public static Operation read(String name, Role... roles) {
        return new Operation(name, false, Set.of(roles));
    }

    /** A writing operation callable by crm-admin and the given roles. */
    public static Operation write(String name, Role... roles) {
        return new Operation(name, true, Set.of(roles));
    }
}
