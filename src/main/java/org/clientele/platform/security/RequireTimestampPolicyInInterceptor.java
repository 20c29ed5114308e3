package org.clientele.platform.security;

import jakarta.xml.soap.SOAPException;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapMessage;
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
 * would otherwise serve with a light interceptor that ignores wsu:Timestamp and, with password checking
 * delegated to Elytron, skips the nonce replay cache. Installed explicitly (WEB-INF/jaxws-endpoint-config.xml),
 * this interceptor asserts the policy, keeps the nonce replay cache on, checks the ages of the token's
 * Created and of the Timestamp, and, because WS-SecurityPolicy cannot demand a Timestamp without a binding,
 * refuses messages without one. The password itself is verified against Elytron by JBossWS'
 * SubjectCreatingPolicyInterceptor, which runs next.
 */
public class RequireTimestampPolicyInInterceptor extends PolicyBasedWSS4JInInterceptor {

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
