package org.clientele.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The components of one version of the contract (a directory with wsdl/ and xsd/), indexed by qualified name across
 * all files, so that a component moved to another file of the same namespace is still the same component.
 */
final class ContractModel {

    static final String XS = "http://www.w3.org/2001/XMLSchema";
    static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";

    /** A named component and the file it was found in (e.g. "xsd/customer.xsd"). */
    record Located(Element element, String file) {
    }

    final Map<String, String> namespaceOfFile = new LinkedHashMap<>();
    final Map<QName, Located> elements = new LinkedHashMap<>();
    final Map<QName, Located> complexTypes = new LinkedHashMap<>();
    final Map<QName, Located> simpleTypes = new LinkedHashMap<>();
    final Map<QName, Located> messages = new LinkedHashMap<>();
    final Map<QName, Located> portTypes = new LinkedHashMap<>();
    final Map<QName, Located> bindings = new LinkedHashMap<>();
    final Map<String, Located> services = new LinkedHashMap<>();

    static ContractModel load(Path root) throws Exception {
        ContractModel model = new ContractModel();
        for (String dir : List.of("wsdl", "xsd")) {
            for (Path file : files(root.resolve(dir))) {
                model.add(dir + "/" + file.getFileName(), parse(file));
            }
        }
        return model;
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".wsdl") || p.toString().endsWith(".xsd")).sorted().toList();
        }
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private void add(String file, Document doc) {
        Element root = doc.getDocumentElement();
        namespaceOfFile.put(file, root.getAttribute("targetNamespace"));
        if (XS.equals(root.getNamespaceURI()) && "schema".equals(root.getLocalName())) {
            addSchema(file, root);
            return;
        }
        String tns = root.getAttribute("targetNamespace");
        for (Element e : children(root, WSDL, null)) {
            QName name = new QName(tns, e.getAttribute("name"));
            switch (e.getLocalName()) {
                case "message" -> messages.put(name, new Located(e, file));
                case "portType" -> portTypes.put(name, new Located(e, file));
                case "binding" -> bindings.put(name, new Located(e, file));
                case "service" -> services.put(e.getAttribute("name"), new Located(e, file));
                case "types" -> children(e, XS, "schema").forEach(s -> addSchema(file, s));
                default -> { }
            }
        }
    }

    private void addSchema(String file, Element schema) {
        String tns = schema.getAttribute("targetNamespace");
        for (Element e : children(schema, XS, null)) {
            if (!e.hasAttribute("name")) {
                continue;
            }
            QName name = new QName(tns, e.getAttribute("name"));
            switch (e.getLocalName()) {
                case "element" -> elements.put(name, new Located(e, file));
                case "complexType" -> complexTypes.put(name, new Located(e, file));
                case "simpleType" -> simpleTypes.put(name, new Located(e, file));
                default -> { }
            }
        }
    }

    /** The element children of a parent in a namespace, all of them or those with one local name. */
    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && (localName == null || localName.equals(e.getLocalName()))) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String ns, String localName) {
        List<Element> c = children(parent, ns, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    /** Resolves a prefixed name (e.g. "c:Id") against the namespace declarations in scope at the element. */
    static QName qname(Element context, String lexical) {
        if (lexical == null || lexical.isBlank()) {
            return null;
        }
        String value = lexical.strip();
        int colon = value.indexOf(':');
        String prefix = colon < 0 ? null : value.substring(0, colon);
        String ns = context.lookupNamespaceURI(prefix);
        return new QName(ns == null ? "" : ns, colon < 0 ? value : value.substring(colon + 1));
    }

    /** The element each part of a message refers to, in part order. */
    List<QName> partElements(QName message) {
        List<QName> out = new ArrayList<>();
        Located m = messages.get(message);
        if (m != null) {
            for (Element part : children(m.element(), WSDL, "part")) {
                out.add(part.hasAttribute("element") ? qname(part, part.getAttribute("element"))
                        : new QName("type", String.valueOf(qname(part, part.getAttribute("type")))));
            }
        }
        return out;
    }
}
