package org.clientele.platform.ws;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.apache.cxf.headers.Header;
import org.apache.cxf.message.Message;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.Role;
import org.clientele.platform.security.ElytronUsernameTokenCallbackHandler;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds the {@link Caller} of a SOAP request: the user WS-Security authenticated, its Elytron roles, and the
 * optional RequestContext SOAP header (clientSystem, correlationId) that is recorded in the audit trail.
 */
public final class Callers {
    static final String COMMON_NS = "urn:clientele:crm:common:v1";
    static final QName REQUEST_CONTEXT = new QName(COMMON_NS, "RequestContext");
    private static final Pattern SYSTEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,49}");

    private Callers() {
    }

    /** The caller of the SOAP request being served. */
    public static Caller of(Message message) {
        Object name = message == null ? null : message.getExchange().get(ElytronUsernameTokenCallbackHandler.PRINCIPAL);
        Object granted = message == null ? null : message.getExchange().get(ElytronUsernameTokenCallbackHandler.ROLES);
        if (!(name instanceof String principal) || principal.isEmpty() || !(granted instanceof Set<?> roleNames)) {
            // The security policy rejects unauthenticated requests before they get here; this is a second line.
            throw new CrmException(ErrorCode.NOT_AUTHORIZED, "The request is not authenticated");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (roleNames.contains(r.roleName())) {
                roles.add(r);
            }
        }
        Element header = requestContext(message);
        String clientSystem = header == null ? null : child(header, "clientSystem");
        String correlationId = header == null ? null : child(header, "correlationId");
        String idempotencyKey = header == null ? null : child(header, "idempotencyKey");
        if (idempotencyKey != null && idempotencyKey.length() > 100) {
            throw CrmException.validation("RequestContext.idempotencyKey", "idempotencyKey must have at most 100 characters");
        }
        if (clientSystem != null && !SYSTEM.matcher(clientSystem).matches()) {
            throw CrmException.validation("RequestContext.clientSystem",
                    "clientSystem must be 1 to 50 letters, digits, '_', '.' or '-'");
        }
        if (correlationId != null && correlationId.length() > 100) {
            throw CrmException.validation("RequestContext.correlationId", "correlationId must have at most 100 characters");
        }
        return new Caller(principal, roles, clientSystem, correlationId, idempotencyKey);
    }

    private static Element requestContext(Message message) {
        Object headers = message == null ? null : message.get(Header.HEADER_LIST);
        if (!(headers instanceof List<?> list)) {
            return null;
        }
        for (Object h : list) {
            if (h instanceof Header header && REQUEST_CONTEXT.equals(header.getName())
                    && header.getObject() instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static String child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && COMMON_NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                String text = e.getTextContent().trim();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }
}
