package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.clientele.ws.campaign.CampaignPortType;
import org.clientele.ws.cases.CasePortType;
import org.clientele.ws.cases.GetCases;
import org.clientele.ws.cases.Priority;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.campaign.GetCampaigns;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.NewCustomer;
import org.clientele.ws.sync.GetLatestCursor;
import org.clientele.ws.sync.SyncPortType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The X.509 sign + encrypt ports (/clientele/*ServiceX509): CXF + WSS4J clients that sign and encrypt with a test
 * certificate bound to an API user reach every service and get signed, encrypted answers; the roles of the bound user
 * apply per operation; and a request that is unsigned, wrapped, replayed, tampered with, or signed with an untrusted,
 * unbound, expired or revoked certificate is refused and changes nothing. Refused requests are genuine requests
 * captured by a local sink and sent as raw HTTP, so each one differs from an accepted request only in its defect.
 */
class X509IT {
    private static final String CUSTOMER_NS = "urn:clientele:crm:customer:v1";
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String PATH = "/clientele/CustomerServiceX509";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String JBOSS_HOME = System.getProperty("clientele.jboss.home", "");
    private static final String CONTROLLER = System.getProperty("clientele.management", "127.0.0.1:9990");

    private static CustomerPortType customers(String who) {
        return X509Clients.port(CustomerPortType.class, "CustomerService", CUSTOMER_NS, who);
    }

    private static CreateCustomers create(String name) {
        CustomerData data = new CustomerData();
        data.setKind(CustomerKind.ORGANIZATION);
        data.setName(name);
        NewCustomer item = new NewCustomer();
        item.setClientRef("x509");
        item.setData(data);
        CreateCustomers request = new CreateCustomers();
        request.getCustomer().add(item);
        return request;
    }

    /** How many customers carry this exact name (read over the UsernameToken port). */
    private static long named(String name) throws Exception {
        FindCustomers find = new FindCustomers();
        find.setNameContains(name);
        return Clientele.customers(Clientele.ADMIN).findCustomers(find).getCustomer().stream()
                .filter(c -> name.equals(c.getData().getName())).count();
    }

    /** A genuine signed and encrypted createCustomers request of {@code who}, captured without being delivered. */
    private static String captured(String who, String name) throws Exception {
        try (X509Clients.Sink sink = new X509Clients.Sink()) {
            CustomerPortType port = X509Clients.port(CustomerPortType.class, "CustomerService", CUSTOMER_NS, who,
                    sink.address());
            assertThrows(RuntimeException.class, () -> port.createCustomers(create(name)));
            String request = sink.last();
            assertNotNull(request, "the sink received no request");
            assertTrue(request.contains("EncryptedData") && request.contains("SignatureValue")
                    && !request.contains(name), "the captured request is signed and its body encrypted");
            // Basic256Sha256 with RSA-SHA256 signatures: RSA-OAEP key transport, AES-256, SHA-256 digests
            for (String algorithm : new String[] {"xmldsig-more#rsa-sha256", "xmlenc#rsa-oaep-mgf1p",
                "xmlenc#aes256-cbc", "xmlenc#sha256"}) {
                assertTrue(request.contains(algorithm), algorithm);
            }
            return request;
        }
    }

    private static HttpResponse<String> send(String envelope) throws Exception {
        return RawSoap.post(PATH, RawSoap.soapAction("createCustomers"), envelope);
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertEquals(500, response.statusCode(), response.body());
        assertTrue(response.body().contains("A security error was encountered when verifying the message")
                || response.body().contains("security"), response.body());
        assertFalse(response.body().contains("org.apache") || response.body().contains("org.clientele")
                || response.body().contains("Exception"), response.body());
    }

    @Test
    void signedAndEncryptedCustomerCallsWork() throws Exception {
        String name = "X509 customer " + RUN;
        ItemResult created = customers("integration").createCustomers(create(name)).getResult().get(0);
        assertTrue(created.isSuccess(), () -> created.getError().toString());
        GetCustomers get = new GetCustomers();
        get.getId().add(created.getId());
        assertEquals(name, customers("readonly").getCustomers(get).getLookup().get(0).getCustomer().getData().getName());
        assertEquals(1, named(name));
    }

    /**
     * A signed call leaves no WARN per request in the server log: WSS4J warns on every signature check that no subject DN
     * patterns were set, which Clientele's rule (only a certificate bound to a user) makes moot; deploy/configure-logging.cli
     * filters that one message.
     */
    @Test
    void signedCallsLeaveNoWarningPerRequest() throws Exception {
        int before = Hooks.serverLog().length();
        GetCustomers get = new GetCustomers();
        get.getId().add(1L);
        for (int i = 0; i < 3; i++) {
            customers("readonly").getCustomers(get);
        }
        String log = Hooks.serverLog();
        String written = log.length() >= before ? log.substring(before) : log; // the log file rotated meanwhile
        assertFalse(written.contains("No Subject DN Certificate Constraints"),
                "WSS4J's per-request subject DN warning must be filtered from the server log");
    }

    /** The bound users' roles apply per operation, as on the UsernameToken ports. */
    @ParameterizedTest
    @CsvSource({
        "admin, true", "integration, true", "agent, false", "marketing, false", "readonly, false"})
    void rolesOfTheBoundUserApply(String who, boolean mayCreate) throws Exception {
        String name = "X509 roles " + who + " " + RUN;
        CustomerPortType port = customers(who);
        FindCustomers find = new FindCustomers();
        find.setNameContains(name);
        assertEquals(0, port.findCustomers(find).getCustomer().size()); // every role reads
        if (mayCreate) {
            assertTrue(port.createCustomers(create(name)).getResult().get(0).isSuccess());
            assertEquals(1, named(name));
        } else {
            CrmFault fault = assertThrows(CrmFault.class, () -> port.createCustomers(create(name)));
            assertEquals(ErrorCode.NOT_AUTHORIZED, fault.getFaultInfo().getCode());
            assertEquals(0, named(name));
        }
    }

    @Test
    void caseServiceOverX509() throws Exception {
        long customerId = customers("integration").createCustomers(create("X509 case customer " + RUN))
                .getResult().get(0).getId();
        CasePortType cases = X509Clients.port(CasePortType.class, "CaseService", "urn:clientele:crm:case:v1", "agent");
        long caseId = CaseOperationsIT.openOne(cases, CaseOperationsIT.data(customerId, Priority.MEDIUM));
        GetCases get = new GetCases();
        get.getId().add(caseId);
        assertEquals(caseId, cases.getCases(get).getLookup().get(0).getSupportCase().getId());
    }

    @Test
    void campaignServiceOverX509() throws Exception {
        CampaignPortType campaigns = X509Clients.port(CampaignPortType.class, "CampaignService",
                "urn:clientele:crm:campaign:v1", "marketing");
        long id = CampaignOperationsIT.create(campaigns, CampaignOperationsIT.data("X509 campaign " + RUN));
        GetCampaigns get = new GetCampaigns();
        get.getId().add(id);
        assertEquals("X509 campaign " + RUN,
                campaigns.getCampaigns(get).getLookup().get(0).getCampaign().getData().getName());
    }

    @Test
    void syncServiceOverX509() throws Exception {
        SyncPortType sync = X509Clients.port(SyncPortType.class, "SyncService", "urn:clientele:crm:sync:v1",
                "integration");
        assertFalse(sync.getLatestCursor(new GetLatestCursor()).getCursor().isBlank());
    }

    @Test
    void replayedMessageIsRefused() throws Exception {
        String name = "X509 replay " + RUN;
        String request = captured("integration", name);
        HttpResponse<String> first = send(request);
        assertEquals(200, first.statusCode(), first.body());
        assertRefused(send(request));
        assertEquals(1, named(name));
    }

    @Test
    void tamperedCiphertextIsRefused() throws Exception {
        String name = "X509 tampered " + RUN;
        String request = captured("integration", name);
        int body = request.indexOf("Body");
        int cipher = request.indexOf("CipherValue>", request.indexOf("EncryptedData", body)) + "CipherValue>".length();
        int at = cipher + 40;
        char flipped = request.charAt(at) == 'A' ? 'B' : 'A';
        assertRefused(send(request.substring(0, at) + flipped + request.substring(at + 1)));
        assertEquals(0, named(name));
    }

    /** The signed (and encrypted) Body moved into a header, a new plain Body in its place. */
    @Test
    void signatureWrappingIsRefused() throws Exception {
        String name = "X509 wrapped " + RUN;
        String intruder = "X509 intruder " + RUN;
        Document doc = parse(captured("integration", name));
        Element envelope = doc.getDocumentElement();
        Element header = (Element) doc.getElementsByTagNameNS(SOAP_NS, "Header").item(0);
        Element signedBody = (Element) doc.getElementsByTagNameNS(SOAP_NS, "Body").item(0);
        Element wrapper = doc.createElementNS("urn:example:wrapper", "w:Wrapper");
        header.appendChild(wrapper);
        wrapper.appendChild(signedBody);
        Element newBody = doc.createElementNS(SOAP_NS, "soap:Body");
        envelope.appendChild(newBody);
        Node payload = parse(RawSoap.envelope(null, RawSoap.createCustomersBody(RawSoap.escape(intruder))))
                .getElementsByTagNameNS(CUSTOMER_NS, "createCustomers").item(0);
        newBody.appendChild(doc.importNode(payload, true));
        // CXF's SOAP parser already refuses a soap:Body inside the Header ("No soap body"), before WS-Security
        HttpResponse<String> response = send(serialize(doc));
        assertEquals(500, response.statusCode(), response.body());
        assertTrue(RawSoap.isSoapFault(response), response.body());
        assertFalse(response.body().contains("org.apache") || response.body().contains("Exception"), response.body());
        assertEquals(0, named(intruder));
        assertEquals(0, named(name));
    }

    @Test
    void unsignedBodyIsRefused() throws Exception {
        String name = "X509 unsigned " + RUN;
        CustomerPortType port = X509Clients.timestampOnlySigned(CustomerPortType.class, "CustomerService", "integration");
        SOAPFaultException e = assertThrows(SOAPFaultException.class, () -> port.createCustomers(create(name)));
        assertTrue(Clientele.isSecurityFault(e), e.getMessage());
        assertEquals(0, named(name));
    }

    @ParameterizedTest
    @CsvSource({"untrusted", "unbound", "expired", "revoked"})
    void certificateNotAcceptedIsRefused(String who) throws Exception {
        String name = "X509 " + who + " " + RUN;
        assertRefused(send(captured(who, name)));
        assertEquals(0, named(name));
    }

    /** The operator scripts apply to the next request, without a restart: untrusted, refused; trusted again, accepted. */
    @Test
    void untrustAndTrustAgainApplyToTheNextRequest() throws Exception {
        deploy("x509-untrust-client.sh", JBOSS_HOME, "x509-marketing");
        String refused = "X509 untrusted marketing " + RUN;
        assertRefused(send(captured("marketing", refused)));
        deploy("x509-trust-client.sh", JBOSS_HOME, X509Clients.DIR.resolve("client-marketing.pem").toString(),
                "x509-marketing", "crm-marketing", X509Clients.DIR.resolve("ca.pem").toString());
        FindCustomers find = new FindCustomers();
        find.setNameContains(refused);
        assertEquals(0, customers("marketing").findCustomers(find).getCustomer().size());
        assertEquals(0, named(refused));
    }

    private static void deploy(String script, String... args) throws Exception {
        assertTrue(Files.isDirectory(Path.of(JBOSS_HOME)), "clientele.jboss.home must name the test server: " + JBOSS_HOME);
        List<String> command = new ArrayList<>(List.of("bash", Path.of("deploy", script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CONTROLLER", CONTROLLER);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), script + " did not finish");
        assertEquals(0, p.exitValue(), script + ": " + output);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String serialize(Document doc) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }
}
