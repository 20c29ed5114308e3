package org.clientele.platform.security;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.soap.SOAPPart;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.saaj.SAAJInInterceptor;
import org.apache.cxf.binding.soap.saaj.SAAJStreamWriter;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.wss4j.PolicyBasedWSS4JInInterceptor;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

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
 *
 * <p>Header only: WSS4J's DOM engine works on a SAAJ copy of the envelope, and CXF would copy the whole request, body
 * included, into it and then read the body back from that copy. A UsernameToken and a Timestamp sign and encrypt
 * nothing: everything WSS4J and the policy checks need is in the wsse:Security header, which CXF has already read
 * into a DOM. So WSS4J gets a SAAJ message of the envelope and its headers only, and the body stays the request's own
 * stream, read once by JAXB (with schema validation). A 200-customer batch is no longer built as a DOM tree, and MTOM
 * attachments stay streamed. (The X.509 ports, whose signatures and encryption cover the body, keep the full copy.)
 */
public class RequireTimestampPolicyInInterceptor extends PolicyBasedWSS4JInInterceptor {
    /** One per deployment: every endpoint and node shares the nonces through the database. */
    private static final DatabaseReplayCache NONCES = new DatabaseReplayCache();
    /**
     * The message key by which CXF's SAAJInInterceptor knows that the SAAJ body is filled in (its private constant
     * BODY_FILLED_IN; RequireTimestampPolicyInInterceptorTest fails when a CXF upgrade renames it).
     */
    static final String BODY_FILLED_IN = SAAJInInterceptor.class.getName() + ".BODY_DONE";

    @Override
    public void handleMessage(SoapMessage msg) {
        // replace WSS4J's per-JVM nonce cache with the database-backed one (see DatabaseReplayCache)
        msg.put(SecurityConstants.NONCE_CACHE_INSTANCE, NONCES);
        headersOnly(msg);
        super.handleMessage(msg);
    }

    /**
     * Gives WSS4J a SAAJ message holding the envelope and the headers CXF has read, and marks its body as filled in,
     * so that CXF's SAAJ interceptor does not copy the body into it.
     */
    static void headersOnly(SoapMessage msg) {
        if (msg.containsKey(BODY_FILLED_IN)) {
            return;
        }
        try {
            SOAPMessage saaj = msg.getContent(SOAPMessage.class);
            if (saaj == null) {
                saaj = SAAJInInterceptor.SAAJPreInInterceptor.INSTANCE.getFactory(msg).createMessage();
                msg.setContent(SOAPMessage.class, saaj);
            }
            SOAPPart part = saaj.getSOAPPart();
            Node read = msg.getContent(Node.class);
            if (read instanceof Document headers && read != part) {
                StaxUtils.copy(headers, new SAAJStreamWriter(part));
            }
            msg.setContent(Node.class, part);
            msg.put(BODY_FILLED_IN, Boolean.TRUE);
        } catch (SOAPException | XMLStreamException e) {
            throw new Fault(e);
        }
    }

    /** The body was never copied: the request's own reader stays where CXF left it, after the headers. */
    @Override
    protected void advanceBody(SoapMessage msg, Node body) {
        // nothing to advance
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
