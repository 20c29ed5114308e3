package org.clientele.it;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.clientele.ws.cases.CasePortType;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.status.StatusPortType;

/**
 * Builds SOAP clients of the deployed Clientele, as an integrator would: CXF JAX-WS proxies of the generated
 * SEIs with a WS-Security UsernameToken (PasswordDigest, nonce, created) and a Timestamp.
 */
public final class Clientele {
    /** Base URL of the server under test, e.g. http://127.0.0.1:8080. */
    public static final String URL = System.getProperty("clientele.url", "http://127.0.0.1:8080");
    /** Password of the integration-test users it-admin, it-integration, it-agent, it-marketing, it-readonly. */
    public static final String PASSWORD = System.getProperty("clientele.it.password", "it-Secret-2026");

    public static final String ADMIN = "it-admin";
    public static final String INTEGRATION = "it-integration";
    public static final String AGENT = "it-agent";
    public static final String MARKETING = "it-marketing";
    public static final String READONLY = "it-readonly";

    private Clientele() {
    }

    /** CustomerService over SOAP 1.1 as the given user. */
    public static CustomerPortType customers(String user) {
        return customers(user, PASSWORD, "/clientele/CustomerService");
    }

    /** CustomerService over SOAP 1.2 as the given user. */
    public static CustomerPortType customers12(String user) {
        return secured(CustomerPortType.class, "/clientele/CustomerService12", user, PASSWORD, true);
    }

    public static CustomerPortType customers(String user, String password, String path) {
        return secured(CustomerPortType.class, path, user, password, false);
    }

    /** CaseService over SOAP 1.1 as the given user, sending attachments as MTOM. */
    public static CasePortType cases(String user) {
        return mtom(secured(CasePortType.class, "/clientele/CaseService", user, PASSWORD, false));
    }

    /** CaseService over SOAP 1.2 as the given user, sending attachments as MTOM. */
    public static CasePortType cases12(String user) {
        return mtom(secured(CasePortType.class, "/clientele/CaseService12", user, PASSWORD, true));
    }

    private static <T> T mtom(T port) {
        ((SOAPBinding) ((BindingProvider) port).getBinding()).setMTOMEnabled(true);
        return port;
    }

    /** StatusService (unsecured). */
    public static StatusPortType status(boolean soap12) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(StatusPortType.class);
        factory.setAddress(URL + (soap12 ? "/clientele/StatusService12" : "/clientele/StatusService"));
        if (soap12) {
            factory.setBindingId("http://www.w3.org/2003/05/soap/bindings/HTTP/");
        }
        StatusPortType port = factory.create(StatusPortType.class);
        timeouts(ClientProxy.getClient(port));
        return port;
    }

    /** A port without any WS-Security header. */
    public static CustomerPortType unsecuredCustomers() {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(CustomerPortType.class);
        factory.setAddress(URL + "/clientele/CustomerService");
        CustomerPortType port = factory.create(CustomerPortType.class);
        timeouts(ClientProxy.getClient(port));
        return port;
    }

    static <T> T secured(Class<T> sei, String path, String user, String password, boolean soap12) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(sei);
        factory.setAddress(URL + path);
        if (soap12) {
            factory.setBindingId("http://www.w3.org/2003/05/soap/bindings/HTTP/");
        }
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
        timeouts(client);
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, URL + path);
        return port;
    }

    /** Timeouts, and every response checked against the contract's schemas ({@link ResponseSchemaCheck}). */
    private static void timeouts(Client client) {
        client.getInInterceptors().add(ResponseSchemaCheck.INSTANCE);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(10_000);
        policy.setReceiveTimeout(120_000);
        conduit.setClient(policy);
    }

    /** Whether a SOAP fault is a WS-Security refusal (the server names no reason, by design). */
    public static boolean isSecurityFault(SOAPFaultException e) {
        String s = String.valueOf(e.getFault().getFaultString()) + " " + e.getFault().getFaultCodeAsQName();
        return s.contains("security") || s.contains("Security") || s.contains("Authentication")
                || s.contains("wsse") || s.contains("policy alternatives");
    }

    /** Sends the optional RequestContext SOAP header with this idempotency key on the port's next calls. */
    public static <T> T withIdempotencyKey(T port, String key) {
        String ns = "urn:clientele:crm:common:v1";
        try {
            org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
            org.w3c.dom.Element context = doc.createElementNS(ns, "c:RequestContext");
            org.w3c.dom.Element k = doc.createElementNS(ns, "c:idempotencyKey");
            k.setTextContent(key);
            context.appendChild(k);
            java.util.List<org.apache.cxf.headers.Header> headers = new java.util.ArrayList<>();
            headers.add(new org.apache.cxf.headers.Header(new javax.xml.namespace.QName(ns, "RequestContext"), context));
            ((BindingProvider) port).getRequestContext().put(org.apache.cxf.headers.Header.HEADER_LIST, headers);
            return port;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
