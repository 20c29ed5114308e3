package org.clientele.platform.ws;

import java.util.Set;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.interceptors.WebFaultOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Gives every CrmFault the SOAP fault code SOAP prescribes: the caller's mistakes (VALIDATION, NOT_FOUND, CONCURRENCY,
 * NOT_AUTHORIZED, LIMIT_EXCEEDED, IDEMPOTENCY_CONFLICT, INVALID_STATE, CURSOR_EXPIRED) are {@code Client} (SOAP 1.1) /
 * {@code Sender} (SOAP 1.2); the server's own trouble (INTERNAL, UNAVAILABLE) stays {@code Server} / {@code Receiver}.
 * It reads the CrmFault detail, so typed faults and schema violations are treated alike.
 */
public class FaultCodeOutInterceptor extends AbstractPhaseInterceptor<Message> {
    private static final Set<String> SERVER_CODES = Set.of("INTERNAL", "UNAVAILABLE");

    public FaultCodeOutInterceptor() {
        super(Phase.PRE_PROTOCOL);
        addAfter(WebFaultOutInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault) || !fault.hasDetails()) {
            return;
        }
        String code = crmFaultCode(fault.getDetail());
        if (code != null) {
            fault.setFaultCode(SERVER_CODES.contains(code) ? Fault.FAULT_CODE_SERVER : Fault.FAULT_CODE_CLIENT);
        }
    }

    private static String crmFaultCode(Element detail) {
        for (Node n = detail.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && Callers.COMMON_NS.equals(e.getNamespaceURI()) && "CrmFault".equals(e.getLocalName())) {
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element f && "code".equals(f.getLocalName())) {
                        return f.getTextContent().trim();
                    }
                }
            }
        }
        return null;
    }
}
