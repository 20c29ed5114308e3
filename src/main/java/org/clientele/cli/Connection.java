package org.clientele.cli;

import jakarta.xml.ws.BindingProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.clientele.ws.common.ResponseContextType;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.sync.SyncPortType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds JAX-WS (CXF) proxies of the generated service interfaces with a WS-Security Timestamp and UsernameToken
 * (SOAP 1.1), and sets the optional RequestContext header. A proxy is used by one thread at a time.
 */
public final class Connection {
    static final String COMMON_NS = "urn:clientele:crm:common:v1";
    private static final QName REQUEST_CONTEXT = new QName(COMMON_NS, "RequestContext");
    private static final QName RESPONSE_CONTEXT = new QName(COMMON_NS, "ResponseContext");

    private final String baseUrl;
    private final String user;
    private final String password;
    private final boolean digest;
    private final int timeoutSeconds;

    public Connection(ConnectionOptions options) {
        this(options.url, options.user, options.password(), !"text".equalsIgnoreCase(options.passwordType),
                options.timeoutSeconds);
    }

    public Connection(String baseUrl, String user, String password, boolean digest, int timeoutSeconds) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.user = user;
        this.password = password;
        this.digest = digest;
        this.timeoutSeconds = timeoutSeconds;
    }

    public CustomerPortType customers() {
        return port(CustomerPortType.class, "/clientele/CustomerService");
    }

    public SyncPortType sync() {
        return port(SyncPortType.class, "/clientele/SyncService");
    }

    public String url() {
        return baseUrl;
    }

    private <T> T port(Class<T> sei, String path) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(sei);
        factory.setAddress(baseUrl + path);
        T port = factory.create(sei);
        Client client = ClientProxy.getClient(port);
        Map<String, Object> wss = new HashMap<>();
        wss.put(WSHandlerConstants.ACTION, WSHandlerConstants.TIMESTAMP + " " + WSHandlerConstants.USERNAME_TOKEN);
        wss.put(WSHandlerConstants.USER, user);
        wss.put(WSHandlerConstants.PASSWORD_TYPE, digest ? "PasswordDigest" : "PasswordText");
        wss.put(WSHandlerConstants.ADD_USERNAMETOKEN_NONCE, "true");
        wss.put(WSHandlerConstants.ADD_USERNAMETOKEN_CREATED, "true");
        wss.put(WSHandlerConstants.PW_CALLBACK_REF, (CallbackHandler) callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof WSPasswordCallback pc) {
                    pc.setPassword(password);
                }
            }
        });
        client.getOutInterceptors().add(new WSS4JOutInterceptor(wss));
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(10_000);
        policy.setReceiveTimeout(timeoutSeconds * 1000L);
        conduit.setClient(policy);
        return port;
    }

    /** Sends the RequestContext header with the next calls of this proxy (idempotencyKey may be null). */
    public static void requestContext(Object port, String idempotencyKey, String clientSystem, String correlationId) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element context = doc.createElementNS(COMMON_NS, "c:RequestContext");
        // element order of RequestContextType: idempotencyKey, clientSystem, correlationId
        child(context, "idempotencyKey", idempotencyKey);
        child(context, "clientSystem", clientSystem);
        child(context, "correlationId", correlationId);
        ((BindingProvider) port).getRequestContext().put(Header.HEADER_LIST,
                new java.util.ArrayList<>(List.of(new Header(REQUEST_CONTEXT, context))));
    }

    private static void child(Element parent, String name, String value) {
        if (value != null) {
            Element e = parent.getOwnerDocument().createElementNS(COMMON_NS, "c:" + name);
            e.setTextContent(value);
            parent.appendChild(e);
        }
    }

    /** Whether the last response of this proxy was a replay of an earlier call with the same idempotency key. */
    public static boolean replayed(Object port) {
        Object headers = ClientProxy.getClient(port).getResponseContext().get(Header.HEADER_LIST);
        if (headers instanceof List<?> list) {
            for (Object h : list) {
                if (h instanceof Header header && RESPONSE_CONTEXT.equals(header.getName())) {
                    Object value = header.getObject();
                    if (value instanceof Element e) {
                        return "true".equals(e.getElementsByTagNameNS(COMMON_NS, "replayed").item(0).getTextContent().trim());
                    }
                    if (value instanceof ResponseContextType r) {
                        return r.isReplayed();
                    }
                }
            }
        }
        return false;
    }
}
