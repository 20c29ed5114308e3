package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.ws.soap.SOAPFaultException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.FindCustomers;
import org.junit.jupiter.api.Test;

/**
 * The transport rule of the security policy: PasswordText (the password itself in the header) is accepted over
 * HTTPS only — WildFly's https listener (8443 + port offset, a self-signed certificate on the test server) — and
 * refused over plain HTTP, where only PasswordDigest is allowed.
 */
class TransportSecurityIT {
    private static final int HTTPS_PORT = 8443 + Integer.getInteger("clientele.port.offset", 0);
    private static final String HTTPS_URL = "https://127.0.0.1:" + HTTPS_PORT;

    /** A CustomerService client sending a UsernameToken with the given password type and a Timestamp. */
    private static CustomerPortType customers(String baseUrl, String passwordType) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(CustomerPortType.class);
        factory.setAddress(baseUrl + "/clientele/CustomerService");
        CustomerPortType port = factory.create(CustomerPortType.class);
        Client client = ClientProxy.getClient(port);
        Map<String, Object> wss = new HashMap<>();
        wss.put(WSHandlerConstants.ACTION, WSHandlerConstants.TIMESTAMP + " " + WSHandlerConstants.USERNAME_TOKEN);
        wss.put(WSHandlerConstants.USER, Clientele.INTEGRATION);
        wss.put(WSHandlerConstants.PASSWORD_TYPE, passwordType);
        wss.put(WSHandlerConstants.ADD_USERNAMETOKEN_NONCE, "true");
        wss.put(WSHandlerConstants.ADD_USERNAMETOKEN_CREATED, "true");
        wss.put(WSHandlerConstants.PW_CALLBACK_REF, (CallbackHandler) callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof WSPasswordCallback pc) {
                    pc.setPassword(Clientele.PASSWORD);
                }
            }
        });
        client.getOutInterceptors().add(new WSS4JOutInterceptor(wss));
        if (baseUrl.startsWith("https:")) {
            TLSClientParameters tls = new TLSClientParameters();
            tls.setTrustManagers(new TrustManager[] {new TrustTheTestServer()});
            tls.setDisableCNCheck(true);
            ((HTTPConduit) client.getConduit()).setTlsClientParameters(tls);
        }
        return port;
    }

    /** The test server's certificate is self-signed and generated on first use: accept it (tests only). */
    private static final class TrustTheTestServer implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            assertTrue(chain.length > 0, "the server presents a certificate");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static CreateCustomers create(String name) {
        CreateCustomers request = new CreateCustomers();
        request.getCustomer().add(SyncIT.item(name));
        return request;
    }

    private static int count(String name) throws Exception {
        FindCustomers find = new FindCustomers();
        find.setNameContains(name);
        return Clientele.customers(Clientele.ADMIN).findCustomers(find).getCustomer().size();
    }

    @Test
    void passwordTextIsAcceptedOverHttps() throws Exception {
        String name = "PasswordText over HTTPS " + UUID.randomUUID();
        ItemResult r = customers(HTTPS_URL, "PasswordText").createCustomers(create(name)).getResult().get(0);
        assertTrue(r.isSuccess(), () -> r.getError().toString());
        assertEquals(1, count(name));
    }

    @Test
    void passwordDigestIsAcceptedOverHttpsToo() throws Exception {
        String name = "PasswordDigest over HTTPS " + UUID.randomUUID();
        assertTrue(customers(HTTPS_URL, "PasswordDigest").createCustomers(create(name)).getResult().get(0).isSuccess());
        assertEquals(1, count(name));
    }

    @Test
    void passwordTextIsRefusedOverHttpAndChangesNothing() throws Exception {
        String name = "PasswordText over HTTP " + UUID.randomUUID();
        SOAPFaultException refused = assertThrows(SOAPFaultException.class,
                () -> customers(Clientele.URL, "PasswordText").createCustomers(create(name)));
        assertTrue(Clientele.isSecurityFault(refused), () -> "a security refusal: " + refused.getFault().getFaultString());
        assertEquals(0, count(name));
    }
}
