package org.clientele.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.namespace.QName;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.handler.WSHandlerConstants;

/**
 * CXF + WSS4J clients of the X.509 ports, built as an ERP would build them: the port's WSDL (with its
 * WS-SecurityPolicy) from the server, the client's key pair and the server's certificate. The key material is the
 * TEST-ONLY material that src/test/x509/setup-test-x509.sh generates into target/x509-test.
 */
public final class X509Clients {
    static final Path DIR = Paths.get(System.getProperty("clientele.x509.test.dir", "target/x509-test"));
    private static final char[] KEY_PASSWORD = "test-only".toCharArray();

    private X509Clients() {
    }

    /** The X.509 port of a service ("CustomerService", ...) as the client whose test key is client-{@code who}. */
    static <T> T port(Class<T> sei, String service, String namespace, String who) {
        return port(sei, service, namespace, who, Clientele.URL + "/clientele/" + service + "X509");
    }

    /** As {@link #port(Class, String, String, String)}, but sending to {@code address} (e.g. a {@link Sink}). */
    static <T> T port(Class<T> sei, String service, String namespace, String who, String address) {
        return port(sei, service, namespace, who, Clientele.URL, address);
    }

    /** CustomerService's X.509 port of the server at {@code baseUrl} (the benchmark's). */
    public static org.clientele.ws.customer.CustomerPortType customers(String baseUrl, String who) {
        return port(org.clientele.ws.customer.CustomerPortType.class, "CustomerService", "urn:clientele:crm:customer:v1",
                who, baseUrl, baseUrl + "/clientele/CustomerServiceX509");
    }

    private static <T> T port(Class<T> sei, String service, String namespace, String who, String baseUrl,
                              String address) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(sei);
        factory.setWsdlURL(baseUrl + "/clientele/" + service + "X509?wsdl");
        factory.setServiceName(new QName(namespace, service + "X509"));
        factory.setEndpointName(new QName(namespace, service + "X509"));
        factory.setAddress(address);
        Map<String, Object> props = new HashMap<>();
        props.put(SecurityConstants.SIGNATURE_CRYPTO, clientCrypto(who));
        props.put(SecurityConstants.SIGNATURE_USERNAME, "client");
        props.put(SecurityConstants.ENCRYPT_CRYPTO, serverCrypto());
        props.put(SecurityConstants.ENCRYPT_USERNAME, "server");
        props.put(SecurityConstants.CALLBACK_HANDLER, passwords());
        // Basic256Sha256 with RSA-SHA256 signatures (WS-SecurityPolicy's own table says RSA-SHA1; Clientele requires SHA-256)
        props.put(SecurityConstants.ASYMMETRIC_SIGNATURE_ALGORITHM, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        factory.setProperties(props);
        T port = factory.create(sei);
        timeouts(ClientProxy.getClient(port));
        return port;
    }

    /**
     * A client without the WSDL's policy that signs only the Timestamp with a trusted key and leaves the Body unsigned
     * and unencrypted: what the X.509 policy must refuse.
     */
    static <T> T timestampOnlySigned(Class<T> sei, String service, String who) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(sei);
        factory.setAddress(Clientele.URL + "/clientele/" + service + "X509");
        T port = factory.create(sei);
        Client client = ClientProxy.getClient(port);
        Map<String, Object> wss = new HashMap<>();
        wss.put(WSHandlerConstants.ACTION, WSHandlerConstants.TIMESTAMP + " " + WSHandlerConstants.SIGNATURE);
        wss.put(WSHandlerConstants.USER, "client");
        wss.put(WSHandlerConstants.SIG_PROP_REF_ID, "clientCrypto");
        wss.put("clientCrypto", clientCrypto(who));
        wss.put(WSHandlerConstants.SIG_KEY_ID, "DirectReference");
        wss.put(WSHandlerConstants.SIGNATURE_PARTS,
                "{}{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd}Timestamp");
        wss.put(WSHandlerConstants.SIG_ALGO, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        wss.put(WSHandlerConstants.SIG_DIGEST_ALGO, "http://www.w3.org/2001/04/xmlenc#sha256");
        wss.put(WSHandlerConstants.PW_CALLBACK_REF, passwords());
        client.getOutInterceptors().add(new WSS4JOutInterceptor(wss));
        timeouts(client);
        return port;
    }

    private static Merlin clientCrypto(String who) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", privateKey(DIR.resolve("client-" + who + ".key")), KEY_PASSWORD,
                    new Certificate[] {certificate(DIR.resolve("client-" + who + ".pem"))});
            Merlin merlin = new Merlin();
            merlin.setKeyStore(ks);
            merlin.setTrustStore(serverStore());
            return merlin;
        } catch (Exception e) {
            throw new IllegalStateException("test key material of client-" + who + " unreadable in " + DIR, e);
        }
    }

    private static Merlin serverCrypto() {
        try {
            Merlin merlin = new Merlin();
            KeyStore server = serverStore();
            merlin.setKeyStore(server);
            merlin.setTrustStore(server);
            return merlin;
        } catch (Exception e) {
            throw new IllegalStateException("server certificate unreadable in " + DIR, e);
        }
    }

    private static KeyStore serverStore() throws Exception {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("server", certificate(DIR.resolve("server.pem")));
        return ts;
    }

    private static CallbackHandler passwords() {
        return callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof WSPasswordCallback pc) {
                    pc.setPassword(new String(KEY_PASSWORD));
                }
            }
        };
    }

    static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey privateKey(Path pem) throws Exception {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static void timeouts(Client client) {
        client.getInInterceptors().add(ResponseSchemaCheck.INSTANCE);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(10_000);
        policy.setReceiveTimeout(120_000);
        policy.setAllowChunking(false);
        conduit.setClient(policy);
    }

    /**
     * A local HTTP endpoint (127.0.0.1, ephemeral port) that keeps the last request it receives and answers with a
     * SOAP fault: it captures a genuine signed and encrypted request without delivering it to Clientele, so tests can
     * send it, tampered or not, themselves.
     */
    static final class Sink implements AutoCloseable {
        private final HttpServer server;
        private final AtomicReference<String> last = new AtomicReference<>();

        Sink() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    last.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                byte[] fault = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                        + "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>captured</faultstring></soap:Fault>"
                        + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
                exchange.sendResponseHeaders(500, fault.length);
                exchange.getResponseBody().write(fault);
                exchange.close();
            });
            server.start();
        }

        String address() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/captured";
        }

        String last() {
            return last.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
