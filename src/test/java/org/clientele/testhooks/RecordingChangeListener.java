package org.clientele.testhooks;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.cxf.headers.Header;
import org.clientele.ws.listener.ChangeListenerPortType;
import org.clientele.ws.listener.NotifyChanges;
import org.clientele.ws.listener.NotifyChangesResponse;
import org.clientele.ws.sync.Change;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Test deployment only: a subscriber's ChangeListener (wsdl/ChangeListener.wsdl), a real JAX-WS endpoint published with the
 * contract's WSDL at {@code /clientele/ChangeListener} (the it WAR only), that integration tests point subscriptions at. The listener URL's query says
 * who it is and how it behaves: {@code key} (required) names its log, {@code failFirst=N} answers the first N calls
 * with a SOAP fault, {@code delayMillis=M} answers every call M ms late. Every accepted page is appended to
 * {@code ${jboss.server.data.dir}/it-listener/<key>.log} (one line per change: sequence, type, id, operation,
 * afterSequence of its page), so the record survives a restart of the server; the user name and password type of
 * the WS-Security header, when one came, go to {@code <key>.auth}. {@link HookServlet} reads both back.
 */
@WebService(serviceName = "ChangeListener", portName = "ChangeListenerSoap11",
        targetNamespace = "urn:clientele:crm:listener:v1",
        wsdlLocation = "WEB-INF/wsdl/ChangeListener.wsdl",
        endpointInterface = "org.clientele.ws.listener.ChangeListenerPortType")
public class RecordingChangeListener implements ChangeListenerPortType {
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    @Resource
    WebServiceContext context;

    @Override
    public NotifyChangesResponse notifyChanges(NotifyChanges request) {
        Map<String, String> query = query();
        String key = query.get("key");
        if (key == null || !key.matches("[A-Za-z0-9-]{1,64}")) {
            throw new WebServiceException("the listener URL needs ?key=<letters, digits, dashes>");
        }
        int call = CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        long delay = Long.parseLong(query.getOrDefault("delayMillis", "0"));
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (call <= Integer.parseInt(query.getOrDefault("failFirst", "0"))) {
            throw new WebServiceException("listener " + key + " is failing on purpose (call " + call + ")");
        }
        recordAuth(key);
        StringBuilder lines = new StringBuilder();
        for (Change c : request.getChange()) {
            lines.append(c.getSequence()).append(',').append(c.getEntityType()).append(',').append(c.getEntityId()).append(',')
                    .append(c.getOperation()).append(',').append(request.getAfterSequence()).append(',')
                    .append(c.getCustomer() != null ? "snapshot" : "-").append('\n');
        }
        append(key + ".log", lines.toString());
        NotifyChangesResponse response = new NotifyChangesResponse();
        List<Change> changes = request.getChange();
        response.setLastProcessedSequence(changes.get(changes.size() - 1).getSequence());
        return response;
    }

    private void recordAuth(String key) {
        Object headers = context.getMessageContext().get(Header.HEADER_LIST);
        if (!(headers instanceof List<?> list)) {
            return;
        }
        for (Object h : list) {
            if (h instanceof Header header && header.getObject() instanceof Element security
                    && WSSE.equals(security.getNamespaceURI()) && "Security".equals(security.getLocalName())) {
                NodeList users = security.getElementsByTagNameNS(WSSE, "Username");
                NodeList passwords = security.getElementsByTagNameNS(WSSE, "Password");
                String user = users.getLength() == 0 ? "" : users.item(0).getTextContent();
                String type = passwords.getLength() == 0 ? "" : ((Element) passwords.item(0)).getAttribute("Type");
                append(key + ".auth", user + "," + type.substring(type.indexOf('#') + 1) + "\n");
            }
        }
    }

    private Map<String, String> query() {
        Map<String, String> query = new HashMap<>();
        Object raw = context.getMessageContext().get(MessageContext.QUERY_STRING);
        if (raw != null) {
            for (String pair : raw.toString().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    static Path dir() {
        return Path.of(System.getProperty("jboss.server.data.dir", "."), "it-listener");
    }

    private static synchronized void append(String file, String text) {
        try {
            Files.createDirectories(dir());
            Files.writeString(dir().resolve(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the listener recorded in {@code file} (empty when nothing yet). */
    static String read(String file) throws IOException {
        Path p = dir().resolve(file);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    /** How many calls the listener of {@code key} received since the server started. */
    static int calls(String key) {
        AtomicInteger n = CALLS.get(key);
        return n == null ? 0 : n.get();
    }
}
