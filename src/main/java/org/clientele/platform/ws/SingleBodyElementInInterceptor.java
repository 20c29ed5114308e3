package org.clientele.platform.ws;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Every Clientele operation takes exactly one element in the SOAP Body. CXF reads the first and would silently
 * ignore any that follow; this interceptor, run after the first was read and before the operation is invoked,
 * refuses a request with more (a Client/Sender fault), so what runs is never ambiguous.
 */
public class SingleBodyElementInInterceptor extends AbstractPhaseInterceptor<Message> {

    public SingleBodyElementInInterceptor() {
        super(Phase.UNMARSHAL);
        addAfter("org.apache.cxf.wsdl.interceptors.DocLiteralInInterceptor");
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader == null) {
            return;
        }
        try {
            int event = reader.getEventType();
            while (true) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    throw EnvelopeGuardInInterceptor.clientFault(
                            "The SOAP Body must hold exactly one element, the operation's request");
                }
                if (event == XMLStreamConstants.END_DOCUMENT || (event == XMLStreamConstants.END_ELEMENT
                        && "Body".equals(reader.getLocalName()) && isEnvelopeNamespace(reader.getNamespaceURI()))
                        || !reader.hasNext()) {
                    return;
                }
                event = reader.next();
            }
        } catch (XMLStreamException e) {
            throw EnvelopeGuardInInterceptor.clientFault("The request is not well-formed XML");
        }
    }

    private static boolean isEnvelopeNamespace(String ns) {
        return "http://schemas.xmlsoap.org/soap/envelope/".equals(ns) || "http://www.w3.org/2003/05/soap-envelope".equals(ns);
    }
}
