package org.clientele.platform.ws;

import jakarta.xml.ws.WebServiceContext;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.Role;

/** Builds the {@link Caller} of a SOAP request from the identity WS-Security established. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(WebServiceContext context) {
        Principal principal = context.getUserPrincipal();
        if (principal == null || principal.getName() == null || principal.getName().isEmpty()) {
            // The security policy rejects unauthenticated requests before they get here; this is a second line.
            throw new CrmException(ErrorCode.NOT_AUTHORIZED, "The request is not authenticated");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (context.isUserInRole(r.roleName())) {
                roles.add(r);
            }
        }
        return new Caller(principal.getName(), roles, null, null);
    }
}
