package org.clientele.it;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.ConnectionType;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.clientele.ws.common.CrmFaultDetail;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SOAP clients of a cluster node or of the balancer (any base URL), with a UsernameToken like {@link Clientele}'s,
 * one connection per request (so that the balancer chooses a node for every call), and helpers to read which node
 * answered and the CrmFault detail whatever service raised it.
 */
final class ClusterClients {
    private static final String NS = "urn:clientele:crm:common:v1";

    private ClusterClients() {
    }

    static <T> T secured(Class<T> sei, String baseUrl, String path, String user) {
        return secured(sei, baseUrl, path, user, Clientele.PASSWORD);
    }

    static <T> T secured(Class<T> sei, String baseUrl, String path, String user, String password) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(sei);
        factory.setAddress(baseUrl + path);
        T port = factory.create(sei);
        Client client = ClientProxy.getClient(port);
        Map<String, Object> wss = new HashMap<>();
        wss.put(WSHandlerConstants.ACTION, WSHandlerConstants.TIMESTAMP + " " + WSHandlerConstants.USERNAME_TOKEN);
        wss.put(WSHandlerConstants.USER, user);
        wss.put(WSHandlerConstants.PASSWORD_TYPE, "PasswordDigest");
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
        policy.setConnectionTimeout(5_000);
        policy.setReceiveTimeout(120_000);
        policy.setConnection(ConnectionType.CLOSE);
        conduit.setClient(policy);
        return port;
    }

    /** Waits up to {@code millis} for each answer of this port. */
    static <T> T receiveTimeout(T port, long millis) {
        ((HTTPConduit) ClientProxy.getClient(port).getConduit()).getClient().setReceiveTimeout(millis);
        return port;
    }

    /** Sets the idempotency key sent with the next calls of this port. */
    static <T> T withKey(T port, String key) throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        Element context = doc.createElementNS(NS, "c:RequestContext");
        Element k = doc.createElementNS(NS, "c:idempotencyKey");
        k.setTextContent(key);
        context.appendChild(k);
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(new QName(NS, "RequestContext"), context));
        ((BindingProvider) port).getRequestContext().put(Header.HEADER_LIST, headers);
        return port;
    }

    /** The node that answered the last call through the balancer (HAProxy's X-Clientele-Node header), or null. */
    static String servedBy(Object port) {
        Object headers = ((BindingProvider) port).getResponseContext().get(MessageContext.HTTP_RESPONSE_HEADERS);
        if (headers instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getKey() != null && e.getKey().toString().equalsIgnoreCase("X-Clientele-Node")
                        && e.getValue() instanceof List<?> values && !values.isEmpty()) {
                    return values.get(0).toString();
                }
            }
        }
        return null;
    }

    /** The CrmFault detail of a service exception (the generated fault class of any service), or null. */
    static CrmFaultDetail faultInfo(Throwable e) {
        try {
            Object info = e.getClass().getMethod("getFaultInfo").invoke(e);
            return info instanceof CrmFaultDetail d ? d : null;
        } catch (ReflectiveOperationException notAFault) {
            return null;
        }
    }

    /** The replayed flag of the last response's ResponseContext header, or null without one. */
    static String replayed(Object port) {
        Object headers = ClientProxy.getClient(port).getResponseContext().get(Header.HEADER_LIST);
        if (headers instanceof List<?> list) {
            for (Object h : list) {
                if (h instanceof Header header && header.getName().equals(new QName(NS, "ResponseContext"))
                        && header.getObject() instanceof Element e && e.getElementsByTagNameNS(NS, "replayed").getLength() > 0) {
                    return e.getElementsByTagNameNS(NS, "replayed").item(0).getTextContent();
                }
            }
        }
        return null;
    }
}
