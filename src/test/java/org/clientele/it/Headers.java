package org.clientele.it;

import jakarta.xml.ws.BindingProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.headers.Header;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The optional RequestContext header on a port, and the ResponseContext header of its last response. */
final class Headers {
    static final String NS = "urn:clientele:crm:common:v1";

    private Headers() {
    }

    /** Sends a RequestContext with the given parts (null: left out) with every call of the port. */
    static <T> T requestContext(T port, String idempotencyKey, String clientSystem, String correlationId) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element context = doc.createElementNS(NS, "c:RequestContext");
        add(context, "idempotencyKey", idempotencyKey);
        add(context, "clientSystem", clientSystem);
        add(context, "correlationId", correlationId);
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(new QName(NS, "RequestContext"), context));
        ((BindingProvider) port).getRequestContext().put(Header.HEADER_LIST, headers);
        return port;
    }

    private static void add(Element parent, String name, String value) {
        if (value != null) {
            Element e = parent.getOwnerDocument().createElementNS(NS, "c:" + name);
            e.setTextContent(value);
            parent.appendChild(e);
        }
    }

    /** The children of the last response's ResponseContext header by local name; fails when there is none. */
    static Map<String, String> responseContext(Object port) {
        Object headers = ClientProxy.getClient(port).getResponseContext().get(Header.HEADER_LIST);
        if (headers instanceof List<?> list) {
            for (Object h : list) {
                if (h instanceof Header header && header.getName().equals(new QName(NS, "ResponseContext"))
                        && header.getObject() instanceof Element e) {
                    Map<String, String> values = new HashMap<>();
                    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                        if (n instanceof Element child) {
                            values.put(child.getLocalName(), child.getTextContent());
                        }
                    }
                    return values;
                }
            }
        }
        throw new AssertionError("the response has no ResponseContext header");
    }
}
