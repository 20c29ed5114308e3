package org.clientele.soapui;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clientele.soapui.SoapUiRunner.SoapUiFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SoapUI runner itself, against a stub HTTP server: assertions that must fail do fail, unsupported features fail
 * loudly, property expansion and transfers carry values between steps, and the WS-Security header it builds is valid.
 */
class SoapUiRunnerTest {
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String RESPONSE = "<soap:Envelope xmlns:soap='" + SOAP11 + "'><soap:Body>"
            + "<r:answer xmlns:r='urn:test'><r:id>42</r:id><r:name>Ada</r:name><r:name>Bob</r:name></r:answer></soap:Body></soap:Envelope>";
    static final String FAULT = "<soap:Envelope xmlns:soap='" + SOAP11 + "'><soap:Body><soap:Fault><faultcode>soap:Server</faultcode>"
            + "<faultstring>boom</faultstring><detail><c:CrmFault xmlns:c='urn:clientele:crm:common:v1'><c:code>NOT_FOUND</c:code>"
            + "<c:message>x</c:message><c:retryable>false</c:retryable></c:CrmFault></detail></soap:Fault></soap:Body></soap:Envelope>";

    HttpServer server;
    final List<String> received = new ArrayList<>();
    volatile String responseBody = RESPONSE;
    volatile int responseStatus = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = responseBody.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml;charset=UTF-8");
            exchange.sendResponseHeaders(responseStatus, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ------------------------------------------------------------ a small project written like SoapUI writes one

    static String project(String caseAttributes, String steps) {
        return """
                <con:soapui-project name="T" xmlns:con="http://eviware.com/soapui/config" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <con:interface xsi:type="con:WsdlInterface" name="B" bindingName="{urn:test}B" soapVersion="1_1" type="wsdl">
                    <con:operation name="op" action="urn:test:op"/>
                    <con:definitionCache type="TEXT" rootPart="urn:test.xsd"><con:part><con:url>urn:test.xsd</con:url><con:content><![CDATA[
                      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test" elementFormDefault="qualified">
                        <xs:element name="answer"><xs:complexType><xs:sequence><xs:element name="id" type="xs:int"/>
                          <xs:element name="name" type="xs:string" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>
                      </xs:schema>]]></con:content><con:type>http://www.w3.org/2001/XMLSchema</con:type></con:part></con:definitionCache>
                  </con:interface>
                  <con:testSuite name="Suite"><con:testCase name="Case"%s>%s
                    <con:properties><con:property><con:name>id</con:name><con:value/></con:property>
                      <con:property><con:name>greeting</con:name><con:value>Hello ${#TestSuite#who}</con:value></con:property></con:properties>
                  </con:testCase><con:properties><con:property><con:name>who</con:name><con:value>${#Project#user}</con:value></con:property></con:properties></con:testSuite>
                  <con:properties><con:property><con:name>endpoint</con:name><con:value>http://127.0.0.1:9</con:value></con:property>
                    <con:property><con:name>user</con:name><con:value>ada</con:value></con:property>
                    <con:property><con:name>password</con:name><con:value>s3cret</con:value></con:property></con:properties>
                  <con:wssContainer><con:outgoing><con:name>wss</con:name>
                    <con:entry type="Username" username="${#Project#user}" password="${#Project#password}"><con:configuration>
                      <addCreated>true</addCreated><addNonce>true</addNonce><passwordType>PasswordDigest</passwordType></con:configuration></con:entry>
                    <con:entry type="Timestamp"><con:configuration><timeToLive>300</timeToLive><strictTimestamp>true</strictTimestamp></con:configuration></con:entry>
                  </con:outgoing>
                  <con:outgoing><con:name>saml</con:name><con:entry type="SAML (Form)" username="k" password="p"/></con:outgoing></con:wssContainer>
                </con:soapui-project>""".formatted(caseAttributes, steps);
    }

    static String project(String steps) {
        return project("", steps);
    }

    static String request(String name, String body, String wss, String assertions) {
        return """
                <con:testStep type="request" name="%s"><con:config xsi:type="con:RequestStep" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <con:interface>B</con:interface><con:operation>op</con:operation>
                  <con:request name="%s" outgoingWss="%s" incomingWss=""><con:endpoint>${#Project#endpoint}/svc</con:endpoint>
                    <con:request><![CDATA[<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header/><soapenv:Body>%s</soapenv:Body></soapenv:Envelope>]]></con:request>
                    %s
                  </con:request></con:config></con:testStep>""".formatted(name, name, wss, body, assertions);
    }

    static String xpathMatch(String name, String path, String expected) {
        return "<con:assertion type=\"XPath Match\" name=\"" + name + "\"><con:configuration><path>declare namespace r='urn:test';\n"
                + path + "</path><content>" + expected + "</content><allowWildcards>false</allowWildcards></con:configuration></con:assertion>";
    }

    static String assertion(String type) {
        return "<con:assertion type=\"" + type + "\" name=\"" + type + "\"/>";
    }

    void run(String xml) throws IOException {
        SoapUiProject p = SoapUiProject.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        new SoapUiRunner(p, Map.of("endpoint", endpoint())).run(p.suites.get(0), p.suites.get(0).cases.get(0));
    }

    // ------------------------------------------------------------ assertions

    @Test
    void xpathMatchThatMatchesPasses() {
        assertDoesNotThrow(() -> run(project(request("Get", "<x/>", "",
                xpathMatch("id", "//r:answer/r:id", "42") + xpathMatch("count", "count(//r:name)", "2")
                        + xpathMatch("first name", "//r:name", "Ada") + assertion("SOAP Response") + assertion("Not SOAP Fault Assertion")))));
    }

    @Test
    void xpathMatchThatDoesNotMatchFailsAndNamesSuiteCaseStepAndAssertion() {
        SoapUiFailure f = assertThrows(SoapUiFailure.class, () -> run(project(request("Get answer", "<x/>", "",
                xpathMatch("the id", "//r:answer/r:id", "43")))));
        assertTrue(f.getMessage().startsWith("Suite / Case / step 'Get answer'"), f.getMessage());
        assertTrue(f.getMessage().contains("[the id] XPath"), f.getMessage());
        assertTrue(f.getMessage().contains("gave '42', expected '43'"), f.getMessage());
    }

    @Test
    void xpathMatchThatSelectsNothingFails() {
        SoapUiFailure f = assertThrows(SoapUiFailure.class, () -> run(project(request("Get", "<x/>", "",
                xpathMatch("missing", "//r:answer/r:nothing", "1")))));
        assertTrue(f.getMessage().contains("selected nothing"), f.getMessage());
    }

    @Test
    void undeclaredXPathPrefixFails() {
        SoapUiFailure f = assertThrows(SoapUiFailure.class, () -> run(project(request("Get", "<x/>", "",
                xpathMatch("bad prefix", "//q:answer", "1")))));
        assertTrue(f.getMessage().contains("[bad prefix]"), f.getMessage());
    }

    @Test
    void unknownAssertionTypeFailsLoudly() {
        SoapUiFailure f = assertThrows(SoapUiFailure.class, () -> run(project(request("Get", "<x/>", "",
                assertion("SOAP Response") + assertion("GroovyScriptAssertion")))));
        assertTrue(f.getMessage().contains("assertion type 'GroovyScriptAssertion' is not supported"), f.getMessage());
    }

    @Test
    void requestWithoutAssertionsFails() {
        SoapUiFailure f = assertThrows(SoapUiFailure.class, () -> run(project(request("Get", "<x/>", "", ""))));
        assertTrue(f.getMessage().contains("no assertions"), f.getMessage());
    }

    @Test
    void faultAssertionsTellFaultsFromResponses() throws IOException {
        responseBody = FAULT;
        responseStatus = 500;
        run(project(request("Get", "<x/>", "", assertion("SOAP Fault Assertion")
                + "<con:assertion type=\"Valid HTTP Status Codes\" name=\"500\"><con:configuration><codes>500</codes></con:configuration></con:assertion>"
                + "<con:assertion type=\"XPath Match\" name=\"code\"><con:configuration><path>declare namespace c='urn:clientele:crm:common:v1';"
                + "//c:CrmFault/c:code</path><content>NOT_FOUND</content></con:configuration></con:assertion>")));
        SoapUiFailure f = assertThrows(SoapUiFailure.class, () -> run(project(request("Get", "<x/>", "", assertion("Not SOAP Fault Assertion")))));
        assertTrue(f.getMessage().contains("response is a SOAP Fault"), f.getMessage());
        SoapUiFailure status = assertThrows(SoapUiFailure.class, () -> run(project(request("Get", "<x/>", "",
                "<con:assertion type=\"Valid HTTP Status Codes\" name=\"ok\"><con:configuration><codes>200</codes></con:configuration></con:assertion>"))));
        assertTrue(status.getMessage().contains("HTTP status 500 is not one of 200"), status.getMessage());
    }

    @Test
    void soapFaultAssertionOnANormalResponseFails() {
        SoapUiFailure f = assertThrows(SoapUiFailure.class, () -> run(project(request("Get", "<x/>", "", assertion("SOAP Fault Assertion")))));
        assertTrue(f.getMessage().contains("not a SOAP Fault"), f.getMessage());
    }

    @Test
    void unknownStepTypeFailsLoudly() {
        SoapUiFailure f = assertThrows(SoapUiFailure.class, () -> run(project(
                "<con:testStep type=\"groovy\" name=\"Script\"><con:config><script>println 1</script></con:config></con:testStep>")));
        assertTrue(f.getMessage().contains("step type 'groovy' is not supported"), f.getMessage());
    }

    // ------------------------------------------------------------ property expansion and transfers

    @Test
    void propertyExpansionAndTransfersCarryValuesToLaterSteps() throws IOException {
        String transfer = """
                <con:testStep type="transfer" name="Transfer id"><con:config xsi:type="con:PropertyTransfersStep" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <con:transfers failOnError="true"><con:name>id</con:name><con:sourceType>Response</con:sourceType><con:sourceStep>First</con:sourceStep>
                    <con:sourcePath>declare namespace r='urn:test'; //r:answer/r:id</con:sourcePath><con:targetType>id</con:targetType>
                    <con:targetStep>#TestCase#</con:targetStep><con:targetPath/></con:transfers></con:config></con:testStep>""";
        run(project(request("First", "<a/>", "", assertion("SOAP Response"))
                + transfer
                + request("Second", "<b id=\"${#TestCase#id}\" name=\"${First#Response#declare namespace r='urn:test'; //r:name[2]}\">${#TestCase#greeting}</b>", "",
                        xpathMatch("expanded expectation", "//r:answer/r:id", "${#TestCase#id}"))));
        assertEquals(2, received.size());
        assertTrue(received.get(1).contains("<b id=\"42\" name=\"Bob\">Hello ada</b>"), received.get(1));
    }

    @Test
    void undefinedPropertiesAndGroovyExpansionsFailLoudly() {
        SoapUiFailure undefined = assertThrows(SoapUiFailure.class, () -> run(project(request("Get", "<x>${#TestCase#nope}</x>", "", assertion("SOAP Response")))));
        assertTrue(undefined.getMessage().contains("${#TestCase#nope} is not defined"), undefined.getMessage());
        SoapUiFailure groovy = assertThrows(SoapUiFailure.class, () -> run(project(request("Get", "<x>${=java.util.UUID.randomUUID()}</x>", "", assertion("SOAP Response")))));
        assertTrue(groovy.getMessage().contains("Groovy expansions"), groovy.getMessage());
        SoapUiFailure notRun = assertThrows(SoapUiFailure.class, () -> run(project(request("Get", "<x>${Later#Response}</x>", "", assertion("SOAP Response")))));
        assertTrue(notRun.getMessage().contains("step 'Later' has not run"), notRun.getMessage());
    }

    // ------------------------------------------------------------ WS-Security

    @Test
    void outgoingWssAddsTimestampAndUsernameTokenWithAValidPasswordDigest() throws Exception {
        run(project(request("Secured", "<x/>", "wss", assertion("SOAP Response"))));
        Document doc = SoapUiXPath.parse(received.get(0));
        String wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
        String wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
        Element security = (Element) doc.getElementsByTagNameNS(wsse, "Security").item(0);
        assertEquals("1", security.getAttributeNS(SOAP11, "mustUnderstand"));
        Element token = (Element) security.getElementsByTagNameNS(wsse, "UsernameToken").item(0);
        assertEquals("ada", text(token, wsse, "Username"));
        Element password = (Element) token.getElementsByTagNameNS(wsse, "Password").item(0);
        assertTrue(password.getAttribute("Type").endsWith("#PasswordDigest"), password.getAttribute("Type"));
        byte[] nonce = Base64.getDecoder().decode(text(token, wsse, "Nonce"));
        String created = text(token, wsu, "Created");
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(nonce);
        sha1.update((created + "s3cret").getBytes(StandardCharsets.UTF_8));
        assertEquals(Base64.getEncoder().encodeToString(sha1.digest()), password.getTextContent());
        Element timestamp = (Element) security.getElementsByTagNameNS(wsu, "Timestamp").item(0);
        Instant tsCreated = Instant.parse(text(timestamp, wsu, "Created"));
        Instant tsExpires = Instant.parse(text(timestamp, wsu, "Expires"));
        assertEquals(Duration.ofSeconds(300), Duration.between(tsCreated, tsExpires));
        assertTrue(Duration.between(tsCreated, Instant.now()).abs().getSeconds() < 60, "fresh timestamp");

        run(project(request("Secured", "<x/>", "wss", assertion("SOAP Response"))));
        Document second = SoapUiXPath.parse(received.get(1));
        assertTrue(!text(second.getDocumentElement(), wsse, "Nonce").equals(text(token, wsse, "Nonce")), "a fresh nonce per request");
    }

    @Test
    void unsupportedWssEntryAndUnknownConfigurationFailLoudly() {
        SoapUiFailure saml = assertThrows(SoapUiFailure.class, () -> run(project(request("SAML", "<x/>", "saml", assertion("SOAP Response")))));
        assertTrue(saml.getMessage().contains("entry type 'SAML (Form)' is not supported"), saml.getMessage());
        SoapUiFailure unknown = assertThrows(SoapUiFailure.class, () -> run(project(request("Get", "<x/>", "nope", assertion("SOAP Response")))));
        assertTrue(unknown.getMessage().contains("unknown outgoing WS-Security configuration 'nope'"), unknown.getMessage());
    }

    // ------------------------------------------------------------ assertions that could pass without checking anything

    @Test
    void aCountOrBooleanOverANameTheContractDoesNotDeclareFails() throws IOException {
        run(project(request("Get", "<x/>", "", xpathMatch("declared", "count(//r:answer/r:name)", "2")
                + xpathMatch("declared boolean", "boolean(//r:answer[r:id = '42'])", "true"))));
        for (String path : List.of("count(//r:answers)", "count(//r:answer/r:nmae)", "boolean(//r:answer/r:idd)",
                "count(//answer)", "not(//r:answer/r:missing)")) {
            SoapUiFailure f = assertThrows(SoapUiFailure.class,
                    () -> run(project(request("Get", "<x/>", "", xpathMatch("wrong path", path, path.startsWith("count") ? "0" : "false")))),
                    path + " passes although its path names an undeclared element");
            assertTrue(f.getMessage().contains("which no schema of the contract"), f.getMessage());
        }
    }

    @Test
    void everyCountAndBooleanAssertionOfTheProjectNamesDeclaredElementsOnly() throws IOException {
        SoapUiProject p = SoapUiProject.read(SoapUiProjectCoverageTest.PROJECT);
        SoapUiRunner runner = new SoapUiRunner(p, Map.of());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (SoapUiProject.TestSuite suite : p.suites) {
            for (SoapUiProject.TestCase c : suite.cases) {
                for (SoapUiProject.TestStep step : c.steps) {
                    if (!step.type.equals("request")) {
                        continue;
                    }
                    SoapUiProject.Request request = step.request();
                    for (SoapUiProject.Assertion a : request.assertions) {
                        String path = a.configuration.get("path");
                        if (!a.type.equals("XPath Match") || path == null) {
                            continue;
                        }
                        SoapUiXPath xpath = SoapUiXPath.of(path.replaceAll("\\$\\{[^}]*}", "1"));
                        if (xpath.aggregates()) {
                            checked++;
                            List<String> unknown = xpath.undeclaredNames(runner.declaredNames(p.interfaces.get(request.interfaceName)));
                            if (!unknown.isEmpty()) {
                                wrong.add(suite.name + " / " + c.name + " / " + step.name + " [" + a.name + "]: " + unknown);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked > 30, "count()/boolean() assertions found: " + checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void notSoapFaultNeedsASoapEnvelope() {
        responseBody = "<html><body>Service Unavailable</body></html>";
        SoapUiFailure f = assertThrows(SoapUiFailure.class, () -> run(project(request("Get", "<x/>", "", assertion("Not SOAP Fault Assertion")))));
        assertTrue(f.getMessage().contains("not a SOAP 1.1 envelope"), f.getMessage());
        responseBody = "plain text";
        assertThrows(SoapUiFailure.class, () -> run(project(request("Get", "<x/>", "", assertion("Not SOAP Fault Assertion")))));
    }

    @Test
    void aTestCaseWithoutStepsFails() {
        SoapUiFailure f = assertThrows(SoapUiFailure.class, () -> run(project("")));
        assertTrue(f.getMessage().contains("has no steps"), f.getMessage());
    }

    // ------------------------------------------------------------ Conditional Goto: polling, bounded by the case's timeout

    static String gotoStep(String name, String condition, String target) {
        return "<con:testStep type=\"goto\" name=\"" + name + "\"><con:config xsi:type=\"con:GotoStepConfig\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<con:condition><con:name>again</con:name><con:expression>declare namespace r='urn:test';\n" + condition
                + "</con:expression><con:targetStep>" + target + "</con:targetStep><con:type>XPATH</con:type></con:condition></con:config></con:testStep>";
    }

    static String delayStep(String name, int millis) {
        return "<con:testStep type=\"delay\" name=\"" + name + "\"><con:config><delay>" + millis + "</delay></con:config></con:testStep>";
    }

    @Test
    void aConditionalGotoPollsUntilItsConditionIsFalse() throws IOException {
        String notYet = "<soap:Envelope xmlns:soap='" + SOAP11 + "'><soap:Body><r:answer xmlns:r='urn:test'><r:id>0</r:id></r:answer></soap:Body></soap:Envelope>";
        responseBody = notYet;
        server.removeContext("/");
        server.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = (received.size() < 3 ? notYet : RESPONSE).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml;charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        run(project(" timeout=\"10000\"", delayStep("Wait", 10) + request("Poll", "<x/>", "", assertion("SOAP Response"))
                + gotoStep("Again", "//r:answer/r:id = '0'", "Wait")
                + request("Check", "<x/>", "", xpathMatch("id", "//r:answer/r:id", "42"))));
        assertEquals(4, received.size(), "three polls, the third saw the answer, then the check");
    }

    @Test
    void aConditionalGotoLoopIsBoundedByTheTestCaseTimeout() {
        Instant start = Instant.now();
        SoapUiFailure f = assertThrows(SoapUiFailure.class, () -> run(project(" timeout=\"500\"",
                delayStep("Wait", 20) + request("Poll", "<x/>", "", assertion("SOAP Response"))
                        + gotoStep("Forever", "count(//r:answer) = 1", "Wait"))));
        assertTrue(f.getMessage().contains("longer than its timeout of 500 ms"), f.getMessage());
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 30);
        SoapUiFailure unbounded = assertThrows(SoapUiFailure.class, () -> run(project(
                request("Poll", "<x/>", "", assertion("SOAP Response")) + gotoStep("Forever", "count(//r:answer) = 1", "Poll"))));
        assertTrue(unbounded.getMessage().contains("needs a timeout"), unbounded.getMessage());
    }

    // ------------------------------------------------------------ schema compliance against the real project's definition cache

    @Test
    void schemaComplianceValidatesAgainstTheCachedContract() throws IOException {
        SoapUiProject p = SoapUiProject.read(SoapUiProjectCoverageTest.PROJECT);
        SoapUiProject.TestSuite suite = p.suites.stream().filter(s -> s.name.equals("StatusService")).findFirst().orElseThrow();
        SoapUiProject.TestCase ping = suite.cases.stream().filter(c -> c.name.startsWith("ping - happy path")).findFirst().orElseThrow();
        SoapUiRunner runner = new SoapUiRunner(p, Map.of("endpoint", endpoint()));
        String ns = "urn:clientele:crm:status:v1";
        responseBody = "<soap:Envelope xmlns:soap='" + SOAP11 + "'><soap:Body><s:pingResponse xmlns:s='" + ns + "'>"
                + "<s:version>1.0.0</s:version><s:serverTime>2026-11-28T10:00:00.123456Z</s:serverTime></s:pingResponse></soap:Body></soap:Envelope>";
        runner.run(suite, ping);
        responseBody = "<soap:Envelope xmlns:soap='" + SOAP11 + "'><soap:Body><s:pingResponse xmlns:s='" + ns + "'>"
                + "<s:version>1.0.0</s:version><s:serverTime>yesterday</s:serverTime></s:pingResponse></soap:Body></soap:Envelope>";
        SoapUiFailure f = assertThrows(SoapUiFailure.class, () -> runner.run(suite, ping));
        assertTrue(f.getMessage().contains("[Schema Compliance] <pingResponse> breaks the schema"), f.getMessage());
    }

    @Test
    void wildcardsMatchLikeSoapUi() {
        assertTrue(SoapUiRunner.wildcardMatch("2026-*Z", "2026-11-28T10:00:00Z"));
        assertTrue(!SoapUiRunner.wildcardMatch("2026-*Z", "2025-11-28T10:00:00Z"));
        assertTrue(SoapUiRunner.wildcardMatch("a.b", "a.b"));
        assertTrue(!SoapUiRunner.wildcardMatch("a.b", "axb"));
        assertTrue(SoapUiRunner.wildcardMatch("satisfied:*EncryptedParts: Soap Body is not ENCRYPTED",
                "satisfied: \n{http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702}EncryptedParts: Soap Body is not ENCRYPTED"), "across lines");
    }

    private static String text(Element parent, String ns, String local) {
        return parent.getElementsByTagNameNS(ns, local).item(0).getTextContent();
    }

    @Test
    void mtomResponsesAreReadFromTheirRootPart() {
        String type = "multipart/related; type=\"application/xop+xml\"; boundary=\"uuid:b1\"; start=\"<root.message@cxf.apache.org>\"; start-info=\"text/xml\"";
        String body = "\r\n--uuid:b1\r\nContent-Type: application/octet-stream\r\nContent-ID: <bin@x>\r\n\r\nBINARY\r\n"
                + "--uuid:b1\r\nContent-Type: application/xop+xml; charset=UTF-8\r\nContent-ID: <root.message@cxf.apache.org>\r\n\r\n"
                + "<soap:Envelope/>\r\n--uuid:b1--";
        assertEquals("<soap:Envelope/>", SoapUiRunner.rootPart(type, body));
        assertEquals("BINARY", SoapUiRunner.rootPart("multipart/related; boundary=uuid:b1", body), "no start: the first part");
        assertThrows(IllegalStateException.class, () -> SoapUiRunner.rootPart("multipart/related", body));
    }

    // ------------------------------------------------------------ X.509 sign + encrypt (keystore-based WS-Security)

    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    @TempDir
    static Path x509Dir;
    static Path stores;

    /** The project directory of the X.509 tests, with the key stores under stores/ (made once: keytool is slow). */
    static synchronized Path x509Dir() throws Exception {
        if (stores == null) {
            stores = keyStores(x509Dir);
        }
        return x509Dir;
    }

    /** Throw-away key stores made with the JDK's keytool: client and server key pairs, each trusting the other. */
    static Path keyStores(Path dir) throws Exception {
        Path stores = dir.resolve("stores");
        Files.createDirectories(stores);
        for (String who : List.of("client", "server", "stranger")) {
            keytool("-genkeypair", "-alias", who, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=" + who,
                    "-keystore", stores.resolve(who + ".jks").toString(), "-storetype", "JKS", "-storepass", "test-only", "-keypass", "test-only");
            keytool("-exportcert", "-alias", who, "-keystore", stores.resolve(who + ".jks").toString(), "-storepass", "test-only",
                    "-file", stores.resolve(who + ".cer").toString());
        }
        for (String[] t : new String[][] {{"client", "server"}, {"server", "client"}}) {
            keytool("-importcert", "-noprompt", "-alias", t[1], "-file", stores.resolve(t[1] + ".cer").toString(), "-keystore",
                    stores.resolve(t[0] + "-trust.jks").toString(), "-storetype", "JKS", "-storepass", "test-only");
        }
        return stores;
    }

    static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    static String part(String name, String namespace, String enc) {
        return "<![CDATA[<xml-fragment xmlns:con=\"http://eviware.com/soapui/config\"><con:entry key=\"id\" value=\"\"/>"
                + "<con:entry key=\"name\" value=\"" + name + "\"/><con:entry key=\"namespace\" value=\"" + namespace + "\"/>"
                + "<con:entry key=\"enc\" value=\"" + enc + "\"/></xml-fragment>]]>";
    }

    /** A project with the key stores, outgoing and incoming configurations as SoapUI 5.x writes them. */
    static String x509Project(String signatureExtra, String encryptionExtra, String steps) {
        return """
                <con:soapui-project name="X" resourceRoot="${projectDir}" xmlns:con="http://eviware.com/soapui/config" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <con:interface xsi:type="con:WsdlInterface" name="B" bindingName="{urn:test}B" soapVersion="1_1" type="wsdl">
                    <con:operation name="op" action="urn:test:op"/></con:interface>
                  <con:testSuite name="Suite"><con:testCase name="Case">%s</con:testCase></con:testSuite>
                  <con:properties><con:property><con:name>endpoint</con:name><con:value>http://127.0.0.1:9</con:value></con:property>
                    <con:property><con:name>stores</con:name><con:value>stores</con:value></con:property></con:properties>
                  <con:wssContainer>
                    <con:crypto><con:source>${#Project#stores}/client.jks</con:source><con:password>test-only</con:password><con:type>KEYSTORE</con:type></con:crypto>
                    <con:crypto><con:source>stores/client-trust.jks</con:source><con:password>test-only</con:password><con:type>TRUSTSTORE</con:type></con:crypto>
                    <con:incoming><con:name>in</con:name><con:decryptCrypto>client.jks</con:decryptCrypto><con:signatureCrypto>client-trust.jks</con:signatureCrypto><con:decryptPassword>test-only</con:decryptPassword></con:incoming>
                    <con:outgoing><con:name>out</con:name>
                      <con:entry type="Timestamp"><con:configuration><timeToLive>300</timeToLive><strictTimestamp>true</strictTimestamp></con:configuration></con:entry>
                      <con:entry type="Signature" username="client" password="test-only"><con:configuration><crypto>client.jks</crypto><keyIdentifierType>1</keyIdentifierType>
                        <signatureAlgorithm>http://www.w3.org/2001/04/xmldsig-more#rsa-sha256</signatureAlgorithm><signatureCanonicalization/><useSingleCert>true</useSingleCert>
                        <digestAlgorithm>http://www.w3.org/2001/04/xmlenc#sha256</digestAlgorithm>%s
                        <signaturePart>%s</signaturePart><signaturePart>%s</signaturePart></con:configuration></con:entry>
                      <con:entry type="Encryption" username="server"><con:configuration><crypto>client-trust.jks</crypto><keyIdentifierType>2</keyIdentifierType>
                        <symmetricEncAlgorithm>http://www.w3.org/2001/04/xmlenc#aes256-cbc</symmetricEncAlgorithm>
                        <encKeyTransport>http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p</encKeyTransport><embeddedKeyName/><embeddedKeyPassword/>
                        <encryptionCanonicalization/><encryptSymmetricKey>true</encryptSymmetricKey>%s<encryptionPart>%s</encryptionPart></con:configuration></con:entry>
                    </con:outgoing>
                  </con:wssContainer>
                </con:soapui-project>""".formatted(steps, signatureExtra, part("Timestamp", WSU, "Element"), part("Body", SOAP11, "Element"),
                encryptionExtra, part("Body", SOAP11, "Content"));
    }

    static String x509Request(String name, String outgoing, String incoming, String assertions) {
        return request(name, "<r:ask xmlns:r='urn:test'>secret-question</r:ask>", outgoing, assertions)
                .replace("incomingWss=\"\"", "incomingWss=\"" + incoming + "\"");
    }

    static org.apache.wss4j.common.crypto.Merlin merlin(Path store, boolean trust) throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("JKS");
        try (java.io.InputStream in = Files.newInputStream(store)) {
            ks.load(in, "test-only".toCharArray());
        }
        org.apache.wss4j.common.crypto.Merlin m = new org.apache.wss4j.common.crypto.Merlin();
        if (trust) {
            m.setTrustStore(ks);
        } else {
            m.setKeyStore(ks);
        }
        return m;
    }

    /**
     * What a Clientele X.509 port does, done with WSS4J in the stub: decrypt and verify the request, then answer signed
     * with the server key and encrypted for the client certificate ({@code signer} signs; "stranger" is not trusted).
     */
    final class X509Stub {
        final org.apache.wss4j.common.crypto.Merlin serverKey;
        final org.apache.wss4j.common.crypto.Merlin serverTrust;
        final org.apache.wss4j.common.crypto.Merlin signerKey;
        final List<org.apache.wss4j.dom.handler.WSHandlerResult> verified = new ArrayList<>();
        final List<String> raw = new ArrayList<>();
        volatile boolean tamper;

        X509Stub(Path stores, String signer) throws Exception {
            serverKey = merlin(stores.resolve("server.jks"), false);
            serverTrust = merlin(stores.resolve("server-trust.jks"), true);
            signerKey = merlin(stores.resolve(signer + ".jks"), false);
            server.removeContext("/");
            server.createContext("/", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                raw.add(request);
                byte[] body;
                int status = 200;
                try {
                    body = answer(request).getBytes(StandardCharsets.UTF_8);
                } catch (Exception e) {
                    status = 500;
                    body = ("<soap:Envelope xmlns:soap='" + SOAP11 + "'><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>"
                            + "refused</faultstring></soap:Fault></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().add("Content-Type", "text/xml;charset=UTF-8");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
        }

        String answer(String request) throws Exception {
            Document in = SoapUiXPath.parse(request);
            org.apache.wss4j.dom.handler.RequestData data = new org.apache.wss4j.dom.handler.RequestData();
            data.setWssConfig(org.apache.wss4j.dom.engine.WSSConfig.getNewInstance());
            data.setDecCrypto(serverKey);
            data.setSigVerCrypto(serverTrust);
            data.setCallbackHandler(WssCryptos.passwords("test-only"));
            verified.add(new org.apache.wss4j.dom.engine.WSSecurityEngine().processSecurityHeader(in, data));
            Document out = SoapUiXPath.parse(RESPONSE);
            org.apache.wss4j.dom.message.WSSecHeader header = new org.apache.wss4j.dom.message.WSSecHeader(out);
            header.insertSecurityHeader();
            new org.apache.wss4j.dom.message.WSSecTimestamp(header).build();
            org.apache.wss4j.dom.message.WSSecSignature sign = new org.apache.wss4j.dom.message.WSSecSignature(header);
            String alias = signerKey.getKeyStore().aliases().nextElement();
            sign.setUserInfo(alias, "test-only");
            sign.setKeyIdentifierType(org.apache.wss4j.dom.WSConstants.BST_DIRECT_REFERENCE);
            sign.setSignatureAlgorithm("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
            sign.setDigestAlgo("http://www.w3.org/2001/04/xmlenc#sha256");
            sign.build(signerKey);
            org.apache.wss4j.dom.message.WSSecEncrypt encrypt = new org.apache.wss4j.dom.message.WSSecEncrypt(header);
            encrypt.setUserInfo("client");
            encrypt.setKeyIdentifierType(org.apache.wss4j.dom.WSConstants.ISSUER_SERIAL);
            encrypt.setSymmetricEncAlgorithm("http://www.w3.org/2001/04/xmlenc#aes256-cbc");
            encrypt.build(serverTrust, org.apache.wss4j.common.util.KeyUtils.getKeyGenerator(encrypt.getSymmetricEncAlgorithm()).generateKey());
            String answer = SoapUiXPath.serialize(out);
            if (tamper) {
                int cipher = answer.indexOf("CipherValue>", answer.indexOf("Body")) + "CipherValue>".length() + 20;
                answer = answer.substring(0, cipher) + (answer.charAt(cipher) == 'A' ? 'B' : 'A') + answer.substring(cipher + 1);
            }
            return answer;
        }
    }

    void runX509(Path dir, String xml) throws IOException {
        SoapUiProject p = SoapUiProject.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), dir);
        new SoapUiRunner(p, Map.of("endpoint", endpoint())).run(p.suites.get(0), p.suites.get(0).cases.get(0));
    }

    @Test
    void x509SignsAndEncryptsTheRequestAndDecryptsAndVerifiesTheResponse() throws Exception {
        Path dir = x509Dir();
        X509Stub stub = new X509Stub(stores, "server");
        runX509(dir, x509Project("", "", x509Request("Signed and encrypted", "out", "in",
                assertion("Not SOAP Fault Assertion") + xpathMatch("decrypted", "//r:answer/r:name[2]", "Bob"))));
        String request = stub.raw.get(0);
        assertTrue(!request.contains("secret-question"), "the body is encrypted: " + request);
        for (String algorithm : List.of("xmldsig-more#rsa-sha256", "xmlenc#sha256", "xmlenc#aes256-cbc", "xmlenc#rsa-oaep-mgf1p",
                "#X509v3")) {
            assertTrue(request.contains(algorithm), algorithm + " in " + request);
        }
        // the stub decrypted the body and verified a signature over the Timestamp and the Body with the client certificate
        List<org.apache.wss4j.dom.engine.WSSecurityEngineResult> signatures = stub.verified.get(0).getActionResults()
                .get(org.apache.wss4j.dom.WSConstants.SIGN);
        assertEquals(1, signatures.size());
        assertEquals("CN=client", ((java.security.cert.X509Certificate) signatures.get(0)
                .get(org.apache.wss4j.dom.engine.WSSecurityEngineResult.TAG_X509_CERTIFICATE)).getSubjectX500Principal().getName());
        @SuppressWarnings("unchecked")
        List<org.apache.wss4j.dom.WSDataRef> refs = (List<org.apache.wss4j.dom.WSDataRef>) signatures.get(0)
                .get(org.apache.wss4j.dom.engine.WSSecurityEngineResult.TAG_DATA_REF_URIS);
        assertEquals(List.of("Timestamp", "Body"), refs.stream().map(r -> r.getName().getLocalPart()).toList());
        assertEquals(1, stub.verified.get(0).getActionResults().get(org.apache.wss4j.dom.WSConstants.ENCR).size());
    }

    @Test
    void x509ResponseThatFailsDecryptionOrVerificationFailsTheStep() throws Exception {
        Path dir = x509Dir();
        String steps = x509Request("Signed and encrypted", "out", "in", assertion("Not SOAP Fault Assertion"));
        X509Stub tampered = new X509Stub(stores, "server");
        tampered.tamper = true;
        SoapUiFailure f = assertThrows(SoapUiFailure.class, () -> runX509(dir, x509Project("", "", steps)));
        assertTrue(f.getMessage().contains("incoming WS-Security 'in' refused the response"), f.getMessage());
        new X509Stub(stores, "stranger"); // a response signed by a key the client's trust store does not hold
        SoapUiFailure untrusted = assertThrows(SoapUiFailure.class, () -> runX509(dir, x509Project("", "", steps)));
        assertTrue(untrusted.getMessage().contains("incoming WS-Security 'in' refused the response"), untrusted.getMessage());
    }

    @Test
    void x509ResponseWithoutSecurityHeaderIsLeftAsItIsLikeSoapUiDoes() throws Exception {
        Path dir = x509Dir();
        assertDoesNotThrow(() -> runX509(dir, x509Project("", "", x509Request("Plain answer", "", "in",
                xpathMatch("plain", "//r:answer/r:id", "42")))));
        assertTrue(!received.get(0).contains("Security"), "no outgoing configuration: a plain request");
    }

    @Test
    void x509SettingsTheRunnerCannotHonourFailLoudly() throws Exception {
        Path dir = x509Dir();
        String steps = x509Request("Signed", "out", "in", assertion("SOAP Response"));
        SoapUiFailure embedded = assertThrows(SoapUiFailure.class, () -> runX509(dir, x509Project("", "", steps)
                .replace("<keyIdentifierType>2</keyIdentifierType>", "<keyIdentifierType>5</keyIdentifierType>")));
        assertTrue(embedded.getMessage().contains("keyIdentifierType 5 is not supported"), embedded.getMessage());
        SoapUiFailure noKey = assertThrows(SoapUiFailure.class, () -> runX509(dir, x509Project("", "", steps)
                .replace("<encryptSymmetricKey>true", "<encryptSymmetricKey>false")));
        assertTrue(noKey.getMessage().contains("encryptSymmetricKey=false"), noKey.getMessage());
        SoapUiFailure custom = assertThrows(SoapUiFailure.class, () -> runX509(dir, x509Project("<customTokenId>x</customTokenId>", "", steps)));
        assertTrue(custom.getMessage().contains("setting 'customTokenId' is not supported"), custom.getMessage());
        SoapUiFailure unknownSetting = assertThrows(SoapUiFailure.class, () -> runX509(dir, x509Project("<frobnicate>1</frobnicate>", "", steps)));
        assertTrue(unknownSetting.getMessage().contains("setting 'frobnicate' is not supported"), unknownSetting.getMessage());
        SoapUiFailure unknownStore = assertThrows(SoapUiFailure.class, () -> runX509(dir, x509Project("", "", steps)
                .replace("<crypto>client-trust.jks</crypto>", "<crypto>nowhere.jks</crypto>")));
        assertTrue(unknownStore.getMessage().contains("no key store 'nowhere.jks'"), unknownStore.getMessage());
        SoapUiFailure root = assertThrows(SoapUiFailure.class, () -> runX509(dir, x509Project("", "", steps)
                .replace("resourceRoot=\"${projectDir}\"", "resourceRoot=\"/somewhere/else\"")));
        assertTrue(root.getMessage().contains("resourceRoot '/somewhere/else' is not supported"), root.getMessage());
        SoapUiFailure missingFile = assertThrows(SoapUiFailure.class, () -> runX509(dir.resolve("elsewhere"), x509Project("", "", steps)));
        assertTrue(missingFile.getMessage().contains("no file"), missingFile.getMessage());
        SoapUiFailure unknownIncoming = assertThrows(SoapUiFailure.class, () -> runX509(dir, x509Project("", "",
                x509Request("Signed", "out", "nope", assertion("SOAP Response")))));
        assertTrue(unknownIncoming.getMessage().contains("unknown incoming WS-Security configuration 'nope'"), unknownIncoming.getMessage());
        assertTrue(received.isEmpty(), "nothing was sent: " + received);
    }

    @Test
    void partsRowsAreReadWithOrWithoutTheirPrefixDeclared() {
        assertEquals(Map.of("id", "", "name", "Body", "enc", "Element", "namespace", SOAP11), SoapUiProject.WssEntry.partsRow(
                "<xml-fragment>\n  <con:entry key=\"id\" value=\"\"/>\n  <con:entry key=\"name\" value=\"Body\"/>\n"
                        + "  <con:entry key=\"enc\" value=\"Element\"/>\n  <con:entry key=\"namespace\" value=\"" + SOAP11 + "\"/>\n</xml-fragment>"));
        assertEquals(Map.of("name", "Timestamp"), SoapUiProject.WssEntry.partsRow(
                "<xml-fragment xmlns:con=\"http://eviware.com/soapui/config\"><con:entry key=\"name\" value=\"Timestamp\"/></xml-fragment>"));
        assertEquals(Map.of(), SoapUiProject.WssEntry.partsRow("<xml-fragment/>"));
    }
}
