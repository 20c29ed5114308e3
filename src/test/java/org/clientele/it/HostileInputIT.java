package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.clientele.ws.cases.CasePortType;
import org.clientele.ws.cases.Priority;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.sync.GetLatestCursor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and malformed requests, one test per kind: each is refused with a SOAP fault (or an HTTP 4xx where no SOAP
 * processing happens), writes nothing (the change feed's latest cursor and the customers carrying the request's
 * unique marker stay as they were), and names no class, package, stack frame or SQL. The time of every refusal is
 * printed at the end of the class (and kept out of the assertions: times are never asserted by a test).
 */
class HostileInputIT {
    private static final String CASE_NS = "urn:clientele:crm:case:v1";
    private static final String CASE_PATH = "/clientele/CaseService";
    /** Internal names: packages, exception class names, stack frames, SQL. */
    private static final Pattern INTERNAL = Pattern.compile(
            "\\b(com|org|java|javax|jakarta|sun|io\\.undertow)\\.[a-z]|Exception|\\bat [a-z]+\\.|\\.java:\\d"
                    + "|(?i:\\bselect\\b.+\\bfrom\\b|\\binsert into\\b|\\bupdate\\b.+\\bset\\b|sqlstate|jdbc:|hibernate|woodstox|wstx)");
    private static final List<String> TIMES = Collections.synchronizedList(new ArrayList<>());
    private static long caseId;

    record Outcome(int status, String body, Duration took) {
    }

    @BeforeAll
    static void aCaseToAttachTo() throws Exception {
        long customer = CaseOperationsIT.customer("HostileInputIT " + UUID.randomUUID());
        CasePortType agent = Clientele.cases(Clientele.AGENT);
        caseId = CaseOperationsIT.openOne(agent, CaseOperationsIT.data(customer, Priority.LOW));
    }

    @AfterAll
    static void printTimes() {
        System.out.println("HostileInputIT response times (ms):");
        TIMES.stream().sorted().forEach(t -> System.out.println("  " + t));
    }

    // ----- helpers -----

    private static String marker(String what) {
        return "Hostile " + what + " " + UUID.randomUUID();
    }

    /** The end of the change feed once changes that earlier tests committed are numbered. */
    private static String latestCursor() throws Exception {
        return SyncClients.settledCursor(SyncClients.sync(Clientele.ADMIN));
    }

    private static int customersNamed(String name) throws Exception {
        FindCustomers find = new FindCustomers();
        find.setNameContains(name);
        find.setIncludeDeleted(true);
        return Clientele.customers(Clientele.ADMIN).findCustomers(find).getCustomer().size();
    }

    private static Outcome send(String kind, String method, String path, Map<String, String> headers, byte[] body,
            boolean chunked) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Clientele.URL + path)).timeout(Duration.ofSeconds(20))
                .method(method, publisher);
        headers.forEach(b::header);
        // a fresh HTTP/1.1 connection per request: a refused request must not leave a half-read connection to the next
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        TIMES.add(String.format("%-40s %6.1f  HTTP %d", kind, took.toNanos() / 1e6, r.statusCode()));
        return new Outcome(r.statusCode(), r.body(), took);
    }

    private static Outcome post11(String kind, String operation, String envelope) throws Exception {
        return send(kind, "POST", RawSoap.CUSTOMER_PATH, Map.of("Content-Type", "text/xml; charset=UTF-8",
                "SOAPAction", RawSoap.soapAction(operation)), envelope.getBytes(StandardCharsets.UTF_8), false);
    }

    private static Outcome post11(String kind, String operation, byte[] envelope, boolean chunked) throws Exception {
        return send(kind, "POST", RawSoap.CUSTOMER_PATH, Map.of("Content-Type", "text/xml; charset=UTF-8",
                "SOAPAction", RawSoap.soapAction(operation)), envelope, chunked);
    }

    /** A createCustomers envelope for a customer whose name is the marker followed by {@code nameXml}. */
    private static String create(RawSoap.Security security, String marker, String nameXml) {
        return RawSoap.envelope(security, RawSoap.createCustomersBody(marker + nameXml));
    }

    /** The refusal was clean: the status, a SOAP fault (when expected), no internal name, nothing written. */
    private static void assertRefused(Outcome o, int status, boolean fault, String cursorBefore, String marker)
            throws Exception {
        assertRefused(o, List.of(status), fault, cursorBefore, marker);
    }

    private static void assertRefused(Outcome o, List<Integer> statuses, boolean fault, String cursorBefore,
            String marker) throws Exception {
        assertTrue(statuses.contains(o.status()), () -> "HTTP " + o.status() + ", expected one of " + statuses + ": " + o.body());
        if (fault) {
            assertTrue(o.body().contains(":Fault>") || o.body().contains("<Fault"), o::body);
            assertTrue(o.body().contains("faultstring") || o.body().contains(":Reason>"), o::body);
        }
        assertFalse(o.body().contains("Response>"), o::body);
        assertClean(o.body());
        assertEquals(cursorBefore, latestCursor(), "the change feed did not move");
        if (marker != null) {
            assertEquals(0, customersNamed(marker), "nothing was written");
        }
    }

    static void assertClean(String body) {
        var m = INTERNAL.matcher(body);
        assertFalse(m.find(), () -> "internal name '" + m.group() + "' in: " + body);
    }

    // ----- the helpers see what they should -----

    @Test
    void aWellFormedRequestIsAccepted() throws Exception {
        String marker = marker("control");
        Outcome o = post11("control: accepted create", "createCustomers", create(RawSoap.security(), marker, ""));
        assertEquals(200, o.status(), o::body);
        assertClean(o.body());
        assertEquals(1, customersNamed(marker));
    }

    @Test
    void theInternalNamePatternCatchesWhatItShould() {
        for (String leak : List.of("com.ctc.wstx.exc.WstxLazyException", "java.io.IOException: x", "WstxEOFException",
                "\tat org.apache.cxf.Foo(Foo.java:12)", "SELECT id FROM customer", "insert into audit_entry",
                "SQLState 23505")) {
            assertTrue(INTERNAL.matcher(leak).find(), leak);
        }
        assertFalse(INTERNAL.matcher("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<faultstring>The request is not well-formed</faultstring>").find());
    }

    // ----- transport and envelope -----

    @Test
    void nonXmlContentTypeOnSoap11() throws Exception {
        String cursor = latestCursor();
        String marker = marker("text/plain");
        Outcome o = send("non-XML Content-Type (SOAP 1.1)", "POST", RawSoap.CUSTOMER_PATH,
                Map.of("Content-Type", "text/plain; charset=UTF-8", "SOAPAction", RawSoap.soapAction("createCustomers")),
                create(RawSoap.security(), marker, "").getBytes(StandardCharsets.UTF_8), false);
        assertRefused(o, 415, false, cursor, marker);
    }

    @Test
    void missingContentType() throws Exception {
        String cursor = latestCursor();
        String marker = marker("no content type");
        Outcome o = send("missing Content-Type", "POST", RawSoap.CUSTOMER_PATH,
                Map.of("SOAPAction", RawSoap.soapAction("createCustomers")),
                create(RawSoap.security(), marker, "").getBytes(StandardCharsets.UTF_8), false);
        assertRefused(o, 415, false, cursor, marker);
    }

    @Test
    void processingInstructionBeforeTheEnvelope() throws Exception {
        String cursor = latestCursor();
        String marker = marker("PI");
        Outcome o = post11("processing instruction before envelope", "createCustomers",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?evil run=\"yes\"?>" + create(RawSoap.security(), marker, ""));
        assertRefused(o, 500, true, cursor, marker);
        assertTrue(o.body().contains("rocessing instruction"), o::body);
    }

    @Test
    void twoOperationElementsInOneBody() throws Exception {
        String cursor = latestCursor();
        String first = marker("first of two");
        String second = marker("second of two");
        String envelope = RawSoap.envelope(RawSoap.security(),
                RawSoap.createCustomersBody(first) + RawSoap.createCustomersBody(second));
        Outcome o = post11("two operation elements in one Body", "createCustomers", envelope);
        assertRefused(o, 500, true, cursor, first);
        assertEquals(0, customersNamed(second));
    }

    @Test
    void soap12EnvelopeToASoap11Port() throws Exception {
        String cursor = latestCursor();
        String marker = marker("1.2 to 1.1");
        Outcome o = post11("SOAP 1.2 envelope to 1.1 port", "createCustomers",
                RawSoap.envelope12(RawSoap.security(), RawSoap.createCustomersBody(marker)));
        assertRefused(o, 500, true, cursor, marker);
    }

    @Test
    void soap11EnvelopeToASoap12Port() throws Exception {
        String cursor = latestCursor();
        String marker = marker("1.1 to 1.2");
        Outcome o = send("SOAP 1.1 envelope to 1.2 port", "POST", RawSoap.CUSTOMER12_PATH,
                Map.of("Content-Type", "application/soap+xml; charset=UTF-8; action=" + RawSoap.soapAction("createCustomers")),
                create(RawSoap.security(), marker, "").getBytes(StandardCharsets.UTF_8), false);
        assertRefused(o, List.of(400, 500), true, cursor, marker);
    }

    @Test
    void soapActionNamingAnotherOperation() throws Exception {
        String cursor = latestCursor();
        String marker = marker("other action");
        Outcome o = post11("SOAPAction of another operation", "getCustomers", create(RawSoap.security(), marker, ""));
        assertRefused(o, 500, true, cursor, marker);
    }

    @Test
    void getOnAnEndpoint() throws Exception {
        String cursor = latestCursor();
        Outcome o = send("GET on endpoint", "GET", RawSoap.CUSTOMER_PATH + "?op=createCustomers", Map.of(), null, false);
        assertRefused(o, 405, false, cursor, null);
    }

    @Test
    void putOnAnEndpoint() throws Exception {
        String cursor = latestCursor();
        String marker = marker("PUT");
        Outcome o = send("PUT on endpoint", "PUT", RawSoap.CUSTOMER_PATH,
                Map.of("Content-Type", "text/xml; charset=UTF-8", "SOAPAction", RawSoap.soapAction("createCustomers")),
                create(RawSoap.security(), marker, "").getBytes(StandardCharsets.UTF_8), false);
        assertRefused(o, 405, false, cursor, marker);
    }

    // ----- characters -----

    @Test
    void nulCharacterReferenceInAChunkedBody() throws Exception {
        String cursor = latestCursor();
        String marker = marker("NUL");
        Outcome o = post11("&#0; in chunked body", "createCustomers",
                create(RawSoap.security(), marker, " &#0;").getBytes(StandardCharsets.UTF_8), true);
        assertRefused(o, 500, true, cursor, marker);
    }

    @Test
    void invalidUtf8() throws Exception {
        String cursor = latestCursor();
        String marker = marker("bad UTF-8");
        String[] parts = create(RawSoap.security(), marker, "#BAD#").split("#BAD#");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(parts[0].getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        b.write(parts[1].getBytes(StandardCharsets.UTF_8));
        Outcome o = post11("invalid UTF-8", "createCustomers", b.toByteArray(), false);
        assertRefused(o, 500, true, cursor, marker);
    }

    @Test
    void controlCharacter() throws Exception {
        String cursor = latestCursor();
        String marker = marker("control char");
        Outcome o = post11("control character (U+0001)", "createCustomers",
                create(RawSoap.security(), marker, " \u0001 "));
        assertRefused(o, 500, true, cursor, marker);
    }

    // ----- DTDs and entities -----

    @Test
    void doctype() throws Exception {
        String cursor = latestCursor();
        String marker = marker("DOCTYPE");
        Outcome o = post11("DOCTYPE", "createCustomers",
                "<!DOCTYPE soap:Envelope>" + create(RawSoap.security(), marker, ""));
        assertRefused(o, 500, true, cursor, marker);
    }

    @Test
    void externalEntity() throws Exception {
        String cursor = latestCursor();
        String marker = marker("XXE");
        Outcome o = post11("external entity", "createCustomers",
                "<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + create(RawSoap.security(), marker, " &xxe;"));
        assertRefused(o, 500, true, cursor, marker);
        assertFalse(o.body().contains("root:"), o::body);
    }

    @Test
    void parameterEntity() throws Exception {
        String cursor = latestCursor();
        String marker = marker("parameter entity");
        Outcome o = post11("parameter entity", "createCustomers",
                "<!DOCTYPE soap:Envelope [<!ENTITY % remote SYSTEM \"" + Clientele.URL
                        + "/clientele/StatusService?wsdl\"> %remote;]>" + create(RawSoap.security(), marker, ""));
        assertRefused(o, 500, true, cursor, marker);
    }

    @Test
    void entityExpansion() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE soap:Envelope [<!ENTITY l0 \"lollollollollol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String cursor = latestCursor();
        String marker = marker("laughs");
        Outcome o = post11("entity expansion", "createCustomers", dtd + create(RawSoap.security(), marker, " &l9;"));
        assertRefused(o, 500, true, cursor, marker);
        assertFalse(o.body().contains("lollollol"), o::body);
    }

    // ----- parser limits -----

    /** An envelope with {@code extra} inside a soap:Header element that no one processes. */
    private static String withHeaderExtra(String marker, String extra) {
        return create(RawSoap.security(), marker, "").replace("<soap:Header>",
                "<soap:Header><x:junk xmlns:x=\"urn:junk\">" + extra + "</x:junk>");
    }

    @Test
    void depthLimit() throws Exception {
        String cursor = latestCursor();
        String marker = marker("deep");
        Outcome o = post11("element depth > 32", "createCustomers",
                withHeaderExtra(marker, "<x:d>".repeat(40) + "</x:d>".repeat(40)));
        assertRefused(o, 500, true, cursor, marker);
    }

    @Test
    void elementCountLimit() throws Exception {
        String cursor = latestCursor();
        String marker = marker("many children");
        Outcome o = post11("child elements > 25,000", "createCustomers",
                withHeaderExtra(marker, "<x:c/>".repeat(25_001)));
        assertRefused(o, 500, true, cursor, marker);
    }

    @Test
    void attributeCountLimit() throws Exception {
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            attrs.append(" a").append(i).append("=\"v\"");
        }
        String cursor = latestCursor();
        String marker = marker("attributes");
        Outcome o = post11("attributes per element > 32", "createCustomers",
                withHeaderExtra(marker, "<x:a" + attrs + "/>"));
        assertRefused(o, 500, true, cursor, marker);
    }

    @Test
    void attributeSizeLimit() throws Exception {
        String cursor = latestCursor();
        String marker = marker("long attribute");
        Outcome o = post11("attribute value > 4096", "createCustomers",
                withHeaderExtra(marker, "<x:a v=\"" + "v".repeat(5000) + "\"/>"));
        assertRefused(o, 500, true, cursor, marker);
    }

    @Test
    void textSizeLimit() throws Exception {
        String cursor = latestCursor();
        String marker = marker("long text");
        Outcome o = post11("text node > 1 MiB", "createCustomers",
                create(RawSoap.security(), marker, "x".repeat(1_048_577)));
        assertRefused(o, 500, true, cursor, marker);
    }

    @Test
    void overlongTextNodeInAChunkedBody() throws Exception {
        String cursor = latestCursor();
        String marker = marker("long chunked text");
        Outcome o = post11("text node > 1 MiB, chunked", "createCustomers",
                create(RawSoap.security(), marker, "x".repeat(1_048_577)).getBytes(StandardCharsets.UTF_8), true);
        assertRefused(o, 500, true, cursor, marker);
    }

    private static byte[] oversize(String marker) {
        // 33 MiB of whitespace inside the header: over Undertow's max-post-size of 32 MiB
        return withHeaderExtra(marker, " ".repeat(33 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
    }

    /** Status of a request the server answered by closing the connection before the client read a response. */
    private static final int CLOSED = -1;

    /**
     * Sends an oversize body. Undertow answers 413 and closes the connection as soon as the limit is passed; a client
     * still writing its upload may then see the connection reset before it reads that answer (TCP discards the unread
     * response with the reset). Both are a refusal; what matters is that nothing was written, which the caller checks.
     */
    private static Outcome postOversize(String kind, byte[] envelope, boolean chunked) throws Exception {
        try {
            return post11(kind, "createCustomers", envelope, chunked);
        } catch (java.io.IOException closed) {
            TIMES.add(String.format("%-40s %6s  connection closed by the server (%s)", kind, "-", closed.getMessage()));
            return new Outcome(CLOSED, "", Duration.ZERO);
        }
    }

    @Test
    void oversizeBody() throws Exception {
        String cursor = latestCursor();
        String marker = marker("oversize");
        Outcome o = postOversize("body > 32 MiB", oversize(marker), false);
        assertRefused(o, List.of(400, 413, CLOSED), false, cursor, marker);
    }

    @Test
    void oversizeChunkedBody() throws Exception {
        String cursor = latestCursor();
        String marker = marker("oversize chunked");
        Outcome o = postOversize("body > 32 MiB, chunked", oversize(marker), true);
        assertRefused(o, List.of(400, 413, 500, CLOSED), false, cursor, marker);
    }

    @Test
    void oversizeBodyAnnouncedWithExpectContinueIsRefusedBeforeUpload() throws Exception {
        // a client that asks first (Expect: 100-continue, as .NET does by default) reads the refusal before it uploads
        String cursor = latestCursor();
        String marker = marker("oversize expect");
        byte[] body = oversize(marker);
        HttpRequest request = HttpRequest.newBuilder(URI.create(Clientele.URL + RawSoap.CUSTOMER_PATH))
                .timeout(Duration.ofSeconds(20)).expectContinue(true)
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", RawSoap.soapAction("createCustomers"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()
                .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertRefused(new Outcome(r.statusCode(), r.body(), Duration.ZERO), List.of(400, 413), false, cursor, marker);
    }

    // ----- XOP -----

    private static Outcome xopAttachment(String kind, String href) throws Exception {
        String boundary = "MIME_boundary_" + UUID.randomUUID();
        String envelope = RawSoap.envelope(RawSoap.security().user(Clientele.AGENT),
                "<cs:addCaseAttachment xmlns:cs=\"" + CASE_NS + "\"><cs:caseId>" + caseId + "</cs:caseId>"
                        + "<cs:fileName>passwd.txt</cs:fileName><cs:mediaType>text/plain</cs:mediaType><cs:content>"
                        + "<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"" + href + "\"/>"
                        + "</cs:content></cs:addCaseAttachment>");
        String body = "--" + boundary + "\r\n"
                + "Content-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n"
                + "Content-Transfer-Encoding: 8bit\r\nContent-ID: <root@clientele>\r\n\r\n"
                + envelope + "\r\n--" + boundary + "--\r\n";
        return send(kind, "POST", CASE_PATH, Map.of(
                "Content-Type", "multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary
                        + "\"; start=\"<root@clientele>\"; start-info=\"text/xml\"",
                "SOAPAction", "\"urn:clientele:CaseService:addCaseAttachment\""),
                body.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void xopIncludeOfAFile() throws Exception {
        String cursor = latestCursor();
        Outcome o = xopAttachment("XOP include of file:", "file:///etc/passwd");
        assertRefused(o, 500, true, cursor, null);
        assertFalse(o.body().contains("root:"), o::body);
    }

    @Test
    void xopIncludeOfAUrl() throws Exception {
        String cursor = latestCursor();
        Outcome o = xopAttachment("XOP include of http:", Clientele.URL + "/clientele/StatusService?wsdl");
        assertRefused(o, 500, true, cursor, null);
    }

    // ----- credentials and timestamps -----

    private void assertCreateRefused(String kind, RawSoap.Security security, String envelopeOverride) throws Exception {
        String cursor = latestCursor();
        String marker = marker(kind);
        String envelope = envelopeOverride != null ? envelopeOverride.replace("#MARKER#", marker)
                : create(security, marker, "");
        Outcome o = post11(kind, "createCustomers", envelope);
        assertRefused(o, 500, true, cursor, marker);
        assertFalse(o.body().contains(Clientele.PASSWORD), o::body);
    }

    @Test
    void wrongPassword() throws Exception {
        assertCreateRefused("wrong password", RawSoap.security().password("not-the-password"), null);
    }

    @Test
    void unknownUser() throws Exception {
        assertCreateRefused("unknown user", RawSoap.security().user("nobody-" + UUID.randomUUID()), null);
    }

    @Test
    void missingCredentials() throws Exception {
        assertCreateRefused("missing credentials", null, null);
    }

    @Test
    void emptyCredentials() throws Exception {
        assertCreateRefused("empty credentials", RawSoap.security().user("").password(""), null);
    }

    @Test
    void replayedCredentials() throws Exception {
        RawSoap.Security once = RawSoap.security();
        String first = RawSoap.envelope(once, RawSoap.getCustomersBody(1));
        Outcome read = post11("replay: first use (read)", "getCustomers", first);
        assertEquals(200, read.status(), read::body);
        // the same token, nonce and timestamp again, now carrying a write
        String header = first.substring(first.indexOf("<soap:Header>"), first.indexOf("</soap:Header>"));
        String replay = "<soap:Envelope xmlns:soap=\"" + RawSoap.SOAP11_NS + "\">" + header + "</soap:Header><soap:Body>"
                + RawSoap.createCustomersBody("#MARKER#") + "</soap:Body></soap:Envelope>";
        assertCreateRefused("replayed credentials", null, replay);
    }

    @Test
    void staleTimestamp() throws Exception {
        Instant old = Instant.now().minus(20, ChronoUnit.MINUTES);
        assertCreateRefused("stale timestamp", RawSoap.security().tokenCreated(old)
                .timestamp(old, old.plus(5, ChronoUnit.MINUTES)), null);
    }

    @Test
    void futureTimestamp() throws Exception {
        Instant future = Instant.now().plus(20, ChronoUnit.MINUTES);
        assertCreateRefused("future timestamp", RawSoap.security().tokenCreated(future)
                .timestamp(future, future.plus(5, ChronoUnit.MINUTES)), null);
    }

}
