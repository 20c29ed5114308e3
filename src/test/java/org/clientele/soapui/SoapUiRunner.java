package org.clientele.soapui;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.clientele.soapui.SoapUiProject.Assertion;
import org.clientele.soapui.SoapUiProject.Request;
import org.clientele.soapui.SoapUiProject.TestCase;
import org.clientele.soapui.SoapUiProject.TestStep;
import org.clientele.soapui.SoapUiProject.TestSuite;
import org.clientele.soapui.SoapUiProject.Transfer;
import org.clientele.soapui.SoapUiProject.WsdlInterface;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * Runs the test cases of a SoapUI project the way SoapUI's testrunner does, without SoapUI: property expansion,
 * outgoing WS-Security (WSS4J: UsernameToken, Timestamp, X.509 Signature and Encryption with the project's key
 * stores), SOAP over java.net.http, incoming WS-Security on responses (decryption, signature verification), property
 * transfers and assertions. A test case stops at its
 * first failing step; the failure names suite, case, step and assertion. Whatever the runner does not implement
 * (step types, assertion types, WSS entries, Groovy expansions) fails loudly instead of being skipped.
 */
public final class SoapUiRunner {
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    private final SoapUiProject project;
    private final Map<String, String> projectProperties;
    private final HttpClient http;
    private final Map<String, Schema> schemas = new HashMap<>();
    private final WssCryptos cryptos;

    /**
     * @param overrides project properties that replace the file's values (e.g. endpoint from -Dclientele.url)
     */
    public SoapUiRunner(SoapUiProject project, Map<String, String> overrides) {
        this.project = project;
        this.projectProperties = new LinkedHashMap<>(project.properties);
        this.projectProperties.putAll(overrides);
        this.cryptos = new WssCryptos(project);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public SoapUiProject project() {
        return project;
    }

    /** Runs one test case; returns normally when every step and assertion passed. */
    public CaseRun run(TestSuite suite, TestCase testCase) {
        CaseRun run = new CaseRun(suite, testCase);
        if (suite.disabled || testCase.disabled) {
            throw run.failure(null, null, "disabled in the project; the build runs every test case, so enable or delete it");
        }
        if (testCase.hasScripts) {
            throw run.failure(null, null, "setup/tear-down (Groovy) scripts are not supported by the build runner");
        }
        if (testCase.steps.isEmpty()) {
            throw run.failure(null, null, "the test case has no steps: a case that runs nothing proves nothing");
        }
        boolean loops = testCase.steps.stream().anyMatch(s -> s.type.equals("goto"));
        if (loops && testCase.timeoutMillis <= 0) {
            throw run.failure(null, null, "a test case with a Conditional Goto step needs a timeout (TestCase Options), so its loop is bounded");
        }
        long started = System.nanoTime();
        String lastResponseStep = null;
        for (int i = 0; i < testCase.steps.size(); i++) {
            TestStep step = testCase.steps.get(i);
            if (step.disabled) {
                throw run.failure(step, null, "disabled step; the build runs every step, so enable or delete it");
            }
            if (loops && (System.nanoTime() - started) / 1_000_000 > testCase.timeoutMillis) {
                throw run.failure(step, lastResponseStep == null ? null : run.results.get(lastResponseStep),
                        "the test case ran longer than its timeout of " + testCase.timeoutMillis + " ms");
            }
            switch (step.type) {
                case "request" -> {
                    runRequest(run, step);
                    lastResponseStep = step.name;
                }
                case "transfer" -> runTransfers(run, step);
                case "properties" -> run.stepProperties.put(step.name, new LinkedHashMap<>(step.stepProperties()));
                case "delay" -> delay(run, step);
                case "goto" -> {
                    String target = gotoTarget(run, step, lastResponseStep);
                    if (target != null) {
                        i = indexOf(run, step, target) - 1;
                    }
                }
                default -> throw run.failure(step, null, "step type '" + step.type + "' is not supported by the build runner");
            }
        }
        return run;
    }

    /**
     * SoapUI's Conditional Goto: the XPath conditions are evaluated in order against the response of the closest
     * preceding request step; the first that is true names the step to continue with (null: go on).
     */
    private static String gotoTarget(CaseRun run, TestStep step, String lastResponseStep) {
        if (lastResponseStep == null) {
            throw run.failure(step, null, "Conditional Goto without a request step before it");
        }
        StepResult previous = run.results.get(lastResponseStep);
        List<TestStep.GotoCondition> conditions = step.gotoConditions();
        if (conditions.isEmpty()) {
            throw run.failure(step, null, "Conditional Goto without conditions");
        }
        for (TestStep.GotoCondition c : conditions) {
            if (!"XPATH".equals(c.type())) {
                throw run.failure(step, previous, "Conditional Goto condition '" + c.name() + "' of type '" + c.type()
                        + "' is not supported by the build runner (XPATH only)");
            }
            String value;
            try {
                value = SoapUiXPath.of(run.expand(c.expression())).evaluate(parsedResponse(previous));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw run.failure(step, previous, "condition '" + c.name() + "': " + e.getMessage());
            }
            if ("true".equals(value)) {
                return c.targetStep();
            }
        }
        return null;
    }

    private static int indexOf(CaseRun run, TestStep step, String target) {
        for (int k = 0; k < run.testCase.steps.size(); k++) {
            if (run.testCase.steps.get(k).name.equals(target)) {
                return k;
            }
        }
        throw run.failure(step, null, "Conditional Goto target step '" + target + "' does not exist");
    }

    private static void delay(CaseRun run, TestStep step) {
        String millis = step.config == null ? "" : step.config.getTextContent().trim();
        try {
            Thread.sleep(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            throw run.failure(step, null, "delay step without a delay in milliseconds: '" + millis + "'");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw run.failure(step, null, "interrupted");
        }
    }

    // ---------------------------------------------------------------- request steps

    private void runRequest(CaseRun run, TestStep step) {
        Request request;
        try {
            request = step.request();
        } catch (RuntimeException e) {
            throw run.failure(step, null, e.getMessage());
        }
        WsdlInterface iface = project.interfaces.get(request.interfaceName);
        if (iface == null) {
            throw run.failure(step, null, "unknown interface '" + request.interfaceName + "'");
        }
        if (!iface.operations.containsKey(request.operation)) {
            throw run.failure(step, null, "interface " + iface.name + " has no operation '" + request.operation + "'");
        }
        SoapUiProject.IncomingWss incoming = null;
        if (!request.incomingWss.isEmpty()) {
            incoming = project.incomingWss.get(request.incomingWss);
            if (incoming == null) {
                throw run.failure(step, null, "unknown incoming WS-Security configuration '" + request.incomingWss + "'");
            }
        }
        StepResult result = new StepResult();
        run.results.put(step.name, result);
        try {
            result.endpoint = run.expand(request.endpoint);
            String envelope = run.expand(request.content);
            if (!request.outgoingWss.isEmpty()) {
                SoapUiProject.OutgoingWss wss = project.outgoingWss.get(request.outgoingWss);
                if (wss == null) {
                    throw new IllegalArgumentException("unknown outgoing WS-Security configuration '" + request.outgoingWss + "'");
                }
                Document doc = SoapUiXPath.parse(envelope);
                OutgoingWssProcessor.apply(wss, doc, run::expand, cryptos);
                envelope = SoapUiXPath.serialize(doc);
            }
            result.request = envelope;
            send(iface, request, result);
            if (incoming != null) {
                incoming(incoming, result, run);
            }
        } catch (UnsupportedSoapUiFeature | IllegalArgumentException | IllegalStateException | IOException e) {
            throw run.failure(step, result.response == null ? null : result, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw run.failure(step, null, "interrupted");
        }
        List<String> failures = new ArrayList<>();
        if (request.assertions.isEmpty()) {
            failures.add("the request has no assertions: a step that checks nothing proves nothing");
        }
        for (Assertion a : request.assertions) {
            if (a.disabled) {
                failures.add("[" + a.name + "] disabled assertion; enable or delete it");
                continue;
            }
            try {
                String problem = check(a, iface, result, run);
                if (problem != null) {
                    failures.add("[" + a.name + "] " + problem);
                }
            } catch (UnsupportedSoapUiFeature | IllegalArgumentException | IllegalStateException e) {
                failures.add("[" + a.name + "] " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw run.failure(step, result, String.join("\n  ", failures));
        }
    }

    /**
     * SoapUI's WsdlSinglePartHttpResponse: with an incoming WS-Security configuration, a response that carries a
     * wsse:Security header is processed (decrypted, its signature verified) and its content replaced by the result,
     * which the assertions then see; a response without one (e.g. a security fault) is left as it is.
     */
    private void incoming(SoapUiProject.IncomingWss incoming, StepResult result, CaseRun run) {
        Document doc;
        try {
            doc = SoapUiXPath.parse(result.response);
        } catch (IOException e) {
            return; // not XML: the assertions say so
        }
        try {
            if (cryptos.processIncoming(incoming, doc, run::expand)) {
                result.rawResponse = result.response;
                result.response = SoapUiXPath.serialize(doc);
                result.parsed = null;
            }
        } catch (IllegalStateException e) {
            result.rawResponse = result.response;
            throw e;
        }
    }

    private void send(WsdlInterface iface, Request request, StepResult result) throws IOException, InterruptedException {
        String action = iface.operations.get(request.operation);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(result.endpoint))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(result.request, StandardCharsets.UTF_8));
        if (iface.soap12()) {
            b.header("Content-Type", "application/soap+xml;charset=UTF-8;action=\"" + action + "\"");
        } else {
            b.header("Content-Type", "text/xml;charset=UTF-8").header("SOAPAction", "\"" + action + "\"");
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        result.millis = (System.nanoTime() - start) / 1_000_000;
        result.status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        result.response = type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/related")
                ? rootPart(type, response.body()) : response.body();
    }

    /**
     * The SOAP envelope of an MTOM/XOP (multipart/related) response: the part named by the {@code start} parameter, or
     * the first part. Binary parts stay referenced by their xop:Include, as SoapUI shows them.
     */
    static String rootPart(String contentType, String body) {
        String boundary = parameter(contentType, "boundary");
        if (boundary == null) {
            throw new IllegalStateException("multipart response without a boundary: " + contentType);
        }
        String start = parameter(contentType, "start");
        String first = null;
        for (String part : body.split("(\\r?\\n)?--" + java.util.regex.Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            int skip = 4;
            if (split < 0) {
                split = part.indexOf("\n\n");
                skip = 2;
            }
            if (split < 0 || part.startsWith("--")) {
                continue; // the preamble or the closing delimiter
            }
            String headers = part.substring(0, split);
            String content = part.substring(split + skip);
            if (first == null) {
                first = content;
            }
            if (start != null && headers.toLowerCase(java.util.Locale.ROOT).contains("content-id: " + start.toLowerCase(java.util.Locale.ROOT))) {
                return content;
            }
        }
        if (first == null) {
            throw new IllegalStateException("multipart response without parts");
        }
        return first;
    }

    private static String parameter(String contentType, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i);\\s*" + name + "=(\"([^\"]*)\"|([^;\\s]*))").matcher(contentType);
        return m.find() ? (m.group(2) != null ? m.group(2) : m.group(3)) : null;
    }

    // ---------------------------------------------------------------- assertions

    /** Evaluates one assertion; null when it holds, otherwise why not. */
    String check(Assertion a, WsdlInterface iface, StepResult result, CaseRun run) {
        switch (a.type) {
            case "SOAP Response" -> {
                Element body = body(iface, result);
                return body == null ? "not a SOAP " + (iface.soap12() ? "1.2" : "1.1") + " envelope with a Body" : null;
            }
            case "Not SOAP Fault Assertion" -> {
                if (body(iface, result) == null) {
                    return "not a SOAP " + (iface.soap12() ? "1.2" : "1.1") + " envelope with a Body, so not a SOAP response at all";
                }
                Element fault = fault(iface, result);
                return fault == null ? null : "response is a SOAP Fault: " + SoapUiXPath.serialize(fault);
            }
            case "SOAP Fault Assertion" -> {
                return fault(iface, result) != null ? null : "response is not a SOAP Fault";
            }
            case "Valid HTTP Status Codes" -> {
                String codes = a.configuration.getOrDefault("codes", "").trim();
                if (codes.isEmpty()) {
                    throw new IllegalArgumentException("no status codes configured");
                }
                for (String c : codes.split("\\s*,\\s*")) {
                    if (Integer.parseInt(c.trim()) == result.status) {
                        return null;
                    }
                }
                return "HTTP status " + result.status + " is not one of " + codes;
            }
            case "XPath Match" -> {
                return xpathMatch(a, iface, result, run);
            }
            case "Schema Compliance" -> {
                return schemaCompliance(a, iface, result);
            }
            case "Simple Contains", "Simple NotContains" -> {
                String token = run.expand(a.configuration.getOrDefault("token", ""));
                boolean ignoreCase = Boolean.parseBoolean(a.configuration.get("ignoreCase"));
                boolean regex = Boolean.parseBoolean(a.configuration.get("useRegEx"));
                String body = result.response;
                boolean found = regex
                        ? Pattern.compile(token, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.DOTALL : Pattern.DOTALL).matcher(body).find()
                        : (ignoreCase ? body.toLowerCase().contains(token.toLowerCase()) : body.contains(token));
                boolean wanted = a.type.equals("Simple Contains");
                return found == wanted ? null : (wanted ? "missing token '" : "unexpected token '") + token + "'";
            }
            case "Response SLA Assertion" -> {
                long sla = Long.parseLong(a.configuration.getOrDefault("SLA", "").trim());
                return result.millis <= sla ? null : "response took " + result.millis + " ms, more than " + sla + " ms";
            }
            default -> throw new UnsupportedSoapUiFeature("assertion type '" + a.type + "' is not supported by the build runner");
        }
    }

    private String xpathMatch(Assertion a, WsdlInterface iface, StepResult result, CaseRun run) {
        String path = a.configuration.get("path");
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("XPath Match without a path");
        }
        String expected = run.expand(a.configuration.getOrDefault("content", ""));
        boolean wildcards = Boolean.parseBoolean(a.configuration.get("allowWildcards"));
        Document doc = parsedResponse(result);
        SoapUiXPath xpath = SoapUiXPath.of(run.expand(path));
        if (xpath.aggregates()) {
            List<String> unknown = xpath.undeclaredNames(declaredNames(iface));
            if (!unknown.isEmpty()) {
                return "XPath " + xpath.expression + " names " + unknown + ", which no schema of the contract (nor SOAP) declares:"
                        + " a count() or boolean() over a wrong path passes without checking anything";
            }
        }
        String actual = xpath.evaluate(doc);
        if (actual == null) {
            return "XPath " + xpath.expression + " selected nothing; expected '" + expected + "'";
        }
        boolean matches = wildcards ? wildcardMatch(expected.trim(), actual.trim()) : normalize(expected).equals(normalize(actual));
        return matches ? null : "XPath " + xpath.expression + " gave '" + actual + "', expected '" + expected + "'";
    }

    private static String normalize(String s) {
        return s.trim().replaceAll(">\\s+<", "><");
    }

    /** SoapUI's wildcard comparison: '*' in the expected value matches any run of characters. */
    static boolean wildcardMatch(String expected, String actual) {
        StringBuilder regex = new StringBuilder();
        String[] parts = expected.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
    }

    private String schemaCompliance(Assertion a, WsdlInterface iface, StepResult result) {
        String definition = a.configuration.getOrDefault("definition", "").trim();
        if (!definition.isEmpty()) {
            throw new UnsupportedSoapUiFeature("Schema Compliance with an explicit definition URL is not supported by the build runner");
        }
        Element body = body(iface, result);
        if (body == null) {
            return "not a SOAP envelope with a Body";
        }
        List<Element> payload = new ArrayList<>();
        Element fault = fault(iface, result);
        if (fault != null) {
            for (Element detail : elements(fault)) {
                if (detail.getLocalName().equalsIgnoreCase("detail")) {
                    payload.addAll(elements(detail));
                }
            }
        } else {
            payload.addAll(elements(body));
        }
        if (payload.isEmpty()) {
            return "nothing in the Body to validate";
        }
        Schema schema = schemas.computeIfAbsent(iface.name, k -> schema(iface));
        for (Element e : payload) {
            try {
                schema.newValidator().validate(new DOMSource(e));
            } catch (SAXException | IOException ex) {
                return "<" + e.getLocalName() + "> breaks the schema: " + ex.getMessage();
            }
        }
        return null;
    }

    private final Map<String, ContractNames> contractNames = new HashMap<>();

    /** Element names an XPath may test: those the interface's cached schemas declare, and the SOAP envelope's. */
    ContractNames declaredNames(WsdlInterface iface) {
        return contractNames.computeIfAbsent(iface.name, k -> ContractNames.of(iface));
    }

    /** The element names (global and local) of every xs:schema in the cached definition, by target namespace. */
    record ContractNames(Map<String, java.util.Set<String>> byNamespace) implements java.util.function.BiPredicate<String, String> {
        static ContractNames of(WsdlInterface iface) {
            Map<String, java.util.Set<String>> names = new HashMap<>();
            names.put(SOAP11, java.util.Set.of("Envelope", "Header", "Body", "Fault"));
            names.put("", java.util.Set.of("faultcode", "faultstring", "faultactor", "detail")); // SOAP 1.1 fault children
            names.put(SOAP12, java.util.Set.of("Envelope", "Header", "Body", "Fault", "Code", "Value", "Subcode", "Reason",
                    "Text", "Node", "Role", "Detail"));
            for (Map.Entry<String, String> part : iface.parts.entrySet()) {
                Document doc;
                try {
                    doc = SoapUiXPath.parse(part.getValue());
                } catch (IOException e) {
                    throw new IllegalStateException("cached part " + part.getKey() + " is not XML: " + e.getMessage(), e);
                }
                NodeList schemas = doc.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema");
                for (int i = 0; i < schemas.getLength(); i++) {
                    Element schema = (Element) schemas.item(i);
                    java.util.Set<String> set = names.computeIfAbsent(schema.getAttribute("targetNamespace"), ns -> new java.util.HashSet<>());
                    NodeList elements = schema.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
                    for (int k = 0; k < elements.getLength(); k++) {
                        String name = ((Element) elements.item(k)).getAttribute("name");
                        if (!name.isEmpty()) {
                            set.add(name);
                        }
                    }
                }
            }
            return new ContractNames(names);
        }

        @Override
        public boolean test(String namespace, String local) {
            return byNamespace.getOrDefault(namespace, java.util.Set.of()).contains(local);
        }
    }

    /** The schema of the interface's cached definition: every xs:schema inside its WSDL parts, imports resolved in the cache. */
    static Schema schema(WsdlInterface iface) {
        if (iface.parts.isEmpty()) {
            throw new UnsupportedSoapUiFeature("interface " + iface.name + " has no con:definitionCache; Schema Compliance needs it");
        }
        List<Source> sources = new ArrayList<>();
        for (Map.Entry<String, String> part : iface.parts.entrySet()) {
            Document doc;
            try {
                doc = SoapUiXPath.parse(part.getValue());
            } catch (IOException e) {
                throw new IllegalStateException("cached part " + part.getKey() + " is not XML: " + e.getMessage(), e);
            }
            NodeList list = doc.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema");
            if ("definitions".equals(doc.getDocumentElement().getLocalName())) {
                for (int i = 0; i < list.getLength(); i++) {
                    sources.add(new DOMSource(list.item(i), part.getKey()));
                }
            }
        }
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setResourceResolver((type, namespaceURI, publicId, systemId, baseURI) -> {
            String url = baseURI == null ? systemId : URI.create(baseURI).resolve(systemId).toString();
            String content = iface.parts.get(url);
            if (content == null) {
                throw new IllegalStateException("schema " + url + " is not in interface " + iface.name + "'s definition cache");
            }
            return new CachedInput(url, content);
        });
        try {
            return f.newSchema(sources.toArray(new Source[0]));
        } catch (SAXException e) {
            throw new IllegalStateException("the definition cache of interface " + iface.name + " has no valid schema: " + e.getMessage(), e);
        }
    }

    private static Element body(WsdlInterface iface, StepResult result) {
        Document doc = parsedResponseOrNull(result);
        if (doc == null) {
            return null;
        }
        Element env = doc.getDocumentElement();
        String ns = iface.soap12() ? SOAP12 : SOAP11;
        if (!ns.equals(env.getNamespaceURI()) || !"Envelope".equals(env.getLocalName())) {
            return null;
        }
        for (Element e : elements(env)) {
            if (ns.equals(e.getNamespaceURI()) && "Body".equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element fault(WsdlInterface iface, StepResult result) {
        Element body = body(iface, result);
        if (body == null) {
            return null;
        }
        for (Element e : elements(body)) {
            if (body.getNamespaceURI().equals(e.getNamespaceURI()) && "Fault".equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> elements(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }

    private static Document parsedResponseOrNull(StepResult result) {
        if (result.response == null || result.response.isBlank()) {
            return null;
        }
        if (result.parsed == null) {
            try {
                result.parsed = SoapUiXPath.parse(result.response);
            } catch (IOException e) {
                return null;
            }
        }
        return result.parsed;
    }

    private static Document parsedResponse(StepResult result) {
        Document doc = parsedResponseOrNull(result);
        if (doc == null) {
            throw new IllegalStateException("the response is not XML");
        }
        return doc;
    }

    // ---------------------------------------------------------------- property transfers

    private void runTransfers(CaseRun run, TestStep step) {
        List<Transfer> transfers = step.transfers();
        if (transfers.isEmpty()) {
            throw run.failure(step, null, "property transfer step without transfers");
        }
        for (Transfer t : transfers) {
            try {
                if (t.disabled) {
                    throw new IllegalArgumentException("disabled transfer; enable or delete it");
                }
                if (!t.sourceLanguage.equals("XPATH") || !t.targetLanguage.equals("XPATH")) {
                    throw new UnsupportedSoapUiFeature("transfer languages other than XPATH are not supported by the build runner");
                }
                if (!t.targetPath.isBlank()) {
                    throw new UnsupportedSoapUiFeature("transfers into a target path are not supported by the build runner; "
                            + "transfer into a property and expand it in the request");
                }
                String value = run.property(t.sourceStep, t.sourceType);
                if (!t.sourcePath.isBlank()) {
                    Document doc;
                    try {
                        doc = SoapUiXPath.parse(value);
                    } catch (IOException e) {
                        throw new IllegalStateException(t.sourceStep + "#" + t.sourceType + " is not XML");
                    }
                    value = SoapUiXPath.of(run.expand(t.sourcePath)).evaluate(doc);
                    if (value == null) {
                        if (t.failOnError) {
                            throw new IllegalStateException("source path " + t.sourcePath.trim() + " selected nothing in "
                                    + t.sourceStep + "#" + t.sourceType);
                        }
                        value = "";
                    }
                }
                run.setProperty(t.targetStep, t.targetType, value);
            } catch (UnsupportedSoapUiFeature | IllegalArgumentException | IllegalStateException e) {
                throw run.failure(step, null, "[transfer " + t.name + "] " + e.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------- state of one test case run

    /** What a request step produced. */
    public static final class StepResult {
        public String endpoint;
        public String request;
        public String response;
        /** The response as received, when incoming WS-Security replaced it by its decrypted and verified form. */
        public String rawResponse;
        public int status;
        public long millis;
        Document parsed;
    }

    /** The properties and step results of one test case while it runs; also the property expander. */
    public final class CaseRun {
        private static final int MAX_DEPTH = 8;
        final TestSuite suite;
        final TestCase testCase;
        final Map<String, String> suiteProperties;
        final Map<String, String> caseProperties;
        final Map<String, StepResult> results = new LinkedHashMap<>();
        final Map<String, Map<String, String>> stepProperties = new LinkedHashMap<>();

        CaseRun(TestSuite suite, TestCase testCase) {
            this.suite = suite;
            this.testCase = testCase;
            this.suiteProperties = new LinkedHashMap<>(suite.properties);
            this.caseProperties = new LinkedHashMap<>(testCase.properties);
        }

        /**
         * Expands SoapUI property expansions: ${#Project#p}, ${#TestSuite#p}, ${#TestCase#p}, ${#System#p}, ${#Env#p},
         * ${Step#Property} and ${Step#Property#xpath}. Values are expanded again, as SoapUI does. Groovy (${=...}),
         * unknown scopes and missing properties fail.
         */
        public String expand(String text) {
            return expand(text, 0);
        }

        private String expand(String text, int depth) {
            if (text == null || !text.contains("${")) {
                return text;
            }
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("property expansion nested deeper than " + MAX_DEPTH + ": " + text);
            }
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                int start = text.indexOf("${", i);
                if (start < 0) {
                    out.append(text, i, text.length());
                    break;
                }
                out.append(text, i, start);
                int end = closing(text, start + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated property expansion: " + text.substring(start));
                }
                String inner = expand(text.substring(start + 2, end), depth + 1);
                out.append(expand(resolve(inner), depth + 1));
                i = end + 1;
            }
            return out.toString();
        }

        private int closing(String text, int from) {
            int level = 1;
            for (int j = from; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '{') {
                    level++;
                } else if (c == '}' && --level == 0) {
                    return j;
                }
            }
            return -1;
        }

        private String resolve(String expr) {
            if (expr.startsWith("=")) {
                throw new UnsupportedSoapUiFeature("Groovy expansions (${" + expr + "}) are not supported by the build runner; "
                        + "use a property transfer instead");
            }
            if (expr.startsWith("#")) {
                int hash = expr.indexOf('#', 1);
                if (hash < 0) {
                    throw new IllegalArgumentException("malformed property expansion ${" + expr + "}");
                }
                String scope = expr.substring(1, hash);
                String name = expr.substring(hash + 1);
                String value = switch (scope) {
                    case "Project" -> projectProperties.get(name);
                    case "TestSuite" -> suiteProperties.get(name);
                    case "TestCase" -> caseProperties.get(name);
                    case "System" -> System.getProperty(name);
                    case "Env" -> System.getenv(name);
                    default -> throw new UnsupportedSoapUiFeature("property scope #" + scope + "# is not supported by the build runner");
                };
                if (value == null) {
                    throw new IllegalArgumentException("property ${" + expr + "} is not defined");
                }
                return value;
            }
            int hash = expr.indexOf('#');
            if (hash < 0) {
                throw new UnsupportedSoapUiFeature("context expansion ${" + expr + "} is not supported by the build runner; "
                        + "use ${#TestCase#" + expr + "}");
            }
            String stepName = expr.substring(0, hash);
            String rest = expr.substring(hash + 1);
            int second = rest.indexOf('#');
            String property = second < 0 ? rest : rest.substring(0, second);
            String value = property(stepName, property);
            if (second < 0) {
                return value;
            }
            String xpath = rest.substring(second + 1);
            try {
                String selected = SoapUiXPath.of(xpath).evaluate(SoapUiXPath.parse(value));
                if (selected == null) {
                    throw new IllegalArgumentException("${" + expr + "} selected nothing");
                }
                return selected;
            } catch (IOException e) {
                throw new IllegalArgumentException(stepName + "#" + property + " is not XML", e);
            }
        }

        /** A property of a scope (#Project#, #TestSuite#, #TestCase#) or of a step run earlier in this case. */
        String property(String step, String name) {
            String value = switch (step) {
                case "#Project#" -> projectProperties.get(name);
                case "#TestSuite#" -> suiteProperties.get(name);
                case "#TestCase#" -> caseProperties.get(name);
                default -> stepProperty(step, name);
            };
            if (value == null) {
                throw new IllegalArgumentException("property " + step + (step.endsWith("#") ? "" : "#") + name + " is not defined");
            }
            return value;
        }

        private String stepProperty(String step, String name) {
            if (stepProperties.containsKey(step)) {
                return stepProperties.get(step).get(name);
            }
            StepResult r = results.get(step);
            if (r == null) {
                throw new IllegalArgumentException("step '" + step + "' has not run (yet) in this test case");
            }
            return switch (name) {
                case "Response" -> r.response;
                case "Request" -> r.request;
                case "Endpoint" -> r.endpoint;
                default -> throw new UnsupportedSoapUiFeature("request step property '" + name + "' is not supported by the build runner");
            };
        }

        void setProperty(String step, String name, String value) {
            switch (step) {
                case "#TestCase#" -> caseProperties.put(name, value);
                case "#TestSuite#" -> suiteProperties.put(name, value);
                case "#Project#" -> throw new UnsupportedSoapUiFeature("transfers into project properties would leak between test cases");
                default -> {
                    Map<String, String> props = stepProperties.get(step);
                    if (props == null) {
                        throw new IllegalArgumentException("transfer target '" + step + "' is not a properties step that has run");
                    }
                    props.put(name, value);
                }
            }
        }

        SoapUiFailure failure(TestStep step, StepResult result, String message) {
            StringBuilder m = new StringBuilder();
            m.append(suite.name).append(" / ").append(testCase.name);
            if (step != null) {
                m.append(" / step '").append(step.name).append('\'');
            }
            m.append(":\n  ").append(message);
            if (result != null) {
                m.append("\n--- HTTP ").append(result.status).append(" from ").append(result.endpoint)
                        .append("\n--- response:\n").append(abbreviate(result.response))
                        .append("\n--- request:\n").append(abbreviate(result.request));
            }
            return new SoapUiFailure(m.toString());
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "(none)";
        }
        return s.length() <= 4000 ? s : s.substring(0, 4000) + " ... (" + s.length() + " characters)";
    }

    /** A failed test case; the message names suite, case, step and assertion. */
    public static final class SoapUiFailure extends AssertionError {
        SoapUiFailure(String message) {
            super(message);
        }
    }

    /** A schema from the interface's definition cache, handed to the schema factory instead of a download. */
    private static final class CachedInput implements LSInput {
        private final String systemId;
        private final String content;

        CachedInput(String systemId, String content) {
            this.systemId = systemId;
            this.content = content;
        }

        @Override public java.io.Reader getCharacterStream() { return new StringReader(content); }
        @Override public void setCharacterStream(java.io.Reader r) { }
        @Override public java.io.InputStream getByteStream() { return null; }
        @Override public void setByteStream(java.io.InputStream s) { }
        @Override public String getStringData() { return content; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return systemId; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
