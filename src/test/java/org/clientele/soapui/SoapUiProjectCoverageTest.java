package org.clientele.soapui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps the SoapUI project complete and honest without a server: every operation of every WSDL binding under wsdl/
 * (the X.509 sign + encrypt ports included) has a test case that calls it and one that expects its SOAP fault, the
 * cached definitions equal the contract files, and security comes from the WS-Security configurations rather than
 * pasted headers: UsernameToken on the UsernameToken ports, keystore-based signing and encryption of requests and
 * decryption and verification of responses on the X.509 ports.
 */
class SoapUiProjectCoverageTest {
    static final Path BASE = Path.of(System.getProperty("basedir", "."));
    static final Path PROJECT = BASE.resolve("src/test/soapui/clientele-soapui-project.xml");
    static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    static final String WSDL_SOAP12 = "http://schemas.xmlsoap.org/wsdl/soap12/";

    static SoapUiProject project;

    /** A binding of a WSDL file under wsdl/. */
    record Binding(String file, String qname, boolean soap12, Set<String> operations) {
    }

    @BeforeAll
    static void read() throws IOException {
        project = SoapUiProject.read(PROJECT);
    }

    static List<Binding> bindings() throws IOException {
        List<Binding> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(BASE.resolve("wsdl"))) {
            // every binding, the X.509 sign + encrypt ports (*X509.wsdl) included: their cases sign and encrypt with
            // the project's key stores (see x509RequestsAreSignedAndEncryptedAndTheirResponsesDecryptedAndVerified);
            // not *Listener.wsdl, a contract subscribers implement and Clientele calls: there is nothing to test at Clientele
            for (Path f : files.filter(p -> p.toString().endsWith(".wsdl") && !p.toString().endsWith("Listener.wsdl"))
                    .sorted().toList()) {
                Document doc = SoapUiXPath.parse(Files.readString(f, StandardCharsets.UTF_8));
                String tns = doc.getDocumentElement().getAttribute("targetNamespace");
                NodeList bs = doc.getElementsByTagNameNS(WSDL, "binding");
                for (int i = 0; i < bs.getLength(); i++) {
                    Element b = (Element) bs.item(i);
                    Set<String> ops = new LinkedHashSet<>();
                    for (Element op : SoapUiRunner.elements(b)) {
                        if (WSDL.equals(op.getNamespaceURI()) && "operation".equals(op.getLocalName())) {
                            ops.add(op.getAttribute("name"));
                        }
                    }
                    boolean soap12 = b.getElementsByTagNameNS(WSDL_SOAP12, "binding").getLength() > 0;
                    list.add(new Binding(f.getFileName().toString(), "{" + tns + "}" + b.getAttribute("name"), soap12, ops));
                }
            }
        }
        return list;
    }

    static SoapUiProject.WsdlInterface interfaceOf(Binding b) {
        return project.interfaces.values().stream().filter(i -> i.bindingName.equals(b.qname())).findFirst().orElse(null);
    }

    /** Request steps of enabled test cases, as interface#operation to the requests calling it. */
    static Map<String, List<SoapUiProject.Request>> calls() {
        Map<String, List<SoapUiProject.Request>> calls = new LinkedHashMap<>();
        for (SoapUiProject.TestSuite s : project.suites) {
            for (SoapUiProject.TestCase c : s.cases) {
                if (s.disabled || c.disabled) {
                    continue;
                }
                for (SoapUiProject.TestStep step : c.steps) {
                    if ("request".equals(step.type) && !step.disabled) {
                        SoapUiProject.Request r = step.request();
                        calls.computeIfAbsent(r.interfaceName + "#" + r.operation, k -> new ArrayList<>()).add(r);
                    }
                }
            }
        }
        return calls;
    }

    @Test
    void everyWsdlBindingIsAnInterfaceWithTheSameOperations() throws IOException {
        List<Binding> bindings = bindings();
        assertFalse(bindings.isEmpty(), "no WSDL bindings found under wsdl/");
        for (Binding b : bindings) {
            SoapUiProject.WsdlInterface i = interfaceOf(b);
            assertNotNull(i, "wsdl/" + b.file() + ": binding " + b.qname() + " has no SoapUI interface");
            assertEquals(b.soap12(), i.soap12(), "interface " + i.name + ": SOAP version");
            assertEquals(b.operations(), i.operations.keySet(), "interface " + i.name + ": operations");
        }
        assertEquals(bindings.size(), project.interfaces.size(), "interfaces without a WSDL binding in wsdl/");
    }

    @Test
    void everyOperationHasATestCaseThatCallsIt() throws IOException {
        Map<String, List<SoapUiProject.Request>> calls = calls();
        List<String> missing = new ArrayList<>();
        for (Binding b : bindings()) {
            SoapUiProject.WsdlInterface i = interfaceOf(b);
            for (String op : b.operations()) {
                if (i == null || !calls.containsKey(i.name + "#" + op)) {
                    missing.add(b.file() + " " + b.qname() + " " + op);
                }
            }
        }
        assertTrue(missing.isEmpty(), "operations no SoapUI test case calls: " + missing);
    }

    @Test
    void everyOperationHasAFaultTestCase() throws IOException {
        Map<String, List<SoapUiProject.Request>> calls = calls();
        List<String> missing = new ArrayList<>();
        for (Binding b : bindings()) {
            SoapUiProject.WsdlInterface i = interfaceOf(b);
            for (String op : b.operations()) {
                List<SoapUiProject.Request> requests = i == null ? List.of() : calls.getOrDefault(i.name + "#" + op, List.of());
                boolean fault = requests.stream().anyMatch(r -> r.assertions.stream()
                        .anyMatch(a -> a.type.equals("SOAP Fault Assertion") && !a.disabled));
                if (!fault) {
                    missing.add(b.file() + " " + b.qname() + " " + op);
                }
            }
        }
        assertTrue(missing.isEmpty(), "operations without a test step that expects a SOAP Fault: " + missing);
    }

    @Test
    void cachedDefinitionsAreTheContractFiles() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String dir : List.of("wsdl", "xsd")) {
            try (Stream<Path> s = Files.list(BASE.resolve(dir))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".wsdl") || p.toString().endsWith(".xsd")).toList()) {
                    files.put(dir + "/" + f.getFileName(), canonical(Files.readString(f, StandardCharsets.UTF_8)));
                }
            }
        }
        for (Binding b : bindings()) {
            SoapUiProject.WsdlInterface i = interfaceOf(b);
            assertNotNull(i, b.qname());
            assertFalse(i.parts.isEmpty(), "interface " + i.name + " has no definition cache");
            assertEquals(files.get("wsdl/" + b.file()), canonical(i.parts.get(i.rootPart)),
                    "interface " + i.name + ": cached root part " + i.rootPart + " differs from wsdl/" + b.file()
                            + " (the contract changed: update the definition in SoapUI)");
            for (Map.Entry<String, String> part : i.parts.entrySet()) {
                assertTrue(files.containsValue(canonical(part.getValue())), "interface " + i.name + ": cached part "
                        + part.getKey() + " matches no file in wsdl/ or xsd/ (update the definition in SoapUI)");
            }
            // Builds the schema from the cache alone, so every import resolves inside it.
            assertNotNull(SoapUiRunner.schema(i));
        }
    }

    @Test
    void cacheComparisonIgnoresRewrittenImportLocationsButNotTheContract() throws IOException {
        String file = Files.readString(BASE.resolve("wsdl/CustomerService.wsdl"), StandardCharsets.UTF_8);
        String served = file.replace("location=\"CustomerServiceAbstract.wsdl\"",
                "location=\"http://127.0.0.1:8080/clientele/CustomerService?wsdl=CustomerServiceAbstract.wsdl\"").replace("\n", "\n   ");
        assertEquals(canonical(file), canonical(served));
        assertNotEquals(canonical(file), canonical(file.replace("name=\"createCustomers\"", "name=\"createCustomer\"")));
    }

    @Test
    void requestsUseTheEndpointPropertyAndConfiguredSecurity() {
        assertEquals("http://127.0.0.1:8080", project.properties.get("endpoint"));
        assertTrue(project.properties.containsKey("username") && project.properties.containsKey("password"),
                "project properties username and password");
        for (String name : project.outgoingWss.keySet()) {
            SoapUiProject.OutgoingWss wss = project.outgoingWss.get(name);
            if (name.startsWith("x509-")) {
                assertTrue(wss.entries.stream().noneMatch(e -> e.type.equals("Username")), name + ": X.509 callers are their certificate");
                continue;
            }
            for (SoapUiProject.WssEntry e : wss.entries) {
                if (e.type.equals("Username")) {
                    assertEquals("PasswordDigest", e.configuration.get("passwordType"), name);
                    assertEquals("true", e.configuration.get("addNonce"), name);
                    assertEquals("true", e.configuration.get("addCreated"), name);
                }
            }
        }
        SoapUiProject.OutgoingWss main = project.outgoingWss.get("clientele");
        assertNotNull(main, "outgoing WS-Security configuration 'clientele'");
        assertEquals(List.of("Username", "Timestamp"), main.entries.stream().map(e -> e.type).toList());
        assertEquals("${#Project#username}", main.entries.get(0).username);
        assertEquals("${#Project#password}", main.entries.get(0).password);
        for (List<SoapUiProject.Request> requests : calls().values()) {
            for (SoapUiProject.Request r : requests) {
                assertTrue(r.endpoint.startsWith("${#Project#endpoint}/"), r.operation + ": endpoint " + r.endpoint);
                assertFalse(r.content.contains("Security") || r.content.contains("UsernameToken"),
                        r.operation + ": a pasted WS-Security header; use an outgoing WS-Security configuration");
                if (!r.outgoingWss.isEmpty()) {
                    assertTrue(project.outgoingWss.containsKey(r.outgoingWss), "unknown outgoingWss " + r.outgoingWss);
                }
            }
        }
        if (calls().values().stream().flatMap(List::stream).noneMatch(r -> r.outgoingWss.equals("clientele"))) {
            fail("no request uses the 'clientele' configuration");
        }
    }

    static final String SIGNATURE_ALGORITHM = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    /** X.509 interfaces: those of the *X509.wsdl bindings. */
    static Set<String> x509Interfaces() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Binding b : bindings()) {
            if (b.file().endsWith("X509.wsdl")) {
                names.add(interfaceOf(b).name);
            }
        }
        return names;
    }

    /** Whether an outgoing configuration is what the X.509 policy asks: Timestamp, Timestamp and Body signed, Body encrypted. */
    static boolean signsAndEncrypts(SoapUiProject.OutgoingWss wss) {
        if (!wss.entries.stream().map(e -> e.type).toList().equals(List.of("Timestamp", "Signature", "Encryption"))) {
            return false;
        }
        SoapUiProject.WssEntry sig = wss.entries.get(1);
        SoapUiProject.WssEntry enc = wss.entries.get(2);
        return SIGNATURE_ALGORITHM.equals(sig.configuration.get("signatureAlgorithm"))
                && "http://www.w3.org/2001/04/xmlenc#sha256".equals(sig.configuration.get("digestAlgorithm"))
                && "1".equals(sig.configuration.get("keyIdentifierType")) && "true".equals(sig.configuration.get("useSingleCert"))
                && sig.parts.equals(List.of(Map.of("id", "", "name", "Timestamp", "enc", "Element", "namespace", WSU),
                        Map.of("id", "", "name", "Body", "enc", "Element", "namespace", SoapUiRunner.SOAP11)))
                && "http://www.w3.org/2001/04/xmlenc#aes256-cbc".equals(enc.configuration.get("symmetricEncAlgorithm"))
                && "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p".equals(enc.configuration.get("encKeyTransport"))
                && "server-trust.jks".equals(enc.configuration.get("crypto")) && "server".equals(enc.username)
                && enc.parts.equals(List.of(Map.of("id", "", "name", "Body", "enc", "Content", "namespace", SoapUiRunner.SOAP11)));
    }

    @Test
    void x509RequestsAreSignedAndEncryptedAndTheirResponsesDecryptedAndVerified() throws IOException {
        Set<String> x509 = x509Interfaces();
        assertEquals(4, x509.size(), "X.509 interfaces " + x509);
        // the TEST-ONLY key stores the build generates, relative to the project file
        assertEquals("${projectDir}", project.resourceRoot);
        assertEquals("../../../target/x509-test", project.properties.get("x509Dir"));
        for (SoapUiProject.Crypto c : project.cryptos.values()) {
            assertTrue(c.source().startsWith("${#Project#x509Dir}/"), c.source());
            assertEquals("test-only", c.password(), c.label() + ": only TEST-ONLY key stores belong in the project");
        }
        Set<String> proven = new LinkedHashSet<>();
        for (SoapUiProject.TestSuite s : project.suites) {
            for (SoapUiProject.TestCase c : s.cases) {
                for (SoapUiProject.TestStep step : c.steps) {
                    if (!"request".equals(step.type)) {
                        continue;
                    }
                    SoapUiProject.Request r = step.request();
                    String where = s.name + " / " + c.name + " / " + step.name;
                    boolean fault = r.assertions.stream().anyMatch(a -> a.type.equals("SOAP Fault Assertion"));
                    boolean securityFault = r.assertions.stream().anyMatch(a -> a.name.equals("security fault text"));
                    if (!x509.contains(r.interfaceName)) {
                        assertTrue(r.outgoingWss.isEmpty() || !r.outgoingWss.startsWith("x509-"), where + ": X.509 keys on a UsernameToken port");
                        continue;
                    }
                    SoapUiProject.OutgoingWss out = project.outgoingWss.get(r.outgoingWss);
                    if (out == null || !signsAndEncrypts(out) || out.entries.get(1).configuration.get("crypto").equals("client-untrusted.jks")) {
                        // a request the X.509 policy refuses: plain, signed only, or signed by an untrusted key
                        assertTrue(fault && securityFault && r.incomingWss.isEmpty(), where + ": a refused request expects the security fault");
                        continue;
                    }
                    SoapUiProject.IncomingWss in = project.incomingWss.get(r.incomingWss);
                    assertNotNull(in, where + ": a signed and encrypted request reads its answer with an incoming configuration");
                    assertEquals(out.entries.get(1).configuration.get("crypto"), in.decryptCrypto(),
                            where + ": the answer is encrypted for the certificate that signed the request");
                    assertEquals("server-trust.jks", in.signatureCrypto(), where + ": the answer's signature is checked against the server certificate");
                    if (!fault) {
                        proven.add(r.interfaceName + "#" + r.operation);
                    }
                }
            }
        }
        for (Binding b : bindings()) {
            if (b.file().endsWith("X509.wsdl")) {
                for (String op : b.operations()) {
                    assertTrue(proven.contains(interfaceOf(b).name + "#" + op), b.file() + " " + op
                            + ": no signed and encrypted call whose answer is decrypted, verified and not a fault");
                }
            }
        }
    }

    /**
     * The XML's content without what a server or SoapUI may change when it serves or caches a definition: import
     * locations (rewritten to ?wsdl=/?xsd= URLs), namespace declarations, comments, formatting, attribute order and the
     * order of a WSDL's top-level parts.
     */
    static String canonical(String xml) throws IOException {
        if (xml == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        canonical(SoapUiXPath.parse(xml).getDocumentElement(), out);
        return out.toString();
    }

    private static void canonical(Element e, StringBuilder out) {
        out.append('<').append('{').append(e.getNamespaceURI()).append('}').append(e.getLocalName());
        java.util.TreeMap<String, String> attributes = new java.util.TreeMap<>();
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            org.w3c.dom.Attr a = (org.w3c.dom.Attr) e.getAttributes().item(i);
            String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI()) || name.equals("location") || name.equals("schemaLocation")) {
                continue;
            }
            attributes.put("{" + a.getNamespaceURI() + "}" + name, a.getValue());
        }
        out.append(attributes).append('>');
        List<String> children = new ArrayList<>();
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                StringBuilder c = new StringBuilder();
                canonical(child, c);
                children.add(c.toString());
            } else if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE || n.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                String text = n.getTextContent().strip().replaceAll("\\s+", " ");
                if (!text.isEmpty()) {
                    children.add(text);
                }
            }
        }
        // A server may reorder the top-level parts of a WSDL (CXF moves policies to the end); order matters below them.
        if (WSDL.equals(e.getNamespaceURI()) && "definitions".equals(e.getLocalName())) {
            java.util.Collections.sort(children);
        }
        children.forEach(out::append);
        out.append("</>");
    }
}
