package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.nio.file.Files;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The WSDLs the server publishes: one port with the right SOAP binding, the UsernameToken policy on the secured
 * services and no wsdl:required extension, and every imported WSDL and schema served by the server itself.
 */
class WsdlIT {
    static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
    static final String SOAP11_BINDING_NS = "http://schemas.xmlsoap.org/wsdl/soap/";
    static final String SOAP12_BINDING_NS = "http://schemas.xmlsoap.org/wsdl/soap12/";
    static final String XSD_NS = "http://www.w3.org/2001/XMLSchema";
    static final String WSP_NS = "http://www.w3.org/ns/ws-policy";
    static final String SP_NS = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702";
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost");

    /** One fetched document: where it came from, its DOM and its text. */
    record Doc(URI url, Document dom, String text) {
    }

    /**
     * Every published WSDL, found by convention in the contract directory: the concrete {@code wsdl/*.wsdl} (not the
     * abstract parts, not Common.wsdl, not the {@code *Listener.wsdl} contracts that subscribers implement and Clientele
     * calls). A new service is checked without editing this test.
     */
    static List<String> services() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("wsdl"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wsdl"))
                    .map(n -> n.substring(0, n.length() - ".wsdl".length()))
                    .filter(n -> !n.endsWith("Abstract") && !n.equals("Common") && !n.endsWith("Listener")).sorted().toList();
            assertFalse(names.isEmpty(), "no WSDL found under wsdl/");
            return names;
        }
    }

    /** Each service with the SOAP version of its binding: the *12 variants speak SOAP 1.2. */
    static Stream<Arguments> servicesWithSoapVersion() throws IOException {
        return services().stream().map(s -> Arguments.of(s, s.endsWith("12") ? "1.2" : "1.1"));
    }

    /** The UsernameToken and unsecured services (StatusService only), with whether they must be secured. */
    static Stream<Arguments> usernameTokenAndUnsecuredServices() throws IOException {
        return services().stream().filter(s -> !s.endsWith("X509"))
                .map(s -> Arguments.of(s, !s.startsWith("StatusService")));
    }

    /** The X.509 (sign + encrypt) variants. */
    static Stream<String> x509Services() throws IOException {
        return services().stream().filter(s -> s.endsWith("X509"));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document d, String ns, String localName) {
        NodeList nodes = d.getElementsByTagNameNS(ns, localName);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static void assertLocal(URI url, String context) {
        assertTrue("http".equals(url.getScheme()) || "https".equals(url.getScheme()), context + ": " + url);
        assertTrue(LOCAL_HOSTS.contains(url.getHost()), context + " points outside the server: " + url);
    }

    /** The WSDL of the service and, recursively, every WSDL and schema it imports or includes. */
    private static Map<URI, Doc> crawl(String service) throws Exception {
        Map<URI, Doc> docs = new LinkedHashMap<>();
        Deque<URI> todo = new ArrayDeque<>();
        todo.add(URI.create(Clientele.URL + "/clientele/" + service + "?wsdl"));
        while (!todo.isEmpty()) {
            URI url = todo.poll();
            if (docs.containsKey(url)) {
                continue;
            }
            assertLocal(url, "document");
            HttpResponse<String> r = RawSoap.get(url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
            assertEquals(200, r.statusCode(), () -> url + " answered " + r.statusCode() + ": " + r.body());
            Doc doc = new Doc(url, parse(r.body()), r.body());
            docs.put(url, doc);
            List<String> refs = new ArrayList<>();
            elements(doc.dom(), WSDL_NS, "import").forEach(e -> refs.add(e.getAttribute("location")));
            elements(doc.dom(), XSD_NS, "import").forEach(e -> refs.add(e.getAttribute("schemaLocation")));
            elements(doc.dom(), XSD_NS, "include").forEach(e -> refs.add(e.getAttribute("schemaLocation")));
            elements(doc.dom(), XSD_NS, "redefine").forEach(e -> refs.add(e.getAttribute("schemaLocation")));
            for (String ref : refs) {
                if (ref.isEmpty()) {
                    continue; // an xs:import of a namespace defined in the same document
                }
                URI target = url.resolve(ref);
                assertLocal(target, "import " + ref + " in " + url);
                todo.add(target);
            }
        }
        return docs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servicesWithSoapVersion")
    void exactlyOnePortWithItsSoapBinding(String service, String soapVersion) throws Exception {
        Map<URI, Doc> docs = crawl(service);
        List<Element> ports = new ArrayList<>();
        List<Element> bindings = new ArrayList<>();
        docs.values().forEach(d -> {
            ports.addAll(elements(d.dom(), WSDL_NS, "port"));
            bindings.addAll(elements(d.dom(), WSDL_NS, "binding"));
        });
        assertEquals(1, ports.size(), "wsdl:port elements");
        assertEquals(1, bindings.size(), "wsdl:binding elements");
        Element binding = bindings.get(0);
        String expectedNs = soapVersion.equals("1.2") ? SOAP12_BINDING_NS : SOAP11_BINDING_NS;
        String otherNs = soapVersion.equals("1.2") ? SOAP11_BINDING_NS : SOAP12_BINDING_NS;
        assertEquals(1, binding.getElementsByTagNameNS(expectedNs, "binding").getLength(), "SOAP " + soapVersion + " binding");
        assertEquals(0, binding.getElementsByTagNameNS(otherNs, "binding").getLength());
        assertEquals("http://schemas.xmlsoap.org/soap/http",
                ((Element) binding.getElementsByTagNameNS(expectedNs, "binding").item(0)).getAttribute("transport"));
        NodeList address = ports.get(0).getElementsByTagNameNS(expectedNs, "address");
        assertEquals(1, address.getLength(), "soap:address of SOAP " + soapVersion);
        URI location = URI.create(((Element) address.item(0)).getAttribute("location"));
        assertLocal(location, "soap:address");
        assertTrue(location.getPath().endsWith("/clientele/" + service), location.toString());
    }

    @ParameterizedTest(name = "{0} secured={1}")
    @MethodSource("usernameTokenAndUnsecuredServices")
    void usernameTokenPolicyOnSecuredServicesOnly(String service, boolean secured) throws Exception {
        Map<URI, Doc> docs = crawl(service);
        List<Element> policies = new ArrayList<>();
        List<Element> tokens = new ArrayList<>();
        List<Element> references = new ArrayList<>();
        docs.values().forEach(d -> {
            policies.addAll(elements(d.dom(), WSP_NS, "Policy"));
            tokens.addAll(elements(d.dom(), SP_NS, "UsernameToken"));
            references.addAll(elements(d.dom(), WSP_NS, "PolicyReference"));
        });
        if (!secured) {
            assertTrue(policies.isEmpty(), "an unsecured service publishes no policy");
            assertTrue(tokens.isEmpty());
            return;
        }
        assertFalse(policies.isEmpty(), "wsp:Policy");
        assertFalse(tokens.isEmpty(), "sp:UsernameToken");
        // the digest alternative (usable over plain HTTP) must be among them
        assertTrue(tokens.stream().anyMatch(t -> t.getElementsByTagNameNS(SP_NS, "HashPassword").getLength() == 1),
                "a UsernameToken with sp:HashPassword");
        // the binding refers to a policy that is defined in the published documents
        assertEquals(1, references.size(), "wsp:PolicyReference");
        String uri = references.get(0).getAttribute("URI");
        assertTrue(uri.startsWith("#"), uri);
        String id = uri.substring(1);
        boolean defined = policies.stream().anyMatch(p -> {
            NamedNodeMap attrs = p.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if ("Id".equals(a.getLocalName()) && id.equals(a.getValue())) {
                    return true;
                }
            }
            return false;
        });
        assertTrue(defined, "policy " + uri + " is defined");
    }

    /** The X.509 ports: sign + encrypt policy (AsymmetricBinding, Basic256Sha256), referenced and defined. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("x509Services")
    void x509PolicyOnX509Ports(String service) throws Exception {
        Map<URI, Doc> docs = crawl(service);
        List<Element> policies = new ArrayList<>();
        List<Element> references = new ArrayList<>();
        docs.values().forEach(d -> {
            policies.addAll(elements(d.dom(), WSP_NS, "Policy"));
            references.addAll(elements(d.dom(), WSP_NS, "PolicyReference"));
        });
        assertEquals(1, references.size(), "wsp:PolicyReference");
        String id = references.get(0).getAttribute("URI").substring(1);
        Element policy = policies.stream().filter(p -> id.equals(p.getAttributeNS(
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd", "Id")))
                .findFirst().orElseThrow(() -> new AssertionError("policy #" + id + " is not defined"));
        for (String assertion : List.of("AsymmetricBinding", "InitiatorToken", "RecipientToken", "X509Token",
                "Basic256Sha256", "IncludeTimestamp", "SignedParts", "EncryptedParts")) {
            assertEquals(assertion.equals("X509Token") ? 2 : 1,
                    policy.getElementsByTagNameNS(SP_NS, assertion).getLength(), "sp:" + assertion);
        }
        assertEquals(0, policy.getElementsByTagNameNS(SP_NS, "UsernameToken").getLength());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void noWsdlRequiredExtension(String service) throws Exception {
        // wsdl:required="true" makes many client toolkits (e.g. .NET svcutil, older wsimport) refuse the WSDL
        for (Doc d : crawl(service).values()) {
            assertFalse(d.text().contains("required=\"true\""), d.url() + " has required=\"true\"");
            NodeList all = d.dom().getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Attr required = ((Element) all.item(i)).getAttributeNodeNS(WSDL_NS, "required");
                if (required != null && "true".equals(required.getValue().trim())) {
                    fail(d.url() + ": " + all.item(i).getNodeName() + " has wsdl:required=true");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"../../WEB-INF/web.xml", "../WEB-INF/jboss-web.xml", "../../../../../../../../etc/passwd",
        "file:///etc/passwd", "../xsd/bindings.xjb"})
    void xsdQueryServesOnlyThePublishedSchemas(String path) throws Exception {
        HttpResponse<String> r = RawSoap.get("/clientele/CustomerService?xsd=" + path);
        assertFalse(r.statusCode() == 200, () -> path + " was served: " + r.body());
        assertFalse(r.body().contains("root:"), r::body);
        assertFalse(r.body().contains("<web-app"), r::body);
        assertFalse(r.body().contains("security-domain"), r::body);
        assertFalse(r.body().contains("jaxb:bindings"), r::body);
    }

    static String ownNamespace(String service) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(Path.of("wsdl", service + ".wsdl").toFile()).getDocumentElement()
                .getAttribute("targetNamespace");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyImportIsServedByTheServerItself(String service) throws Exception {
        Map<URI, Doc> docs = crawl(service);
        // the concrete WSDL, the abstract WSDL and the schemas it pulls in
        assertTrue(docs.size() >= 3, () -> "fetched " + docs.keySet());
        List<String> targetNamespaces = new ArrayList<>();
        docs.values().forEach(d -> targetNamespaces.add(d.dom().getDocumentElement().getAttribute("targetNamespace")));
        assertTrue(targetNamespaces.contains("urn:clientele:crm:common:v1"), targetNamespaces::toString);
        // the service's own namespace is the target namespace of its contract file
        String own = ownNamespace(service);
        assertTrue(docs.values().stream().anyMatch(d -> XSD_NS.equals(d.dom().getDocumentElement().getNamespaceURI())
                && own.equals(d.dom().getDocumentElement().getAttribute("targetNamespace"))), "schema of " + own);
        for (Doc d : docs.values()) {
            assertNotNull(d.dom().getDocumentElement());
            assertFalse(d.text().contains("file:"), d.url() + " leaks a file location");
        }
    }
}
