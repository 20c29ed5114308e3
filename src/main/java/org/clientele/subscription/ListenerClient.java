package org.clientele.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.xml.namespace.QName;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.clientele.ws.listener.ChangeListenerPortType;
import org.clientele.ws.listener.NotifyChanges;
import org.clientele.ws.sync.Change;

/**
 * Calls a subscriber's ChangeListener (wsdl/ChangeListener.wsdl): SOAP 1.1, connect timeout 5 s and response timeout
 * {@code clientele.notifications.timeoutSeconds} (30 s), and, when the subscription has outbound credentials, a
 * WS-Security header (mustUnderstand 0) with a Timestamp and a UsernameToken (PasswordDigest with nonce and created, or
 * PasswordText). Every failure comes back as a {@link Failed} whose message is fit for the subscription's lastError.
 */
@ApplicationScoped
public class ListenerClient {
    private static final String NS = "urn:clientele:crm:listener:v1";
    private static final QName SERVICE = new QName(NS, "ChangeListener");
    private static final QName PORT = new QName(NS, "ChangeListenerSoap11");
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    @Inject
    SealedPasswords passwords;

    /** A delivery the listener did not accept, with why. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /** The response timeout of a listener call. */
    static int timeoutSeconds() {
        return Integer.getInteger("clientele.notifications.timeoutSeconds", 30);
    }

    /** Sends the page; returns the listener's lastProcessedSequence. */
    public long notify(DeliveryLeases.Lease lease, long afterSequence, List<Change> changes) throws Failed {
        ChangeListenerPortType port = port(lease);
        NotifyChanges request = new NotifyChanges();
        request.setSubscriptionId(lease.subscriptionId());
        request.setSubscriptionName(lease.name());
        request.setAfterSequence(afterSequence);
        request.getChange().addAll(changes);
        try {
            return port.notifyChanges(request).getLastProcessedSequence();
        } catch (SOAPFaultException e) {
            throw new Failed("The listener answered with a SOAP fault: " + e.getFault().getFaultString());
        } catch (WebServiceException e) {
            throw new Failed(describe(e));
        } finally {
            ((Client) ClientProxy.getClient(port)).destroy();
        }
    }

    private ChangeListenerPortType port(DeliveryLeases.Lease lease) throws Failed {
        Service service = Service.create(SERVICE);
        service.addPort(PORT, SOAPBinding.SOAP11HTTP_BINDING, lease.listenerUrl());
        ChangeListenerPortType port = service.getPort(PORT, ChangeListenerPortType.class);
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, lease.listenerUrl());
        context.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
        context.put(BindingProvider.SOAPACTION_URI_PROPERTY, "urn:clientele:ChangeListener:notifyChanges");
        Client client = ClientProxy.getClient(port);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        policy.setReceiveTimeout(timeoutSeconds() * 1000L);
        policy.setAutoRedirect(false);
        ((HTTPConduit) client.getConduit()).setClient(policy);
        if (lease.username() != null) {
            String password;
            try {
                password = passwords.open(lease.passwordSealed());
            } catch (IllegalStateException e) {
                throw new Failed(e.getMessage());
            }
            Map<String, Object> wss = new HashMap<>();
            wss.put(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN + " " + ConfigurationConstants.TIMESTAMP);
            wss.put(ConfigurationConstants.USER, lease.username());
            wss.put(ConfigurationConstants.PASSWORD_TYPE, lease.passwordType());
            wss.put(ConfigurationConstants.ADD_USERNAMETOKEN_NONCE, "true");
            wss.put(ConfigurationConstants.ADD_USERNAMETOKEN_CREATED, "true");
            wss.put(ConfigurationConstants.MUST_UNDERSTAND, "false");
            wss.put(ConfigurationConstants.PW_CALLBACK_REF, (javax.security.auth.callback.CallbackHandler) callbacks -> {
                for (Callback c : callbacks) {
                    if (c instanceof WSPasswordCallback pc) {
                        pc.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(c);
                    }
                }
            });
            client.getOutInterceptors().add(new WSS4JOutInterceptor(wss));
        }
        return port;
    }

    /** What went wrong, in words for an administrator: no class names, no stack. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "The listener did not answer within " + timeoutSeconds() + " s (or could not be reached within "
                        + CONNECT_TIMEOUT_MILLIS / 1000 + " s)";
            }
            if (t instanceof ConnectException) {
                return "The listener refused the connection (nothing listens at its address)";
            }
            if (t instanceof UnknownHostException) {
                return "The listener's host name is unknown: " + t.getMessage();
            }
            if (t.getClass().getName().endsWith("HTTPException") && t.getMessage() != null) {
                return "The listener answered with an HTTP error: " + t.getMessage();
            }
        }
        String message = e.getMessage() == null ? "no detail" : e.getMessage();
        return "The call to the listener failed: " + message.replaceAll("[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w+(Exception|Error): ?", "");
    }
}
