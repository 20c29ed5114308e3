package org.clientele.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every operation, element, type and enumeration value of the contract carries documentation, and every operation
 * says which roles may call it and which CrmFault codes it can raise (the generated API reference shows both).
 */
class ContractDocumentationTest {

    static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final String XS = "http://www.w3.org/2001/XMLSchema";
    static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    static final Set<String> ROLES = Set.of("crm-admin", "crm-integration", "crm-agent", "crm-marketing", "crm-readonly", "anyone");

    @Test
    void everySchemaComponentIsDocumented() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Path xsd : files("xsd", ".xsd")) {
            missing.addAll(undocumentedSchemaComponents(parse(xsd), xsd.getFileName().toString()));
        }
        assertEquals(List.of(), missing, "schema components without xs:annotation/xs:documentation");
    }

    @Test
    void everyOperationIsDocumentedWithRolesAndFaults() throws Exception {
        Set<String> codes = errorCodes();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Path wsdl : files("wsdl", "Abstract.wsdl")) {
            // a *Listener contract is implemented by subscribers and called by Clientele: it has no roles and no
            // CrmFault of Clientele's, but it is documented like every operation
            boolean implementedBySubscribers = wsdl.getFileName().toString().contains("Listener");
            for (Element op : operationsOf(parse(wsdl))) {
                operations++;
                if (implementedBySubscribers) {
                    if (op.getElementsByTagNameNS("http://schemas.xmlsoap.org/wsdl/", "documentation").getLength() == 0) {
                        problems.add(wsdl.getFileName() + ": operation " + op.getAttribute("name") + " has no wsdl:documentation");
                    }
                } else {
                    problems.addAll(operationProblems(op, wsdl.getFileName().toString(), codes));
                }
            }
        }
        assertTrue(operations >= 30, "expected the operations of every service, found " + operations);
        assertEquals(List.of(), problems, "operations without complete documentation");
    }

    @Test
    void theChecksFindWhatIsMissing() throws Exception {
        Document xsd = parseString("""
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
                  <xs:annotation><xs:documentation>Schema.</xs:documentation></xs:annotation>
                  <xs:complexType name="Documented">
                    <xs:annotation><xs:documentation>A type.</xs:documentation></xs:annotation>
                    <xs:sequence>
                      <xs:element name="ok" type="xs:string"><xs:annotation><xs:documentation>Fine.</xs:documentation></xs:annotation></xs:element>
                      <xs:element name="bare" type="xs:string"/>
                      <xs:element name="blank" type="xs:string"><xs:annotation><xs:documentation> </xs:documentation></xs:annotation></xs:element>
                    </xs:sequence>
                  </xs:complexType>
                  <xs:simpleType name="Colour">
                    <xs:restriction base="xs:string">
                      <xs:enumeration value="RED"><xs:annotation><xs:documentation>Red.</xs:documentation></xs:annotation></xs:enumeration>
                      <xs:enumeration value="GREEN"/>
                    </xs:restriction>
                  </xs:simpleType>
                </xs:schema>""");
        assertEquals(List.of("t.xsd: element Documented/bare", "t.xsd: element Documented/blank", "t.xsd: simpleType Colour",
                "t.xsd: enumeration value Colour/GREEN"), undocumentedSchemaComponents(xsd, "t.xsd"));

        Document wsdl = parseString("""
                <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:t">
                  <wsdl:portType name="P">
                    <wsdl:operation name="good"><wsdl:documentation>Does it. Roles: crm-agent, crm-readonly. Faults: VALIDATION, NOT_FOUND.</wsdl:documentation></wsdl:operation>
                    <wsdl:operation name="noRoles"><wsdl:documentation>Does it. Faults: VALIDATION.</wsdl:documentation></wsdl:operation>
                    <wsdl:operation name="badCode"><wsdl:documentation>Does it. Roles: crm-agent. Faults: OOPS.</wsdl:documentation></wsdl:operation>
                    <wsdl:operation name="bare"/>
                  </wsdl:portType>
                </wsdl:definitions>""");
        List<String> problems = new ArrayList<>();
        for (Element op : operationsOf(wsdl)) {
            problems.addAll(operationProblems(op, "t.wsdl", Set.of("VALIDATION", "NOT_FOUND")));
        }
        assertEquals(List.of("t.wsdl: operation noRoles has no 'Roles:' sentence",
                "t.wsdl: operation badCode names unknown fault code OOPS",
                "t.wsdl: operation bare has no wsdl:documentation"), problems);
    }

    static List<String> undocumentedSchemaComponents(Document schema, String file) {
        List<String> missing = new ArrayList<>();
        walk(schema.getDocumentElement(), file, missing);
        return missing;
    }

    private static void walk(Element e, String file, List<String> missing) {
        if (XS.equals(e.getNamespaceURI())) {
            switch (e.getLocalName()) {
                case "schema" -> require(e, file + ": schema", missing);
                case "element", "attribute" -> {
                    if (!e.hasAttribute("ref")) {
                        require(e, file + ": " + e.getLocalName() + " " + path(e), missing);
                    }
                }
                case "complexType", "simpleType" -> {
                    if (e.hasAttribute("name")) {
                        require(e, file + ": " + e.getLocalName() + " " + e.getAttribute("name"), missing);
                    }
                }
                case "enumeration" -> require(e, file + ": enumeration value " + path(e), missing);
                default -> { }
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                walk(child, file, missing);
            }
        }
    }

    private static void require(Element component, String what, List<String> missing) {
        if (documentation(component).isBlank()) {
            missing.add(what);
        }
    }

    /** The text of the component's own xs:annotation/xs:documentation (or wsdl:documentation), empty when none. */
    static String documentation(Element component) {
        StringBuilder text = new StringBuilder();
        for (Node n = component.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if (XS.equals(child.getNamespaceURI()) && "annotation".equals(child.getLocalName())) {
                    for (Node d = child.getFirstChild(); d != null; d = d.getNextSibling()) {
                        if (d instanceof Element doc && "documentation".equals(doc.getLocalName())) {
                            text.append(doc.getTextContent());
                        }
                    }
                } else if (WSDL.equals(child.getNamespaceURI()) && "documentation".equals(child.getLocalName())) {
                    text.append(child.getTextContent());
                }
            }
        }
        return text.toString().strip();
    }

    /** Names a component by the named components around it, e.g. CustomerData/address or Colour/GREEN. */
    private static String path(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e; n instanceof Element a; n = n.getParentNode()) {
            if (a.hasAttribute("name")) {
                names.add(0, a.getAttribute("name"));
            } else if (a.hasAttribute("value") && "enumeration".equals(a.getLocalName())) {
                names.add(0, a.getAttribute("value"));
            }
        }
        return String.join("/", names);
    }

    static List<Element> operationsOf(Document wsdl) {
        List<Element> ops = new ArrayList<>();
        var portTypes = wsdl.getElementsByTagNameNS(WSDL, "portType");
        for (int i = 0; i < portTypes.getLength(); i++) {
            for (Node n = portTypes.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element op && "operation".equals(op.getLocalName())) {
                    ops.add(op);
                }
            }
        }
        return ops;
    }

    static List<String> operationProblems(Element op, String file, Set<String> codes) {
        String name = file + ": operation " + op.getAttribute("name");
        String doc = documentation(op);
        if (doc.isBlank()) {
            return List.of(name + " has no wsdl:documentation");
        }
        List<String> problems = new ArrayList<>();
        List<String> roles = sentence(doc, "Roles:");
        if (roles == null) {
            problems.add(name + " has no 'Roles:' sentence");
        } else {
            roles.stream().filter(r -> !ROLES.contains(r)).forEach(r -> problems.add(name + " names unknown role " + r));
        }
        List<String> faults = sentence(doc, "Faults:");
        if (faults == null) {
            problems.add(name + " has no 'Faults:' sentence");
        } else {
            faults.stream().filter(f -> !codes.contains(f)).forEach(f -> problems.add(name + " names unknown fault code " + f));
        }
        List<String> itemErrors = sentence(doc, "Item errors:");
        if (itemErrors != null) {
            itemErrors.stream().filter(f -> !codes.contains(f)).forEach(f -> problems.add(name + " names unknown item error code " + f));
        }
        return problems;
    }

    /**
     * The first word of each comma- or semicolon-separated part after a label, up to the next full stop, with
     * parenthesised remarks left out: "Faults: VALIDATION (bad token), NOT_FOUND." gives VALIDATION, NOT_FOUND.
     */
    static List<String> sentence(String doc, String label) {
        int start = doc.indexOf(label);
        if (start < 0) {
            return null;
        }
        String after = doc.substring(start + label.length()).replaceAll("\\([^)]*\\)", "");
        int end = after.indexOf('.');
        String list = end < 0 ? after : after.substring(0, end);
        return Arrays.stream(list.split("[,;]")).map(String::strip).map(s -> s.split("\\s+")[0]).filter(s -> !s.isEmpty()).toList();
    }

    static Set<String> errorCodes() throws Exception {
        Set<String> codes = new LinkedHashSet<>();
        var enums = parse(BASE.resolve("xsd/common.xsd")).getElementsByTagNameNS(XS, "enumeration");
        for (int i = 0; i < enums.getLength(); i++) {
            Element e = (Element) enums.item(i);
            if ("ErrorCode".equals(((Element) e.getParentNode().getParentNode()).getAttribute("name"))) {
                codes.add(e.getAttribute("value"));
            }
        }
        assertTrue(codes.contains("VALIDATION"), "ErrorCode not found in common.xsd");
        return codes;
    }

    static List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(BASE.resolve(dir))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static Document parse(Path file) throws Exception {
        return factory().newDocumentBuilder().parse(file.toFile());
    }

    static Document parseString(String xml) throws Exception {
        return factory().newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
    }

    private static DocumentBuilderFactory factory() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f;
    }
}
