package org.clientele.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Hand-built SOAP 1.1 requests with a WS-Security header whose every part (UsernameToken digest, nonce, created,
 * Timestamp) the test controls, so the server's checks can be probed one by one without a SOAP stack in between.
 */
final class RawSoap {
    static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String CUSTOMER_NS = "urn:clientele:crm:customer:v1";
    static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
    static final String CUSTOMER_PATH = "/clientele/CustomerService";
    static final String CUSTOMER12_PATH = "/clientele/CustomerService12";
    static final String WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String PASSWORD_DIGEST =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    static final String PASSWORD_TEXT =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    static final String BASE64_BINARY =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Parts of the wsse:Security header; each can be changed or left out (null) by a test. */
    static final class Security {
        String user = Clientele.ADMIN;
        String password = Clientele.PASSWORD;
        boolean digest = true;
        byte[] nonce = newNonce();
        Instant tokenCreated = Instant.now();
        /** Timestamp Created; the Timestamp is left out when both it and {@link #timestampExpires} are null. */
        Instant timestampCreated = Instant.now();
        Instant timestampExpires = Instant.now().plus(5, ChronoUnit.MINUTES);

        Security user(String u) {
            this.user = u;
            return this;
        }

        Security password(String p) {
            this.password = p;
            return this;
        }

        Security passwordText() {
            this.digest = false;
            return this;
        }

        Security noNonce() {
            this.nonce = null;
            return this;
        }

        Security tokenCreated(Instant t) {
            this.tokenCreated = t;
            return this;
        }

        Security timestamp(Instant created, Instant expires) {
            this.timestampCreated = created;
            this.timestampExpires = expires;
            return this;
        }

        Security noTimestamp() {
            return timestamp(null, null);
        }

        String toXml() {
            StringBuilder x = new StringBuilder();
            x.append("<wsse:Security xmlns:wsse=\"").append(WSSE_NS).append("\" xmlns:wsu=\"").append(WSU_NS)
                    .append("\" soap:mustUnderstand=\"1\">");
            if (timestampCreated != null || timestampExpires != null) {
                x.append("<wsu:Timestamp wsu:Id=\"TS-").append(Math.abs(RANDOM.nextInt())).append("\">");
                if (timestampCreated != null) {
                    x.append("<wsu:Created>").append(time(timestampCreated)).append("</wsu:Created>");
                }
                if (timestampExpires != null) {
                    x.append("<wsu:Expires>").append(time(timestampExpires)).append("</wsu:Expires>");
                }
                x.append("</wsu:Timestamp>");
            }
            String created = tokenCreated == null ? null : time(tokenCreated);
            x.append("<wsse:UsernameToken wsu:Id=\"UT-").append(Math.abs(RANDOM.nextInt())).append("\">");
            x.append("<wsse:Username>").append(escape(user)).append("</wsse:Username>");
            if (digest) {
                x.append("<wsse:Password Type=\"").append(PASSWORD_DIGEST).append("\">")
                        .append(passwordDigest(nonce, created, password)).append("</wsse:Password>");
            } else {
                x.append("<wsse:Password Type=\"").append(PASSWORD_TEXT).append("\">")
                        .append(escape(password)).append("</wsse:Password>");
            }
            if (nonce != null) {
                x.append("<wsse:Nonce EncodingType=\"").append(BASE64_BINARY).append("\">")
                        .append(Base64.getEncoder().encodeToString(nonce)).append("</wsse:Nonce>");
            }
            if (created != null) {
                x.append("<wsu:Created>").append(created).append("</wsu:Created>");
            }
            x.append("</wsse:UsernameToken></wsse:Security>");
            return x.toString();
        }
    }

    private RawSoap() {
    }

    /** A fresh, valid security header for {@link Clientele#ADMIN}. */
    static Security security() {
        return new Security();
    }

    static byte[] newNonce() {
        byte[] n = new byte[16];
        RANDOM.nextBytes(n);
        return n;
    }

    /** Base64(SHA-1(nonce + created + password)) of the UsernameToken Profile 1.0. */
    static String passwordDigest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            if (nonce != null) {
                sha1.update(nonce);
            }
            if (created != null) {
                sha1.update(created.getBytes(StandardCharsets.UTF_8));
            }
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A SOAP 1.1 envelope with the given header (null: no soap:Header) and body content. */
    static String envelope(Security security, String body) {
        return "<soap:Envelope xmlns:soap=\"" + SOAP11_NS + "\">"
                + (security == null ? "" : "<soap:Header>" + security.toXml() + "</soap:Header>")
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    /** The same envelope in SOAP 1.2 (the header's soap:mustUnderstand then is the SOAP 1.2 attribute). */
    static String envelope12(Security security, String body) {
        return "<soap:Envelope xmlns:soap=\"" + SOAP12_NS + "\">"
                + (security == null ? "" : "<soap:Header>" + security.toXml() + "</soap:Header>")
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    static String getCustomersBody(long id) {
        return "<cu:getCustomers xmlns:cu=\"" + CUSTOMER_NS + "\"><cu:id>" + id + "</cu:id></cu:getCustomers>";
    }

    /** createCustomers of one ORGANIZATION; {@code nameXml} is inserted as is (it may hold entity references). */
    static String createCustomersBody(String nameXml) {
        return "<cu:createCustomers xmlns:cu=\"" + CUSTOMER_NS + "\"><cu:customer><cu:clientRef>raw</cu:clientRef>"
                + "<cu:data><cu:kind>ORGANIZATION</cu:kind><cu:name>" + nameXml + "</cu:name></cu:data>"
                + "</cu:customer></cu:createCustomers>";
    }

    static String soapAction(String operation) {
        return "\"urn:clientele:CustomerService:" + operation + "\"";
    }

    /** POSTs an envelope as text/xml with the given SOAPAction (null: header left out). */
    static HttpResponse<String> post(String path, String soapAction, String envelope) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Clientele.URL + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (soapAction != null) {
            b.header("SOAPAction", soapAction);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** POSTs a SOAP 1.2 envelope; the action travels as the action parameter of the media type. */
    static HttpResponse<String> post12(String path, String operation, String envelope)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Clientele.URL + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/soap+xml; charset=UTF-8; action=" + soapAction(operation))
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Clientele.URL + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static boolean isSoapFault(HttpResponse<String> response) {
        String b = response.body();
        return b.contains(":Fault>") || b.contains(":Fault ") || b.contains("<Fault");
    }
}
