package org.clientele.platform.ws;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Enforces what SOAP forbids in a message and the XML parser would let through: processing instructions (before
 * the envelope or inside it) and document type declarations (SOAP 1.1 §3, SOAP 1.2 part 1 §5). It wraps the
 * request's XML reader right after CXF creates it, so every later reader (envelope, WS-Security, JAXB) sees the
 * check; the refusal is a Client/Sender fault.
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
            message.setContent(XMLStreamReader.class, new Guarded(reader));
        }
    }

    /** Client (SOAP 1.1) / Sender (SOAP 1.2) fault: CXF maps the SOAP 1.1 code to the SOAP 1.2 one. */
    static Fault clientFault(String text) {
        Fault fault = new Fault(new IllegalArgumentException(text), Fault.FAULT_CODE_CLIENT);
        fault.setMessage(text);
        return fault;
    }

    static final class Guarded extends StreamReaderDelegate {
        Guarded(XMLStreamReader reader) {
            super(reader);
            check(reader.getEventType());
        }

        @Override
        public int next() throws XMLStreamException {
            return check(super.next());
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
                    throw clientFault("A SOAP message must not contain a document type declaration or entities");
                default:
                    return event;
            }
        }
    }
}
