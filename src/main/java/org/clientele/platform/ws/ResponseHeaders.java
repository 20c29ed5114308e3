package org.clientele.platform.ws;

import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.cxf.headers.Header;
import org.apache.cxf.message.Message;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The SOAP headers Clientele adds to responses: the ResponseContext of a write sent with an idempotency key. */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    /** Adds {@code <c:ResponseContext>} with the key and whether the response is a replay. */
    static void idempotency(Message message, String key, boolean replayed) {
        try {
            Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
            String ns = Callers.COMMON_NS;
            Element header = doc.createElementNS(ns, "c:ResponseContext");
            Element k = doc.createElementNS(ns, "c:idempotencyKey");
            k.setTextContent(key);
            Element r = doc.createElementNS(ns, "c:replayed");
            r.setTextContent(Boolean.toString(replayed));
            header.appendChild(k);
            header.appendChild(r);
            Header soapHeader = new Header(new QName(ns, "ResponseContext"), header);
            soapHeader.setDirection(Header.Direction.DIRECTION_OUT);
            List<Object> headers = new ArrayList<>();
            if (message.get(Header.HEADER_LIST) instanceof List<?> existing) {
                headers.addAll(existing);
            }
            headers.add(soapHeader);
            message.put(Header.HEADER_LIST, headers);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM available", e);
        }
    }
}
