package org.clientele.platform.security;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.credential.PasswordCredential;
import org.wildfly.security.password.interfaces.ClearPassword;

/**
 * Supplies WSS4J with the stored password of a UsernameToken's user, read from the deployment's Elytron
 * security domain, so that WSS4J itself verifies the PasswordDigest (or, over HTTPS, PasswordText); the
 * identity's roles (attribute "Roles") are handed to the endpoint through the CXF exchange.
 *
 * <p>Why not JBossWS' SubjectCreatingPolicyInterceptor: it obtains the realm identity and never disposes it,
 * so the filesystem realm keeps a lock on every user who has logged in, and changing such a user's password
 * or roles through the management API blocks until the server restarts. Here the identity is always disposed.
 * No password is held beyond the call.
 */
public class ElytronUsernameTokenCallbackHandler implements CallbackHandler {
    /** Exchange key of the authenticated user's roles (a {@code Set<String>}). */
    public static final String ROLES = "org.clientele.security.roles";
    /** Exchange key of the authenticated user's name. */
    public static final String PRINCIPAL = "org.clientele.security.principal";
    static final String ROLES_ATTRIBUTE = "Roles";

    @Override
    public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (!(callback instanceof WSPasswordCallback pc)) {
                throw new UnsupportedCallbackException(callback);
            }
            if (pc.getUsage() != WSPasswordCallback.USERNAME_TOKEN) {
                throw new UnsupportedCallbackException(callback, "only UsernameToken passwords are supplied");
            }
            supply(pc);
        }
    }

    private static void supply(WSPasswordCallback pc) throws IOException {
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (domain == null) {
            throw new IOException("no Elytron security domain is associated with this deployment");
        }
        RealmIdentity identity = domain.getIdentity(pc.getIdentifier());
        try {
            if (!identity.exists()) {
                return; // no password: WSS4J refuses the token
            }
            PasswordCredential credential = identity.getCredential(PasswordCredential.class);
            ClearPassword clear = credential == null ? null : credential.getPassword(ClearPassword.class);
            if (clear == null) {
                return; // only recoverable (clear) passwords can verify a PasswordDigest
            }
            pc.setPassword(new String(clear.getPassword()));
            Set<String> roles = new HashSet<>(identity.getAuthorizationIdentity().getAttributes().get(ROLES_ATTRIBUTE));
            Message message = PhaseInterceptorChain.getCurrentMessage();
            if (message != null && message.getExchange() != null) {
                message.getExchange().put(PRINCIPAL, pc.getIdentifier());
                message.getExchange().put(ROLES, roles);
            }
        } finally {
            identity.dispose();
        }
    }
}
