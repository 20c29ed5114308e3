package org.clientele.platform.ws;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.cxf.binding.soap.SoapBinding;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Enforces what SOAP forbids in a message and the XML parser would let through: processing instructions (before
 * the envelope or inside it) and document type declarations (SOAP 1.1 §3, SOAP 1.2 part 1 §5). It wraps the
 * request's XML reader right after CXF creates it, so every later reader (envelope, WS-Security, JAXB) sees the
 * check. It also refuses an envelope of the other SOAP version (CXF would serve a SOAP 1.1 envelope on the SOAP 1.2
 * port) and enforces the attribute count and size limits. Every refusal is a Client/Sender fault.
 */
public class EnvelopeGuardInInterceptor extends AbstractPhaseInterceptor<Message> {

    public EnvelopeGuardInInterceptor() {
        super(Phase.POST_STREAM);
        addAfter(StaxInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader != null && !(reader instanceof Guarded)) {
            String envelopeNs = message.getExchange() != null
                    && message.getExchange().getBinding() instanceof SoapBinding b
                    ? b.getSoapVersion().getEnvelope().getNamespaceURI() : null;
            message.setContent(XMLStreamReader.class, new Guarded(reader, envelopeNs));
        }
    }

    /** Client (SOAP 1.1) / Sender (SOAP 1.2) fault: CXF maps the SOAP 1.1 code to the SOAP 1.2 one. */
    static Fault clientFault(String text) {
        Fault fault = new Fault(new IllegalArgumentException(text), Fault.FAULT_CODE_CLIENT);
        fault.setMessage(text);
        return fault;
    }

    static final class Guarded extends StreamReaderDelegate {
        /** Limits the parser settings did not enforce on this path (see WEB-INF/jaxws-endpoint-config.xml). */
        static final int MAX_ATTRIBUTES = 32;
        static final int MAX_ATTRIBUTE_LENGTH = 4096;
        private final String envelopeNs;
        private boolean rootSeen;

        Guarded(XMLStreamReader reader, String envelopeNs) {
            super(reader);
            this.envelopeNs = envelopeNs;
            checked(reader.getEventType());
        }

        @Override
        public int next() throws XMLStreamException {
            return checked(super.next());
        }

        private int checked(int event) {
            check(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!rootSeen) {
                    rootSeen = true;
                    if (envelopeNs != null && !envelopeNs.equals(getNamespaceURI())) {
                        throw clientFault("This port takes SOAP envelopes of namespace " + envelopeNs
                                + " only (the other SOAP version has its own port)");
                    }
                }
                int count = getAttributeCount();
                if (count > MAX_ATTRIBUTES) {
                    throw clientFault("An element has more than " + MAX_ATTRIBUTES + " attributes");
                }
                for (int i = 0; i < count; i++) {
                    String v = getAttributeValue(i);
                    if (v != null && v.length() > MAX_ATTRIBUTE_LENGTH) {
                        throw clientFault("An attribute value is longer than " + MAX_ATTRIBUTE_LENGTH + " characters");
                    }
                }
            }
            return event;
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while ((event == XMLStreamConstants.CHARACTERS && isWhiteSpace())
                    || (event == XMLStreamConstants.CDATA && isWhiteSpace())
                    || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw clientFault("Expected an element, found other content");
            }
            return event;
        }

        private static int check(int event) {
            switch (event) {
                case XMLStreamConstants.PROCESSING_INSTRUCTION:
                    throw clientFault("A SOAP message must not contain processing instructions");
                case XMLStreamConstants.DTD:
                case XMLStreamConstants.ENTITY_DECLARATION:
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw clientFault("A SOAP message must not contain a DTD (document type declaration) or entities");
                default:
                    return event;
            }
        }
    }
}
