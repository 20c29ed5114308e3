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
 * project properties, WSDL interfaces, the WS-Security container (key stores, incoming and outgoing configurations)
 * and test suites, cases and steps.
 */
public final class SoapUiProject {
    /** Namespace of every SoapUI project element. */
    public static final String CON = "http://eviware.com/soapui/config";

    public final String name;
    public final Map<String, String> properties;
    public final Map<String, WsdlInterface> interfaces;
    public final Map<String, OutgoingWss> outgoingWss;
    /** Incoming WS-Security configurations ({@code con:incoming}) by name. */
    public final Map<String, IncomingWss> incomingWss;
    /** Key stores and trust stores ({@code con:crypto}) by their SoapUI label: the file name of their source. */
    public final Map<String, Crypto> cryptos;
    /** The project's resource root, against which SoapUI resolves relative paths (empty: the working directory). */
    public final String resourceRoot;
    /** The directory of the project file (SoapUI's ${projectDir}); null when the project was not read from a file. */
    public final Path projectDir;
    public final List<TestSuite> suites;

    private SoapUiProject(Element root, Path projectDir) {
        this.projectDir = projectDir;
        if (!CON.equals(root.getNamespaceURI()) || !"soapui-project".equals(root.getLocalName())) {
            throw new IllegalArgumentException("not a SoapUI project: root element is " + root.getTagName());
        }
        name = root.getAttribute("name");
        resourceRoot = root.getAttribute("resourceRoot");
        properties = readProperties(child(root, "properties"));
        Map<String, WsdlInterface> ifaces = new LinkedHashMap<>();
        for (Element e : children(root, "interface")) {
            WsdlInterface i = new WsdlInterface(e);
            ifaces.put(i.name, i);
        }
        interfaces = Collections.unmodifiableMap(ifaces);
        Map<String, OutgoingWss> wss = new LinkedHashMap<>();
        Map<String, IncomingWss> incoming = new LinkedHashMap<>();
        Map<String, Crypto> crypto = new LinkedHashMap<>();
        Element container = child(root, "wssContainer");
        if (container != null) {
            for (Element e : children(container, "crypto")) {
                Crypto c = new Crypto(e);
                if (crypto.put(c.label(), c) != null) {
                    // SoapUI's entries name a key store by the file name of its source alone
                    throw new IllegalArgumentException("two key stores named '" + c.label() + "' in the WS-Security container");
                }
            }
            for (Element e : children(container, "outgoing")) {
                OutgoingWss o = new OutgoingWss(e);
                wss.put(o.name, o);
            }
            for (Element e : children(container, "incoming")) {
                IncomingWss i = new IncomingWss(e);
                incoming.put(i.name, i);
            }
        }
        outgoingWss = Collections.unmodifiableMap(wss);
        incomingWss = Collections.unmodifiableMap(incoming);
        cryptos = Collections.unmodifiableMap(crypto);
        List<TestSuite> s = new ArrayList<>();
        for (Element e : children(root, "testSuite")) {
            s.add(new TestSuite(e));
        }
        suites = Collections.unmodifiableList(s);
    }

    public static SoapUiProject read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new SoapUiProject(parse(in).getDocumentElement(), file.toAbsolutePath().getParent());
        }
    }

    /** A project read from a stream; relative key store paths resolve against {@code projectDir} (may be null). */
    public static SoapUiProject read(InputStream in, Path projectDir) throws IOException {
        return new SoapUiProject(parse(in).getDocumentElement(), projectDir);
    }

    public static SoapUiProject read(InputStream in) throws IOException {
        return read(in, null);
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
        /** The unprefixed children of {@code con:configuration}, by element name (the last one of a repeated name). */
        public final Map<String, String> configuration;
        /**
         * The rows of a Signature or Encryption entry's Parts table ({@code signaturePart}, {@code encryptionPart}),
         * each a map of its columns: id, name, namespace, enc.
         */
        public final List<Map<String, String>> parts;

        WssEntry(Element e) {
            type = e.getAttribute("type");
            username = e.getAttribute("username");
            password = e.getAttribute("password");
            Map<String, String> c = new LinkedHashMap<>();
            List<Map<String, String>> p = new ArrayList<>();
            Element conf = child(e, "configuration");
            if (conf != null) {
                for (Node n = conf.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element el) {
                        String name = el.getLocalName();
                        if (name.equals("signaturePart") || name.equals("encryptionPart")) {
                            p.add(partsRow(el.getTextContent()));
                        }
                        c.put(name, el.getTextContent().trim());
                    }
                }
            }
            configuration = Collections.unmodifiableMap(c);
            parts = Collections.unmodifiableList(p);
        }

        /**
         * One row of a Parts table as SoapUI stores it: the text of an XMLBeans string-to-string map,
         * {@code <xml-fragment><con:entry key="name" value="Body"/>...</xml-fragment>} (the con prefix is not
         * always declared in it, so the fragment is read without namespaces).
         */
        static Map<String, String> partsRow(String fragment) {
            Map<String, String> row = new LinkedHashMap<>();
            if (fragment.isBlank() || fragment.trim().equals("<xml-fragment/>")) {
                return row;
            }
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(false);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                Document doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(fragment.trim())));
                org.w3c.dom.NodeList entries = doc.getDocumentElement().getChildNodes();
                for (int i = 0; i < entries.getLength(); i++) {
                    if (entries.item(i) instanceof Element entry) {
                        if (!entry.getTagName().equals("entry") && !entry.getTagName().endsWith(":entry")) {
                            throw new IllegalArgumentException("unexpected <" + entry.getTagName() + "> in a WS-Security parts row");
                        }
                        row.put(entry.getAttribute("key"), entry.getAttribute("value"));
                    }
                }
                return row;
            } catch (ParserConfigurationException | SAXException | IOException ex) {
                throw new IllegalArgumentException("unreadable WS-Security parts row: " + fragment.trim(), ex);
            }
        }
    }

    /** A key store or trust store of the WS-Security container ({@code con:crypto}). */
    public record Crypto(String source, String password, String type, String defaultAlias, String aliasPassword,
                         String cryptoProvider) {
        Crypto(Element e) {
            this(text(child(e, "source")).trim(), text(child(e, "password")), text(child(e, "type")).trim(),
                    text(child(e, "defaultAlias")).trim(), text(child(e, "aliasPassword")), text(child(e, "cryptoProvider")).trim());
        }

        /** SoapUI's label of a key store, by which entries refer to it: the file name of its source. */
        public String label() {
            int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
            return source.substring(slash + 1);
        }
    }

    /**
     * An incoming WS-Security configuration ({@code con:incoming}): the key store that decrypts responses, the one
     * that verifies their signatures, and the password of the decryption key.
     */
    public record IncomingWss(String name, String decryptCrypto, String signatureCrypto, String decryptPassword) {
        IncomingWss(Element e) {
            this(text(child(e, "name")), text(child(e, "decryptCrypto")).trim(), text(child(e, "signatureCrypto")).trim(),
                    text(child(e, "decryptPassword")));
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
