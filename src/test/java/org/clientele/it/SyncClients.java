package org.clientele.it;

import jakarta.xml.ws.BindingProvider;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.headers.Header;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.sync.SyncPortType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** SyncService clients, and the RequestContext SOAP header an integrator sends with its writes. */
final class SyncClients {

    private SyncClients() {
    }

    static SyncPortType sync(String user) {
        return Clientele.secured(SyncPortType.class, "/clientele/SyncService", user, Clientele.PASSWORD, false);
    }

    static SyncPortType sync12(String user) {
        return Clientele.secured(SyncPortType.class, "/clientele/SyncService12", user, Clientele.PASSWORD, true);
    }

    /** A customer port that sends a RequestContext header with the given client system and correlation id. */
    static CustomerPortType customersAs(String user, String clientSystem, String correlationId) throws Exception {
        CustomerPortType port = Clientele.customers(user);
        Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        String ns = "urn:clientele:crm:common:v1";
        Element context = doc.createElementNS(ns, "c:RequestContext");
        Element system = doc.createElementNS(ns, "c:clientSystem");
        system.setTextContent(clientSystem);
        Element correlation = doc.createElementNS(ns, "c:correlationId");
        correlation.setTextContent(correlationId);
        context.appendChild(system);
        context.appendChild(correlation);
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(new QName(ns, "RequestContext"), context));
        ((BindingProvider) port).getRequestContext().put(Header.HEADER_LIST, headers);
        return port;
    }

    /**
     * The end of the change feed once the sequencer has numbered what was committed before: changes become visible
     * in the feed a moment after their write returned, so the cursor is read until two reads 300 ms apart agree
     * (at most 10 s). A test that wants only the changes of what it does next starts from here.
     */
    static String settledCursor(SyncPortType sync) throws Exception {
        String previous = sync.getLatestCursor(new org.clientele.ws.sync.GetLatestCursor()).getCursor();
        for (int i = 0; i < 33; i++) {
            Thread.sleep(300);
            String now = sync.getLatestCursor(new org.clientele.ws.sync.GetLatestCursor()).getCursor();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        return previous;
    }
}
