package org.clientele.platform.security;

import jakarta.xml.soap.SOAPException;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.wss4j.PolicyBasedWSS4JInInterceptor;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.w3c.dom.Element;

/**
 * Runs the full WS-Security processing of the WSDL's UsernameToken policy and requires a wsu:Timestamp.
 *
 * <p>Why it exists: CXF installs its policy-based WSS4J interceptor only for policies with a security binding.
 * Clientele's HTTP alternative is binding-less (SupportingTokens/UsernameToken with HashPassword), which CXF
 * would otherwise serve with a light interceptor that ignores wsu:Timestamp. Installed explicitly
 * (WEB-INF/jaxws-endpoint-config.xml), this interceptor asserts the policy, checks the ages of the token's
 * Created and of the Timestamp, refuses replayed nonces (remembered in the database, so on every node), and,
 * because WS-SecurityPolicy cannot demand a Timestamp without a binding, refuses messages without one.
 * WSS4J checks the password with the stored one that {@link ElytronUsernameTokenCallbackHandler} supplies.
 */
public class RequireTimestampPolicyInInterceptor extends PolicyBasedWSS4JInInterceptor {
    /** One per deployment: every endpoint and node shares the nonces through the database. */
    private static final DatabaseReplayCache NONCES = new DatabaseReplayCache();

    @Override
    public void handleMessage(SoapMessage msg) {
        // replace WSS4J's per-JVM nonce cache with the database-backed one (see DatabaseReplayCache)
        msg.put(SecurityConstants.NONCE_CACHE_INSTANCE, NONCES);
        super.handleMessage(msg);
    }

    @Override
    protected void doResults(SoapMessage msg, String actor, Element soapHeader, Element soapBody,
                             WSHandlerResult results, boolean utWithCallbacks)
            throws SOAPException, XMLStreamException, WSSecurityException {
        if (!results.getActionResults().containsKey(WSConstants.TS)) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.INVALID_SECURITY,
                    "empty", new Object[] {"A wsu:Timestamp is required in the wsse:Security header"});
        }
        super.doResults(msg, actor, soapHeader, soapBody, results, utWithCallbacks);
    }
}
