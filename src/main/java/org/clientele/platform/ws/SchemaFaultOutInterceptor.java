package org.clientele.platform.ws;

import jakarta.xml.bind.UnmarshalException;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Gives a request that breaks the contract's schema the same typed fault as every other bad input: a
 * CrmFault detail with code VALIDATION, so generated clients get their CrmFault exception instead of an
 * untyped SOAP fault. Faults that already carry a detail (CrmFault, WS-Security) are left as they are.
 */
public class SchemaFaultOutInterceptor extends AbstractPhaseInterceptor<Message> {
    private static final String NS = "urn:clientele:crm:common:v1";

    public SchemaFaultOutInterceptor() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault) || fault.hasDetails() || !isSchemaViolation(fault)) {
            return;
        }
        Element detail = fault.getOrCreateDetail();
        Document doc = detail.getOwnerDocument();
        Element crmFault = doc.createElementNS(NS, "c:CrmFault");
        crmFault.appendChild(text(doc, "code", "VALIDATION"));
        crmFault.appendChild(text(doc, "message", fault.getMessage()));
        crmFault.appendChild(text(doc, "retryable", "false"));
        detail.appendChild(crmFault);
    }

    private static boolean isSchemaViolation(Fault fault) {
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof UnmarshalException) {
                return true;
            }
        }
        String m = fault.getMessage();
        return m != null && m.startsWith("Unmarshalling Error");
    }

    private static Element text(Document doc, String name, String value) {
        Element e = doc.createElementNS(NS, "c:" + name);
        e.setTextContent(value == null ? "" : value);
        return e;
    }
}
