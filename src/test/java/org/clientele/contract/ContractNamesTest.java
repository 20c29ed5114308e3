package org.clientele.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every name the contract publishes (elements, attributes, types, groups, operations, messages, parts, port types,
 * bindings, services, ports, enumeration values) must be usable as an identifier by the code generators of Java,
 * C#, C++, PHP and Python, and request-wrapper children carry no {@code default=} (.NET's wsdl.exe turns it into a
 * default parameter value that its serializer cannot compile). See docs/contract-changes.md.
 */
class ContractNamesTest {
    static final String XS = "http://www.w3.org/2001/XMLSchema";
    static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";

    /** Java SE 17 reserved keywords and literals (JLS §3.9, §3.10.3, §3.10.7); contextual keywords are not reserved. */
    static final Set<String> JAVA = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char",
            "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super",
            "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
            "true", "false", "null", "_");
    /** C# keywords (not the contextual ones, which stay usable as identifiers). */
    static final Set<String> CSHARP = Set.of("abstract", "as", "base", "bool", "break", "byte", "case", "catch",
            "char", "checked", "class", "const", "continue", "decimal", "default", "delegate", "do", "double", "else",
            "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if",
            "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null",
            "object", "operator", "out", "override", "params", "private", "protected", "public", "readonly", "ref",
            "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch",
            "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using",
            "virtual", "void", "volatile", "while");
    /** C++20 keywords and alternative operator names. */
    static final Set<String> CPP = Set.of("alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor",
            "bool", "break", "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
            "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await", "co_return",
            "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast", "else", "enum", "explicit",
            "export", "extern", "false", "float", "for", "friend", "goto", "if", "inline", "int", "long", "mutable",
            "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private",
            "protected", "public", "register", "reinterpret_cast", "requires", "return", "short", "signed", "sizeof",
            "static", "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local", "throw",
            "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void",
            "volatile", "wchar_t", "while", "xor", "xor_eq");
    /** Python 3 keywords (soft keywords such as match/case/type are usable as names). */
    static final Set<String> PYTHON = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");
    /**
     * PHP 8 reserved keywords and the reserved type names. PHP compares them without regard to case, and they cannot
     * name a class (a type name such as {@code Case} is refused); since PHP 7 they may name class constants, so
     * enumeration values are checked against the other languages only.
     */
    static final Set<String> PHP = Set.of("__halt_compiler", "abstract", "and", "array", "as", "break", "callable",
            "case", "catch", "class", "clone", "const", "continue", "declare", "default", "die", "do", "echo", "else",
            "elseif", "empty", "enddeclare", "endfor", "endforeach", "endif", "endswitch", "endwhile", "enum", "eval",
            "exit", "extends", "final", "finally", "fn", "for", "foreach", "function", "global", "goto", "if",
            "implements", "include", "include_once", "instanceof", "insteadof", "interface", "isset", "list", "match",
            "namespace", "new", "or", "print", "private", "protected", "public", "readonly", "require", "require_once",
            "return", "static", "switch", "throw", "trait", "try", "unset", "use", "var", "while", "xor", "yield",
            "int", "float", "bool", "string", "true", "false", "null", "void", "iterable", "object", "mixed",
            "never");

    record Name(String value, String kind, String file) {
    }

    @Test
    void noPublishedNameIsAKeywordOfJavaCSharpCppPhpOrPython() throws Exception {
        List<Name> names = names();
        assertTrue(names.size() > 500, "the scan found the contract's names: " + names.size());
        List<String> bad = new ArrayList<>();
        for (Name n : names) {
            List<String> in = keywordIn(n.value(), n.kind());
            if (!in.isEmpty()) {
                bad.add(n.kind() + " '" + n.value() + "' in " + n.file() + " is a keyword in " + in);
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void theScanCatchesKeywordsOfEachLanguage() {
        assertEquals(List.of("Java", "C#", "C++", "PHP"), keywordIn("case", "element"));
        assertEquals(List.of("PHP"), keywordIn("Case", "complexType"), "PHP ignores case; a class cannot be named Case");
        assertEquals(List.of("Python"), keywordIn("from", "element"));
        assertEquals(List.of("C#"), keywordIn("event", "element"));
        assertEquals(List.of("C++"), keywordIn("delete", "operation"));
        assertEquals(List.of(), keywordIn("NEW", "enumeration"), "an enumeration value is a PHP class constant");
        assertEquals(List.of("Python"), keywordIn("None", "enumeration"));
        assertEquals(List.of(), keywordIn("supportCase", "element"));
    }

    static List<String> keywordIn(String v, String kind) {
        List<String> in = new ArrayList<>();
        if (JAVA.contains(v)) {
            in.add("Java");
        }
        if (CSHARP.contains(v)) {
            in.add("C#");
        }
        if (CPP.contains(v)) {
            in.add("C++");
        }
        if (PYTHON.contains(v)) {
            in.add("Python");
        }
        if (!kind.equals("enumeration") && PHP.contains(v.toLowerCase(Locale.ROOT))) {
            in.add("PHP");
        }
        return in;
    }

    @Test
    void noRequestWrapperChildHasADefault() throws Exception {
        List<String> bad = new ArrayList<>();
        for (Path f : files("xsd", ".xsd")) {
            Document d = parse(f);
            // global elements are the operation wrappers (and faults); their children must not carry default=
            for (Element top : children(d.getDocumentElement(), XS, "element")) {
                NodeList inner = top.getElementsByTagNameNS(XS, "element");
                for (int i = 0; i < inner.getLength(); i++) {
                    Element child = (Element) inner.item(i);
                    if (child.hasAttribute("default") || child.hasAttribute("fixed")) {
                        bad.add(top.getAttribute("name") + "/" + child.getAttribute("name") + " in " + f.getFileName());
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    static List<Name> names() throws Exception {
        List<Name> out = new ArrayList<>();
        List<Path> all = new ArrayList<>(files("xsd", ".xsd"));
        all.addAll(files("wsdl", ".wsdl"));
        for (Path f : all) {
            collect(parse(f).getDocumentElement(), f.getFileName().toString(), out);
        }
        return out;
    }

    private static void collect(Element e, String file, List<Name> out) {
        String ns = e.getNamespaceURI();
        if ((XS.equals(ns) || WSDL.equals(ns)) && e.hasAttribute("name")) {
            out.add(new Name(e.getAttribute("name"), e.getLocalName(), file));
        }
        if (XS.equals(ns) && "enumeration".equals(e.getLocalName())) {
            out.add(new Name(e.getAttribute("value"), "enumeration", file));
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                collect(child, file, out);
            }
        }
    }

    private static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            List<Path> l = s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
            assertTrue(!l.isEmpty(), "no " + suffix + " in " + dir);
            return l;
        }
    }

    private static Document parse(Path f) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(f.toFile());
    }
}
