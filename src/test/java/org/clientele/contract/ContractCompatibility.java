package org.clientele.contract;

import static org.clientele.contract.ContractModel.WSDL;
import static org.clientele.contract.ContractModel.XS;
import static org.clientele.contract.ContractModel.child;
import static org.clientele.contract.ContractModel.children;
import static org.clientele.contract.ContractModel.qname;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.namespace.QName;
import org.clientele.contract.ContractModel.Located;
import org.w3c.dom.Element;

/**
 * Compares a contract with the released baseline and classifies every difference as BREAKING (a client generated
 * from the baseline may fail: removed or renamed operation, element, type or enumeration value; an element made
 * required or narrowed; a changed type, namespace, SOAPAction, binding style or address) or COMPATIBLE (new optional
 * element at the end of a sequence, new operation, new enumeration value, relaxed limits).
 */
final class ContractCompatibility {

    enum Kind { BREAKING, COMPATIBLE }

    record Finding(Kind kind, String where, String what) {
        @Override
        public String toString() {
            return kind + " " + where + ": " + what;
        }
    }

    private static final List<String> LOWER_BOUNDS = List.of("minLength", "minInclusive", "minExclusive");
    private static final List<String> UPPER_BOUNDS = List.of("maxLength", "maxInclusive", "maxExclusive", "totalDigits", "fractionDigits");

    private final ContractModel baseline;
    private final ContractModel current;
    private final List<Finding> findings = new ArrayList<>();

    private ContractCompatibility(ContractModel baseline, ContractModel current) {
        this.baseline = baseline;
        this.current = current;
    }

    static List<Finding> compare(ContractModel baseline, ContractModel current) {
        ContractCompatibility c = new ContractCompatibility(baseline, current);
        c.namespaces();
        c.schemas();
        c.portTypes();
        c.services();
        return c.findings;
    }

    private void breaking(String where, String what) {
        findings.add(new Finding(Kind.BREAKING, where, what));
    }

    private void compatible(String where, String what) {
        findings.add(new Finding(Kind.COMPATIBLE, where, what));
    }

    // ----- files and namespaces -----

    private void namespaces() {
        baseline.namespaceOfFile.forEach((file, ns) -> {
            String now = current.namespaceOfFile.get(file);
            if (now != null && !now.equals(ns)) {
                breaking(file, "namespace changed from " + ns + " to " + now);
            }
        });
        current.namespaceOfFile.keySet().stream().filter(f -> !baseline.namespaceOfFile.containsKey(f))
                .forEach(f -> compatible(f, "new file"));
    }

    // ----- schemas -----

    private void schemas() {
        global("element", baseline.elements, current.elements, this::elementDeclaration);
        global("type", baseline.complexTypes, current.complexTypes, this::complexType);
        global("type", baseline.simpleTypes, current.simpleTypes, this::simpleType);
    }

    private interface Comparison {
        void compare(String where, Element old, Element now);
    }

    private void global(String kind, Map<QName, Located> old, Map<QName, Located> now, Comparison comparison) {
        old.forEach((name, o) -> {
            Located n = now.get(name);
            String where = o.file() + " " + name.getLocalPart();
            if (n == null) {
                breaking(where, kind + " " + name.getLocalPart() + " removed or renamed");
            } else {
                comparison.compare(n.file() + " " + name.getLocalPart(), o.element(), n.element());
            }
        });
        now.forEach((name, n) -> {
            if (!old.containsKey(name)) {
                compatible(n.file() + " " + name.getLocalPart(), "new " + kind);
            }
        });
    }

    private void elementDeclaration(String where, Element old, Element now) {
        QName oldType = qname(old, old.getAttribute("type"));
        QName newType = qname(now, now.getAttribute("type"));
        if (oldType != null || newType != null) {
            if (!Objects.equals(oldType, newType)) {
                breaking(where, "type changed from " + label(oldType) + " to " + label(newType));
            }
        } else {
            Element oc = child(old, XS, "complexType");
            Element nc = child(now, XS, "complexType");
            Element os = child(old, XS, "simpleType");
            Element ns = child(now, XS, "simpleType");
            if ((oc == null) != (nc == null) || (os == null) != (ns == null)) {
                breaking(where, "type changed (anonymous type replaced)");
            } else if (oc != null) {
                complexType(where, oc, nc);
            } else if (os != null) {
                simpleType(where, os, ns);
            }
        }
        for (String attribute : List.of("default", "fixed")) {
            if (!old.getAttribute(attribute).equals(now.getAttribute(attribute))) {
                String change = attribute + " '" + old.getAttribute(attribute) + "' became '" + now.getAttribute(attribute) + "'";
                if ("fixed".equals(attribute) && now.hasAttribute("fixed")) {
                    breaking(where, change);
                } else {
                    compatible(where, change + " (check the documented behaviour)");
                }
            }
        }
        if ("true".equals(old.getAttribute("nillable")) && !"true".equals(now.getAttribute("nillable"))) {
            breaking(where, "no longer nillable");
        }
    }

    private static String label(QName q) {
        return q == null ? "an anonymous type" : (XS.equals(q.getNamespaceURI()) ? "xs:" : "") + q.getLocalPart();
    }

    private void complexType(String where, Element old, Element now) {
        Element oldExt = extension(old);
        Element newExt = extension(now);
        QName oldBase = oldExt == null ? null : qname(oldExt, oldExt.getAttribute("base"));
        QName newBase = newExt == null ? null : qname(newExt, newExt.getAttribute("base"));
        if (!Objects.equals(oldBase, newBase)) {
            breaking(where, "base type changed from " + label(oldBase) + " to " + label(newBase));
        }
        Element oldModel = oldExt != null ? oldExt : old;
        Element newModel = newExt != null ? newExt : now;
        String oldCompositor = compositor(oldModel);
        String newCompositor = compositor(newModel);
        if (oldCompositor != null && newCompositor != null && !oldCompositor.equals(newCompositor)) {
            breaking(where, "content model changed from " + oldCompositor + " to " + newCompositor);
            return;
        }
        particles(where, particles(oldModel), particles(newModel));
        attributes(where, oldModel, newModel);
    }

    private static Element extension(Element complexType) {
        for (String content : List.of("complexContent", "simpleContent")) {
            Element c = child(complexType, XS, content);
            if (c != null) {
                Element e = child(c, XS, "extension");
                return e != null ? e : child(c, XS, "restriction");
            }
        }
        return null;
    }

    private static String compositor(Element model) {
        for (String c : List.of("sequence", "choice", "all")) {
            if (child(model, XS, c) != null) {
                return c;
            }
        }
        return null;
    }

    /** The element declarations of a content model in document order (nested groups flattened). */
    private static List<Element> particles(Element model) {
        List<Element> out = new ArrayList<>();
        for (Element group : children(model, XS, null)) {
            if (List.of("sequence", "choice", "all").contains(group.getLocalName())) {
                collect(group, out);
            }
        }
        return out;
    }

    private static void collect(Element group, List<Element> out) {
        for (Element e : children(group, XS, null)) {
            if ("element".equals(e.getLocalName())) {
                out.add(e);
            } else if (List.of("sequence", "choice", "all").contains(e.getLocalName())) {
                collect(e, out);
            }
        }
    }

    private static String particleName(Element e) {
        return e.hasAttribute("ref") ? qname(e, e.getAttribute("ref")).getLocalPart() : e.getAttribute("name");
    }

    private void particles(String where, List<Element> old, List<Element> now) {
        Map<String, Element> newByName = new LinkedHashMap<>();
        now.forEach(e -> newByName.put(particleName(e), e));
        Map<String, Element> oldByName = new LinkedHashMap<>();
        old.forEach(e -> oldByName.put(particleName(e), e));
        for (Element o : old) {
            String name = particleName(o);
            String path = where + "/" + name;
            Element n = newByName.get(name);
            if (n == null) {
                breaking(path, "element " + name + " removed or renamed");
                continue;
            }
            long oldMin = occurs(o, "minOccurs");
            long newMin = occurs(n, "minOccurs");
            long oldMax = occurs(o, "maxOccurs");
            long newMax = occurs(n, "maxOccurs");
            if (newMin > oldMin) {
                breaking(path, "element " + name + " made required (minOccurs " + oldMin + " -> " + newMin + ")");
            } else if (newMin < oldMin) {
                compatible(path, "minOccurs relaxed " + oldMin + " -> " + newMin);
            }
            if (newMax < oldMax) {
                breaking(path, "element " + name + " narrowed (maxOccurs " + max(oldMax) + " -> " + max(newMax) + ")");
            } else if (newMax > oldMax) {
                compatible(path, "maxOccurs relaxed " + max(oldMax) + " -> " + max(newMax));
            }
            if (o.hasAttribute("ref") || n.hasAttribute("ref")) {
                if (!Objects.equals(qname(o, o.getAttribute("ref")), qname(n, n.getAttribute("ref")))) {
                    breaking(path, "element reference changed");
                }
            } else {
                elementDeclaration(path, o, n);
            }
        }
        List<String> oldOrder = old.stream().map(ContractCompatibility::particleName).filter(newByName::containsKey).toList();
        List<String> newOrder = now.stream().map(ContractCompatibility::particleName).filter(oldByName::containsKey).toList();
        if (!oldOrder.equals(newOrder)) {
            breaking(where, "order of elements changed from " + oldOrder + " to " + newOrder);
        }
        for (int i = 0; i < now.size(); i++) {
            Element n = now.get(i);
            String name = particleName(n);
            if (oldByName.containsKey(name)) {
                continue;
            }
            boolean beforeExisting = now.subList(i + 1, now.size()).stream().anyMatch(e -> oldByName.containsKey(particleName(e)));
            if (occurs(n, "minOccurs") > 0) {
                breaking(where + "/" + name, "new required element " + name);
            } else if (beforeExisting) {
                breaking(where + "/" + name, "new optional element " + name + " inserted before existing elements (add it at the end)");
            } else {
                compatible(where + "/" + name, "new optional element " + name + " at the end");
            }
        }
    }

    private static long occurs(Element e, String attribute) {
        String v = e.getAttribute(attribute);
        if (v.isEmpty()) {
            return 1;
        }
        return "unbounded".equals(v) ? Long.MAX_VALUE : Long.parseLong(v);
    }

    private static String max(long v) {
        return v == Long.MAX_VALUE ? "unbounded" : String.valueOf(v);
    }

    private void attributes(String where, Element old, Element now) {
        Map<String, Element> newByName = new LinkedHashMap<>();
        children(now, XS, "attribute").forEach(a -> newByName.put(a.getAttribute("name"), a));
        Set<String> oldNames = new LinkedHashSet<>();
        for (Element o : children(old, XS, "attribute")) {
            String name = o.getAttribute("name");
            oldNames.add(name);
            Element n = newByName.get(name);
            if (n == null) {
                breaking(where + "/@" + name, "attribute " + name + " removed or renamed");
            } else {
                if ("required".equals(n.getAttribute("use")) && !"required".equals(o.getAttribute("use"))) {
                    breaking(where + "/@" + name, "attribute " + name + " made required");
                }
                elementDeclaration(where + "/@" + name, o, n);
            }
        }
        newByName.forEach((name, n) -> {
            if (!oldNames.contains(name)) {
                if ("required".equals(n.getAttribute("use"))) {
                    breaking(where + "/@" + name, "new required attribute " + name);
                } else {
                    compatible(where + "/@" + name, "new optional attribute " + name);
                }
            }
        });
    }

    private void simpleType(String where, Element old, Element now) {
        Element or = child(old, XS, "restriction");
        Element nr = child(now, XS, "restriction");
        if (or == null || nr == null) {
            if (or != nr) {
                breaking(where, "simple type changed (restriction, list or union replaced)");
            }
            return;
        }
        QName oldBase = qname(or, or.getAttribute("base"));
        QName newBase = qname(nr, nr.getAttribute("base"));
        if (!Objects.equals(oldBase, newBase)) {
            breaking(where, "base type changed from " + label(oldBase) + " to " + label(newBase));
        }
        Set<String> oldValues = facetValues(or, "enumeration");
        Set<String> newValues = facetValues(nr, "enumeration");
        for (String v : oldValues) {
            if (!newValues.contains(v)) {
                breaking(where, "enumeration value " + v + " removed or renamed");
            }
        }
        if (oldValues.isEmpty() && !newValues.isEmpty()) {
            breaking(where, "values narrowed to an enumeration");
        } else {
            newValues.stream().filter(v -> !oldValues.contains(v))
                    .forEach(v -> compatible(where, "new enumeration value " + v + " (clients must accept values they do not know)"));
        }
        Set<String> oldPatterns = facetValues(or, "pattern");
        Set<String> newPatterns = facetValues(nr, "pattern");
        if (!oldPatterns.equals(newPatterns)) {
            if (newPatterns.isEmpty()) {
                compatible(where, "pattern removed");
            } else {
                breaking(where, "pattern narrowed or changed from " + oldPatterns + " to " + newPatterns);
            }
        }
        String oldLength = facet(or, "length");
        String newLength = facet(nr, "length");
        if (!Objects.equals(oldLength, newLength)) {
            if (newLength == null) {
                compatible(where, "length facet removed");
            } else {
                breaking(where, "length changed from " + oldLength + " to " + newLength);
            }
        }
        for (String f : LOWER_BOUNDS) {
            bound(where, f, facet(or, f), facet(nr, f), true);
        }
        for (String f : UPPER_BOUNDS) {
            bound(where, f, facet(or, f), facet(nr, f), false);
        }
    }

    private void bound(String where, String facet, String old, String now, boolean lower) {
        if (Objects.equals(old, now)) {
            return;
        }
        if (now == null) {
            compatible(where, facet + " " + old + " removed");
            return;
        }
        boolean narrowed;
        if (old == null) {
            narrowed = true;
        } else {
            int cmp;
            try {
                cmp = new BigDecimal(now).compareTo(new BigDecimal(old));
            } catch (NumberFormatException e) {
                cmp = now.compareTo(old);
            }
            narrowed = lower ? cmp > 0 : cmp < 0;
        }
        if (narrowed) {
            breaking(where, "narrowed: " + facet + " " + (old == null ? "added" : old) + " -> " + now);
        } else {
            compatible(where, "relaxed: " + facet + " " + old + " -> " + now);
        }
    }

    private static Set<String> facetValues(Element restriction, String facet) {
        Set<String> out = new LinkedHashSet<>();
        children(restriction, XS, facet).forEach(e -> out.add(e.getAttribute("value")));
        return out;
    }

    private static String facet(Element restriction, String facet) {
        Element e = child(restriction, XS, facet);
        return e == null ? null : e.getAttribute("value");
    }

    // ----- WSDL: port types, bindings, services -----

    private void portTypes() {
        baseline.portTypes.forEach((name, o) -> {
            Located n = current.portTypes.get(name);
            String where = o.file() + " " + name.getLocalPart();
            if (n == null) {
                breaking(where, "port type " + name.getLocalPart() + " removed or renamed");
                return;
            }
            Map<String, Element> newOps = operations(n.element());
            operations(o.element()).forEach((op, oldOp) -> {
                Element newOp = newOps.get(op);
                String opWhere = n.file() + " " + name.getLocalPart() + "/" + op;
                if (newOp == null) {
                    breaking(opWhere, "operation " + op + " removed or renamed");
                    return;
                }
                for (String io : List.of("input", "output")) {
                    List<QName> oldParts = baseline.partElements(message(child(oldOp, WSDL, io)));
                    List<QName> newParts = current.partElements(message(child(newOp, WSDL, io)));
                    if (!oldParts.equals(newParts)) {
                        breaking(opWhere, io + " changed from " + oldParts + " to " + newParts);
                    }
                }
                Map<String, List<QName>> oldFaults = faults(baseline, oldOp);
                Map<String, List<QName>> newFaults = faults(current, newOp);
                oldFaults.forEach((fault, parts) -> {
                    if (!newFaults.containsKey(fault)) {
                        breaking(opWhere, "fault " + fault + " removed or renamed");
                    } else if (!parts.equals(newFaults.get(fault))) {
                        breaking(opWhere, "fault " + fault + " detail changed from " + parts + " to " + newFaults.get(fault));
                    }
                });
                newFaults.keySet().stream().filter(f -> !oldFaults.containsKey(f))
                        .forEach(f -> compatible(opWhere, "new fault " + f));
            });
            Map<String, Element> oldOps = operations(o.element());
            newOps.keySet().stream().filter(op -> !oldOps.containsKey(op))
                    .forEach(op -> compatible(n.file() + " " + name.getLocalPart() + "/" + op, "new operation " + op));
        });
        current.portTypes.forEach((name, n) -> {
            if (!baseline.portTypes.containsKey(name)) {
                compatible(n.file() + " " + name.getLocalPart(), "new port type");
            }
        });
    }

    private static Map<String, Element> operations(Element parent) {
        Map<String, Element> ops = new LinkedHashMap<>();
        children(parent, WSDL, "operation").forEach(op -> ops.put(op.getAttribute("name"), op));
        return ops;
    }

    private static QName message(Element io) {
        return io == null ? null : qname(io, io.getAttribute("message"));
    }

    private static Map<String, List<QName>> faults(ContractModel model, Element op) {
        Map<String, List<QName>> out = new LinkedHashMap<>();
        children(op, WSDL, "fault").forEach(f -> out.put(f.getAttribute("name"), model.partElements(message(f))));
        return out;
    }

    private void services() {
        baseline.services.forEach((name, o) -> {
            Located n = current.services.get(name);
            String where = o.file() + " service " + name;
            if (n == null) {
                breaking(where, "service " + name + " removed or renamed");
                return;
            }
            Map<String, Element> newPorts = new LinkedHashMap<>();
            children(n.element(), WSDL, "port").forEach(p -> newPorts.put(p.getAttribute("name"), p));
            for (Element oldPort : children(o.element(), WSDL, "port")) {
                String port = oldPort.getAttribute("name");
                Element newPort = newPorts.get(port);
                String portWhere = n.file() + " " + name + "/" + port;
                if (newPort == null) {
                    breaking(portWhere, "port " + port + " removed or renamed");
                    continue;
                }
                Element oldAddress = extensibility(oldPort, "address");
                Element newAddress = extensibility(newPort, "address");
                if (!Objects.equals(namespace(oldAddress), namespace(newAddress))) {
                    breaking(portWhere, "SOAP version changed");
                }
                if (!Objects.equals(path(oldAddress), path(newAddress))) {
                    breaking(portWhere, "address changed from " + path(oldAddress) + " to " + path(newAddress));
                }
                Located oldBinding = baseline.bindings.get(qname(oldPort, oldPort.getAttribute("binding")));
                Located newBinding = current.bindings.get(qname(newPort, newPort.getAttribute("binding")));
                if (oldBinding != null) {
                    binding(portWhere, oldBinding.element(), newBinding == null ? null : newBinding.element());
                }
            }
        });
        current.services.forEach((name, n) -> {
            if (!baseline.services.containsKey(name)) {
                compatible(n.file() + " service " + name, "new service");
            }
        });
    }

    private void binding(String where, Element old, Element now) {
        if (now == null) {
            breaking(where, "binding removed");
            return;
        }
        if (!Objects.equals(qname(old, old.getAttribute("type")), qname(now, now.getAttribute("type")))) {
            breaking(where, "binding now implements another port type");
        }
        Element ob = extensibility(old, "binding");
        Element nb = extensibility(now, "binding");
        if (!Objects.equals(attribute(ob, "style", "document"), attribute(nb, "style", "document"))) {
            breaking(where, "binding style changed from " + attribute(ob, "style", "document") + " to " + attribute(nb, "style", "document"));
        }
        if (!Objects.equals(attribute(ob, "transport", ""), attribute(nb, "transport", ""))) {
            breaking(where, "transport changed");
        }
        boolean oldPolicy = hasPolicy(old);
        boolean newPolicy = hasPolicy(now);
        if (!oldPolicy && newPolicy) {
            breaking(where, "security policy added");
        } else if (oldPolicy && !newPolicy) {
            compatible(where, "security policy removed");
        }
        Map<String, Element> newOps = operations(now);
        operations(old).forEach((op, o) -> {
            Element n = newOps.get(op);
            if (n == null) {
                breaking(where + "/" + op, "operation " + op + " removed from the binding");
                return;
            }
            Element oo = extensibility(o, "operation");
            Element no = extensibility(n, "operation");
            if (!Objects.equals(attribute(oo, "soapAction", ""), attribute(no, "soapAction", ""))) {
                breaking(where + "/" + op, "SOAPAction changed from \"" + attribute(oo, "soapAction", "") + "\" to \"" + attribute(no, "soapAction", "") + "\"");
            }
            String oldStyle = attribute(oo, "style", attribute(ob, "style", "document"));
            String newStyle = attribute(no, "style", attribute(nb, "style", "document"));
            if (!oldStyle.equals(newStyle)) {
                breaking(where + "/" + op, "operation style changed from " + oldStyle + " to " + newStyle);
            }
            for (String io : List.of("input", "output")) {
                Element oldIo = child(o, WSDL, io);
                Element newIo = child(n, WSDL, io);
                if (!Objects.equals(attribute(extensibility(oldIo, "body"), "use", "literal"), attribute(extensibility(newIo, "body"), "use", "literal"))) {
                    breaking(where + "/" + op, io + " body use changed");
                }
                Set<QName> oldHeaders = headers(baseline, oldIo);
                Set<QName> newHeaders = headers(current, newIo);
                oldHeaders.stream().filter(h -> !newHeaders.contains(h))
                        .forEach(h -> breaking(where + "/" + op, io + " header " + h.getLocalPart() + " removed"));
                newHeaders.stream().filter(h -> !oldHeaders.contains(h))
                        .forEach(h -> compatible(where + "/" + op, io + " header " + h.getLocalPart() + " added"));
            }
        });
    }

    private static Set<QName> headers(ContractModel model, Element io) {
        Set<QName> out = new LinkedHashSet<>();
        if (io == null) {
            return out;
        }
        // soap:header / soap12:header: the element of the named part of the named message
        for (org.w3c.dom.Node c = io.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element h && "header".equals(h.getLocalName()) && !WSDL.equals(h.getNamespaceURI())) {
                QName message = qname(h, h.getAttribute("message"));
                ContractModel.Located m = model.messages.get(message);
                if (m != null) {
                    for (Element part : children(m.element(), WSDL, "part")) {
                        if (part.getAttribute("name").equals(h.getAttribute("part"))) {
                            out.add(qname(part, part.getAttribute("element")));
                        }
                    }
                } else {
                    out.add(new QName(String.valueOf(message), h.getAttribute("part")));
                }
            }
        }
        return out;
    }

    private static boolean hasPolicy(Element binding) {
        for (org.w3c.dom.Node c = binding.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && ("PolicyReference".equals(e.getLocalName()) || "Policy".equals(e.getLocalName()))) {
                return true;
            }
        }
        return false;
    }

    /** The SOAP 1.1 or 1.2 extensibility element of a WSDL element (soap:address, soap12:binding, ...). */
    private static Element extensibility(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && localName.equals(e.getLocalName()) && !WSDL.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static String namespace(Element e) {
        return e == null ? null : e.getNamespaceURI();
    }

    private static String attribute(Element e, String name, String otherwise) {
        return e == null || !e.hasAttribute(name) ? otherwise : e.getAttribute(name);
    }

    /** The path of an address: host and port are the deployment's, the path is the contract's. */
    private static String path(Element address) {
        if (address == null) {
            return null;
        }
        String location = address.getAttribute("location");
        int scheme = location.indexOf("://");
        int slash = scheme < 0 ? -1 : location.indexOf('/', scheme + 3);
        return scheme < 0 ? location : slash < 0 ? "/" : location.substring(slash);
    }
}
