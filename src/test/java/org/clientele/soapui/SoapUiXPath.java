package org.clientele.soapui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.NamespaceContext;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * SoapUI-style XPath: an XPath 1.0 expression preceded by {@code declare namespace p='uri';} lines, evaluated to the
 * string SoapUI compares (the text of the first selected node, or the value of a count()/boolean()/string() expression).
 */
public final class SoapUiXPath {
    private static final Pattern DECLARE = Pattern.compile(
            "\\s*declare\\s+namespace\\s+([A-Za-z_][\\w.\\-]*)\\s*=\\s*(['\"])(.*?)\\2\\s*;");

    final Map<String, String> namespaces = new LinkedHashMap<>();
    final String expression;

    private SoapUiXPath(String source) {
        String rest = source;
        Matcher m = DECLARE.matcher(rest);
        while (m.lookingAt()) {
            namespaces.put(m.group(1), m.group(3));
            rest = rest.substring(m.end());
            m = DECLARE.matcher(rest);
        }
        expression = rest.trim();
        if (expression.isEmpty()) {
            throw new IllegalArgumentException("empty XPath in '" + source + "'");
        }
        if (expression.contains("*:")) {
            throw new UnsupportedSoapUiFeature("XPath 2.0 namespace wildcards (*:name) are not supported by the build runner: "
                    + expression + " (declare the namespace instead)");
        }
    }

    public static SoapUiXPath of(String source) {
        return new SoapUiXPath(source);
    }

    private static final Pattern AGGREGATE = Pattern.compile("\\b(count|boolean|not)\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern NAME = Pattern.compile("([A-Za-z_][\\w.\\-]*)(?::([A-Za-z_][\\w.\\-]*))?");
    private static final java.util.Set<String> OPERATORS = java.util.Set.of("and", "or", "div", "mod");

    /** Whether the expression gives a count or a truth value: those pass on a wrong path instead of selecting nothing. */
    public boolean aggregates() {
        return AGGREGATE.matcher(expression).find();
    }

    /**
     * The element name tests of the expression that {@code declared} does not contain, as {namespace}local (an
     * unprefixed name, which selects nothing in a namespaced document, as {}local). Function names, node tests,
     * axes, attributes, variables, operators and string literals are not name tests.
     */
    public java.util.List<String> undeclaredNames(java.util.function.BiPredicate<String, String> declared) {
        String e = LITERAL.matcher(expression).replaceAll("''");
        java.util.List<String> unknown = new java.util.ArrayList<>();
        Matcher m = NAME.matcher(e);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            char before = start > 0 ? e.charAt(start - 1) : ' ';
            if (before == '@' || before == '$' || Character.isDigit(before) || before == '.' && start > 1 && Character.isDigit(e.charAt(start - 2))) {
                continue;
            }
            String rest = e.substring(end).stripLeading();
            if (rest.startsWith("(") || rest.startsWith("::")) {
                continue; // a function, a node type test or an axis
            }
            String prefix = m.group(2) == null ? null : m.group(1);
            String local = m.group(2) == null ? m.group(1) : m.group(2);
            if (prefix == null && OPERATORS.contains(local)) {
                continue;
            }
            String ns = prefix == null ? "" : namespaces.get(prefix);
            if (ns == null) {
                throw new IllegalArgumentException("XPath prefix '" + prefix + "' is not declared (declare namespace " + prefix + "='...';)");
            }
            if (!declared.test(ns, local)) {
                unknown.add("{" + ns + "}" + local);
            }
        }
        return unknown;
    }

    /** The result as a string, or null when the expression selects no node. */
    public String evaluate(Document doc) {
        XPath xp = XPathFactory.newInstance().newXPath();
        xp.setNamespaceContext(new Namespaces(namespaces));
        try {
            NodeList nodes;
            try {
                nodes = (NodeList) xp.evaluate(expression, doc, XPathConstants.NODESET);
            } catch (XPathExpressionException notANodeSet) {
                // count(), boolean() and string() expressions give a value rather than nodes.
                return xp.evaluate(expression, doc);
            }
            if (nodes.getLength() == 0) {
                return null;
            }
            return valueOf(nodes.item(0));
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("invalid XPath '" + expression + "': " + e.getMessage(), e);
        }
    }

    /** Text of a leaf node; the serialized element when it has element children. */
    static String valueOf(Node node) {
        if (node instanceof Element e) {
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element) {
                    return serialize(e);
                }
            }
        }
        return node.getTextContent();
    }

    static String serialize(Node node) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    static Document parse(String xml) throws IOException {
        return SoapUiProject.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The prefixes of the declare namespace lines; an undeclared prefix is an error, not an empty match. */
    private record Namespaces(Map<String, String> map) implements NamespaceContext {
        @Override
        public String getNamespaceURI(String prefix) {
            String uri = map.get(prefix);
            if (uri == null) {
                throw new IllegalArgumentException("XPath prefix '" + prefix + "' is not declared (declare namespace " + prefix + "='...';)");
            }
            return uri;
        }

        @Override
        public String getPrefix(String namespaceURI) {
            return null;
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceURI) {
            return null;
        }
    }
}
