package org.clientele.platform.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.ws.WebServiceContext;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.cxf.headers.Header;
import org.clientele.platform.Caller;
import org.clientele.platform.Idempotency;
import org.clientele.platform.ItemOutcome;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Runs a write under the request's idempotency key, if it sent one: claims the key, replays the stored outcomes
 * of an earlier call with the same request instead of executing again, records the outcomes of a new call, and
 * answers with a ResponseContext SOAP header that says whether the response is a replay.
 */
@ApplicationScoped
public class IdempotentCalls {
    private static final Map<Class<?>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

    @Inject
    Idempotency idempotency;

    /** The outcomes of the write, executed by {@code write} or replayed from the stored ones. */
    public List<ItemOutcome> run(WebServiceContext context, Caller caller, String operation, Object request,
                                 Function<Caller, List<ItemOutcome>> write) {
        if (caller.idempotencyKey() == null) {
            return write.apply(caller);
        }
        Idempotency.Claim claim = idempotency.claim(caller, operation, Idempotency.hash(operation, xml(request)));
        if (claim.replay()) {
            respond(context, caller.idempotencyKey(), true);
            return Idempotency.decode(claim.outcome());
        }
        List<ItemOutcome> outcomes;
        try {
            outcomes = write.apply(caller);
        } catch (RuntimeException failed) {
            idempotency.release(claim);
            throw failed;
        }
        idempotency.finish(claim, outcomes);
        respond(context, caller.idempotencyKey(), false);
        return outcomes;
    }

    private static void respond(WebServiceContext context, String key, boolean replayed) {
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
            Object existing = context.getMessageContext().get(Header.HEADER_LIST);
            List<Object> headers = new ArrayList<>();
            if (existing instanceof List<?> list) {
                headers.addAll(list);
            }
            headers.add(soapHeader);
            context.getMessageContext().put(Header.HEADER_LIST, headers);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM available", e);
        }
    }

    private static String xml(Object request) {
        try {
            Marshaller m = CONTEXTS.computeIfAbsent(request.getClass(), IdempotentCalls::context).createMarshaller();
            StringWriter out = new StringWriter();
            m.marshal(request, out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    private static JAXBContext context(Class<?> type) {
        try {
            return JAXBContext.newInstance(type);
        } catch (JAXBException e) {
            throw new IllegalStateException("no JAXB context for " + type.getName(), e);
        }
    }
}
