package org.clientele.soapui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The parts of a SoapUI 5.x project file ({@code con:soapui-project}) that the build runner executes, read with DOM:
 * project properties, WSDL interfaces, outgoing WS-Security configurations and test suites, cases and steps.
 */
public final class SoapUiProject {
    /** Namespace of every SoapUI project element. */
    public static final String CON = "http://eviware.com/soapui/config";

    public final String name;
    public final Map<String, String> properties;
    public final Map<String, WsdlInterface> interfaces;
    public final Map<String, OutgoingWss> outgoingWss;
    public final List<TestSuite> suites;

    private SoapUiProject(Element root) {
        if (!CON.equals(root.getNamespaceURI()) || !"soapui-project".equals(root.getLocalName())) {
            throw new IllegalArgumentException("not a SoapUI project: root element is " + root.getTagName());
        }
        name = root.getAttribute("name");
        properties = readProperties(child(root, "properties"));
        Map<String, WsdlInterface> ifaces = new LinkedHashMap<>();
        for (Element e : children(root, "interface")) {
            WsdlInterface i = new WsdlInterface(e);
            ifaces.put(i.name, i);
        }
        interfaces = Collections.unmodifiableMap(ifaces);
        Map<String, OutgoingWss> wss = new LinkedHashMap<>();
        Element container = child(root, "wssContainer");
        if (container != null) {
            for (Element e : children(container, "outgoing")) {
                OutgoingWss o = new OutgoingWss(e);
                wss.put(o.name, o);
            }
            for (Element e : children(container, "incoming")) {
                throw new IllegalArgumentException("incoming WS-Security configurations are not supported by the build runner: "
                        + text(child(e, "name")));
            }
        }
        outgoingWss = Collections.unmodifiableMap(wss);
        List<TestSuite> s = new ArrayList<>();
        for (Element e : children(root, "testSuite")) {
            s.add(new TestSuite(e));
        }
        suites = Collections.unmodifiableList(s);
    }

    public static SoapUiProject read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static SoapUiProject read(InputStream in) throws IOException {
        return new SoapUiProject(parse(in).getDocumentElement());
    }

    static Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable XML: " + e.getMessage(), e);
        }
    }

    /** A SoapUI interface: one WSDL binding with its operations (name to SOAPAction) and cached definition parts. */
    public static final class WsdlInterface {
        public final String name;
        /** "1_1" or "1_2", as SoapUI writes it. */
        public final String soapVersion;
        /** The binding's QName in {namespace}local form. */
        public final String bindingName;
        public final String definition;
        public final String rootPart;
        /** Definition parts by URL: the WSDLs and schemas SoapUI cached. */
        public final Map<String, String> parts;
        public final Map<String, String> operations;

        WsdlInterface(Element e) {
            name = e.getAttribute("name");
            soapVersion = e.getAttribute("soapVersion");
            if (!"1_1".equals(soapVersion) && !"1_2".equals(soapVersion)) {
                throw new IllegalArgumentException("interface " + name + ": unsupported soapVersion '" + soapVersion + "'");
            }
            bindingName = e.getAttribute("bindingName");
            definition = e.getAttribute("definition");
            Map<String, String> p = new LinkedHashMap<>();
            Element cache = child(e, "definitionCache");
            rootPart = cache == null ? "" : cache.getAttribute("rootPart");
            if (cache != null) {
                for (Element part : children(cache, "part")) {
                    p.put(text(child(part, "url")), text(child(part, "content")));
                }
            }
            parts = Collections.unmodifiableMap(p);
            Map<String, String> ops = new LinkedHashMap<>();
            for (Element op : children(e, "operation")) {
                ops.put(op.getAttribute("name"), op.getAttribute("action"));
            }
            operations = Collections.unmodifiableMap(ops);
        }

        public boolean soap12() {
            return "1_2".equals(soapVersion);
        }
    }

    /** An outgoing WS-Security configuration ({@code con:outgoing}) with its entries in order. */
    public static final class OutgoingWss {
        public final String name;
        public final String actor;
        public final boolean mustUnderstand;
        public final List<WssEntry> entries;

        OutgoingWss(Element e) {
            name = text(child(e, "name"));
            actor = e.getAttribute("actor");
            mustUnderstand = !"false".equals(e.getAttribute("mustUnderstand"));
            List<WssEntry> list = new ArrayList<>();
            for (Element entry : children(e, "entry")) {
                list.add(new WssEntry(entry));
            }
            entries = Collections.unmodifiableList(list);
        }
    }

    /** One entry of an outgoing WS-Security configuration, e.g. Username or Timestamp, with its settings. */
    public static final class WssEntry {
        public final String type;
        public final String username;
        public final String password;
        /** The unprefixed children of {@code con:configuration}, by element name. */
        public final Map<String, String> configuration;

        WssEntry(Element e) {
            type = e.getAttribute("type");
            username = e.getAttribute("username");
            password = e.getAttribute("password");
            Map<String, String> c = new LinkedHashMap<>();
            Element conf = child(e, "configuration");
            if (conf != null) {
                for (Node n = conf.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element el) {
                        c.put(el.getLocalName(), el.getTextContent().trim());
                    }
                }
            }
            configuration = Collections.unmodifiableMap(c);
        }
    }

    /** A test suite with its properties and test cases. */
    public static final class TestSuite {
        public final String name;
        public final boolean disabled;
        public final Map<String, String> properties;
        public final List<TestCase> cases;

        TestSuite(Element e) {
            name = e.getAttribute("name");
            disabled = "true".equals(e.getAttribute("disabled"));
            properties = readProperties(child(e, "properties"));
            List<TestCase> list = new ArrayList<>();
            for (Element c : children(e, "testCase")) {
                list.add(new TestCase(c));
            }
            cases = Collections.unmodifiableList(list);
        }
    }

    /** A test case: its properties and its steps in order. */
    public static final class TestCase {
        public final String name;
        public final boolean disabled;
        public final Map<String, String> properties;
        public final List<TestStep> steps;
        public final boolean hasScripts;
        /** TestCase Options' timeout in milliseconds (0: none); it bounds the loops of Conditional Goto steps. */
        public final long timeoutMillis;

        TestCase(Element e) {
            name = e.getAttribute("name");
            timeoutMillis = e.getAttribute("timeout").isBlank() ? 0 : Long.parseLong(e.getAttribute("timeout").trim());
            disabled = "true".equals(e.getAttribute("disabled"));
            properties = readProperties(child(e, "properties"));
            hasScripts = !text(child(e, "setupScript")).isBlank() || !text(child(e, "tearDownScript")).isBlank();
            List<TestStep> list = new ArrayList<>();
            for (Element s : children(e, "testStep")) {
                list.add(new TestStep(s));
            }
            steps = Collections.unmodifiableList(list);
        }
    }

    /** A test step; {@link #type} decides which of the typed views below apply. */
    public static final class TestStep {
        public final String name;
        public final String type;
        public final boolean disabled;
        public final Element config;

        TestStep(Element e) {
            name = e.getAttribute("name");
            type = e.getAttribute("type");
            disabled = "true".equals(e.getAttribute("disabled"));
            config = child(e, "config");
        }

        /** The request of a {@code type="request"} step. */
        public Request request() {
            if (!"request".equals(type)) {
                throw new IllegalStateException("step " + name + " is a '" + type + "' step, not a request");
            }
            return new Request(config);
        }

        /** The transfers of a {@code type="transfer"} step. */
        public List<Transfer> transfers() {
            List<Transfer> list = new ArrayList<>();
            for (Element t : children(config, "transfers")) {
                list.add(new Transfer(t));
            }
            return list;
        }

        /** The initial properties of a {@code type="properties"} step. */
        public Map<String, String> stepProperties() {
            return readProperties(child(config, "properties"));
        }

        /** One condition of a Conditional Goto step: when its expression is true, go to the target step. */
        public record GotoCondition(String name, String type, String expression, String targetStep) {
        }

        /** The conditions of a {@code type="goto"} (Conditional Goto) step, in order. */
        public List<GotoCondition> gotoConditions() {
            List<GotoCondition> list = new ArrayList<>();
            if (config != null) {
                for (Element c : children(config, "condition")) {
                    list.add(new GotoCondition(text(child(c, "name")), text(child(c, "type")), text(child(c, "expression")),
                            text(child(c, "targetStep"))));
                }
            }
            return list;
        }
    }

    /** A SOAP request of a request step: interface, operation, endpoint, body, WSS selection and assertions. */
    public static final class Request {
        public final String interfaceName;
        public final String operation;
        public final String endpoint;
        public final String content;
        public final String outgoingWss;
        public final String incomingWss;
        public final List<Assertion> assertions;

        Request(Element config) {
            interfaceName = text(child(config, "interface"));
            operation = text(child(config, "operation"));
            Element r = child(config, "request");
            if (r == null) {
                throw new IllegalArgumentException("request step without con:request");
            }
            endpoint = text(child(r, "endpoint"));
            content = text(child(r, "request"));
            outgoingWss = r.getAttribute("outgoingWss");
            incomingWss = r.getAttribute("incomingWss");
            List<Assertion> list = new ArrayList<>();
            for (Element a : children(r, "assertion")) {
                list.add(new Assertion(a));
            }
            assertions = Collections.unmodifiableList(list);
        }
    }

    /** An assertion of a request: SoapUI type name, display name and the raw configuration. */
    public static final class Assertion {
        public final String type;
        public final String name;
        public final boolean disabled;
        public final Map<String, String> configuration;

        Assertion(Element e) {
            type = e.getAttribute("type");
            name = e.getAttribute("name").isEmpty() ? type : e.getAttribute("name");
            disabled = "true".equals(e.getAttribute("disabled"));
            Map<String, String> c = new LinkedHashMap<>();
            Element conf = child(e, "configuration");
            if (conf != null) {
                for (Node n = conf.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element el) {
                        c.put(el.getLocalName(), el.getTextContent());
                    }
                }
            }
            configuration = Collections.unmodifiableMap(c);
        }
    }

    /** One property transfer: source step/property/path to target step/property/path. */
    public static final class Transfer {
        public final String name;
        public final String sourceStep;
        public final String sourceType;
        public final String sourcePath;
        public final String targetStep;
        public final String targetType;
        public final String targetPath;
        public final boolean failOnError;
        public final boolean disabled;
        /** The path languages ({@code con:sourceTransferType}, {@code con:targetTransferType}); XPATH when absent. */
        public final String sourceLanguage;
        public final String targetLanguage;

        Transfer(Element e) {
            name = text(child(e, "name"));
            sourceStep = text(child(e, "sourceStep"));
            sourceType = text(child(e, "sourceType"));
            sourcePath = text(child(e, "sourcePath"));
            targetStep = text(child(e, "targetStep"));
            targetType = text(child(e, "targetType"));
            targetPath = text(child(e, "targetPath"));
            failOnError = !"false".equals(e.getAttribute("failOnError"));
            disabled = "true".equals(e.getAttribute("disabled"));
            sourceLanguage = child(e, "sourceTransferType") == null ? "XPATH" : text(child(e, "sourceTransferType"));
            targetLanguage = child(e, "targetTransferType") == null ? "XPATH" : text(child(e, "targetTransferType"));
        }
    }

    static Map<String, String> readProperties(Element props) {
        Map<String, String> map = new LinkedHashMap<>();
        if (props != null) {
            for (Element p : children(props, "property")) {
                map.put(text(child(p, "name")), text(child(p, "value")));
            }
        }
        return map;
    }

    static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && CON.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> list = new ArrayList<>();
        if (parent == null) {
            return list;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && CON.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                list.add(e);
            }
        }
        return list;
    }

    static String text(Element e) {
        return e == null ? "" : e.getTextContent();
    }
}
