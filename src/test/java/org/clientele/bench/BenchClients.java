package org.clientele.bench;

import java.util.HashMap;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.security.wss4j.WSS4JStaxOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.clientele.ws.campaign.CampaignPortType;
import org.clientele.ws.cases.CasePortType;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.status.StatusPortType;
import org.clientele.ws.sync.SyncPortType;

/**
 * Builds the generated JAX-WS clients the way an integrator does: UsernameToken PasswordDigest with nonce and created,
 * plus a Timestamp. The header is written by CXF's streaming WS-Security (WSS4J's StAX engine): the same header on the
 * wire as the DOM engine writes, without building each request as a DOM first, so that the load driver, which shares
 * the machine's cores with the server, spends less of them per call.
 */
final class BenchClients {
    private final BenchConfig config;

    BenchClients(BenchConfig config) {
        this.config = config;
    }

    /** The user of the marketing set-up (creating the measured campaign and adding its members). */
    static final String MARKETING_USER = "it-marketing";

    CustomerPortType customers() {
        return secured(CustomerPortType.class, "/clientele/CustomerService", config.user());
    }

    /** CustomerService's X.509 sign + encrypt port as the TEST-ONLY client x509-readonly (target/x509-test). */
    CustomerPortType customersX509() {
        return org.clientele.it.X509Clients.customers(config.url(), "readonly");
    }

    SyncPortType sync() {
        return secured(SyncPortType.class, "/clientele/SyncService", config.user());
    }

    CasePortType cases() {
        return secured(CasePortType.class, "/clientele/CaseService", config.user());
    }

    CampaignPortType campaigns(String user) {
        return secured(CampaignPortType.class, "/clientele/CampaignService", user);
    }

    StatusPortType status() {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(StatusPortType.class);
        factory.setAddress(config.url() + "/clientele/StatusService");
        StatusPortType port = factory.create(StatusPortType.class);
        timeouts(ClientProxy.getClient(port));
        return port;
    }

    private <T> T secured(Class<T> sei, String path, String user) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(sei);
        factory.setAddress(config.url() + path);
        T port = factory.create(sei);
        Client client = ClientProxy.getClient(port);
        Map<String, Object> wss = new HashMap<>();
        wss.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.USERNAME_TOKEN);
        wss.put(ConfigurationConstants.USER, user);
        wss.put(ConfigurationConstants.PASSWORD_TYPE, "PasswordDigest");
        wss.put(ConfigurationConstants.ADD_USERNAMETOKEN_NONCE, "true");
        wss.put(ConfigurationConstants.ADD_USERNAMETOKEN_CREATED, "true");
        String password = config.password();
        wss.put(ConfigurationConstants.PW_CALLBACK_REF, (CallbackHandler) callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof WSPasswordCallback pc) {
                    pc.setPassword(password);
                }
            }
        });
        client.getOutInterceptors().add(new WSS4JStaxOutInterceptor(wss));
        timeouts(client);
        return port;
    }

    private static void timeouts(Client client) {
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(10_000);
        policy.setReceiveTimeout(120_000);
        conduit.setClient(policy);
    }
}
