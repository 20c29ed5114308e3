package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.clientele.ws.customer.FindCustomers;
import org.junit.jupiter.api.Test;

/**
 * WS-Security and XML hardening of CustomerService, probed with hand-built SOAP messages: every broken part of the
 * wsse:Security header is refused with a SOAP fault and writes nothing, while a correct header is accepted.
 */
class SecurityIT {

    private static String uniqueName(String what) {
        return "SecurityIT " + what + " " + UUID.randomUUID();
    }

    /** How many customers (deleted ones included) carry the name; read as admin through the generated client. */
    private static int customersNamed(String name) throws Exception {
        FindCustomers find = new FindCustomers();
        find.setNameContains(name);
        find.setIncludeDeleted(true);
        return Clientele.customers(Clientele.ADMIN).findCustomers(find).getCustomer().size();
    }

    private static String faultString(HttpResponse<String> r) {
        String b = r.body();
        int start = b.indexOf("<faultstring");
        if (start < 0) {
            return b;
        }
        return b.substring(b.indexOf('>', start) + 1, Math.max(b.indexOf("</faultstring>"), start));
    }

    private static void assertFault(HttpResponse<String> r) {
        assertEquals(500, r.statusCode(), r::body);
        assertTrue(RawSoap.isSoapFault(r), r::body);
        assertFalse(r.body().contains("Response>"), r::body);
    }

    /** Sends createCustomers of a unique customer with the given header; asserts a fault and that nothing was written. */
    private static HttpResponse<String> assertCreateRefused(RawSoap.Security security, String what) throws Exception {
        String name = uniqueName(what);
        HttpResponse<String> r = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("createCustomers"),
                RawSoap.envelope(security, RawSoap.createCustomersBody(name)));
        assertFault(r);
        assertEquals(0, customersNamed(name), "a refused request must not write");
        String reason = faultString(r);
        assertTrue(reason.contains("A security error was encountered when verifying the message")
                || reason.contains("JBWS024057: Failed Authentication")
                || reason.contains("policy alternatives can not be satisfied"), r::body);
        // the server names no reason, so a prober learns nothing about users or passwords
        assertFalse(faultString(r).contains(Clientele.PASSWORD), r::body);
        return r;
    }

    // ----- the helper is right -----

    @Test
    void correctDigestIsAcceptedForARead() throws Exception {
        HttpResponse<String> r = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("getCustomers"),
                RawSoap.envelope(RawSoap.security().user(Clientele.READONLY), RawSoap.getCustomersBody(1)));
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains("getCustomersResponse"), r::body);
    }

    @Test
    void correctDigestIsAcceptedForAWrite() throws Exception {
        String name = uniqueName("accepted");
        HttpResponse<String> r = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("createCustomers"),
                RawSoap.envelope(RawSoap.security(), RawSoap.createCustomersBody(name)));
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains("createCustomersResponse"), r::body);
        assertEquals(1, customersNamed(name));
    }

    // ----- refused headers -----

    @Test
    void missingSecurityHeaderIsRefused() throws Exception {
        assertCreateRefused(null, "no header");
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        assertCreateRefused(RawSoap.security().password(Clientele.PASSWORD + "x"), "wrong password");
    }

    @Test
    void unknownUserIsRefused() throws Exception {
        assertCreateRefused(RawSoap.security().user("it-nobody-" + UUID.randomUUID()), "unknown user");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        // otherwise the fault would tell a prober which user names exist
        String wrongPassword = faultString(assertCreateRefused(RawSoap.security().password("nope"), "enum 1"));
        String unknownUser = faultString(assertCreateRefused(RawSoap.security().user("it-nobody-" + UUID.randomUUID()),
                "enum 2"));
        assertEquals(wrongPassword, unknownUser);
    }

    @Test
    void emptyPasswordIsRefused() throws Exception {
        assertCreateRefused(RawSoap.security().password(""), "empty password");
    }

    @Test
    void replayedNonceIsRefused() throws Exception {
        String name = uniqueName("replay");
        String envelope = RawSoap.envelope(RawSoap.security(), RawSoap.createCustomersBody(name));
        HttpResponse<String> first = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("createCustomers"), envelope);
        assertEquals(200, first.statusCode(), first::body);
        HttpResponse<String> replay = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("createCustomers"), envelope);
        assertFault(replay);
        assertEquals(1, customersNamed(name), "the replay must not create a second customer");
    }

    @Test
    void expiredTimestampIsRefused() throws Exception {
        Instant now = Instant.now();
        assertCreateRefused(RawSoap.security().timestamp(now.minus(10, ChronoUnit.MINUTES), now.minus(5, ChronoUnit.MINUTES)),
                "expired timestamp");
    }

    @Test
    void missingTimestampIsRefusedEvenWithAGoodUsernameToken() throws Exception {
        assertCreateRefused(RawSoap.security().noTimestamp(), "no timestamp");
    }

    @Test
    void usernameTokenCreatedTenMinutesAgoIsRefused() throws Exception {
        assertCreateRefused(RawSoap.security().tokenCreated(Instant.now().minus(10, ChronoUnit.MINUTES)), "old token");
    }

    @Test
    void usernameTokenCreatedInTheFutureIsRefused() throws Exception {
        assertCreateRefused(RawSoap.security().tokenCreated(Instant.now().plus(10, ChronoUnit.MINUTES)), "future token");
    }

    @Test
    void timestampCreatedInTheFutureIsRefused() throws Exception {
        Instant now = Instant.now();
        assertCreateRefused(RawSoap.security().timestamp(now.plus(10, ChronoUnit.MINUTES), now.plus(15, ChronoUnit.MINUTES)),
                "future timestamp");
    }

    @Test
    void digestWithoutNonceIsRefused() throws Exception {
        // without a nonce the replay cache has nothing to remember
        assertCreateRefused(RawSoap.security().noNonce(), "no nonce");
    }

    @Test
    void digestWithoutCreatedIsRefused() throws Exception {
        // without Created the token's age cannot be checked
        assertCreateRefused(RawSoap.security().tokenCreated(null), "no created");
    }

    @Test
    void passwordTextOverPlainHttpIsRefused() throws Exception {
        assertCreateRefused(RawSoap.security().passwordText(), "password text");
    }

    // ----- SOAP 1.2 port -----

    @Test
    void soap12CorrectDigestIsAccepted() throws Exception {
        String name = uniqueName("soap12 accepted");
        HttpResponse<String> r = RawSoap.post12(RawSoap.CUSTOMER12_PATH, "createCustomers",
                RawSoap.envelope12(RawSoap.security(), RawSoap.createCustomersBody(name)));
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains("createCustomersResponse"), r::body);
        assertEquals(1, customersNamed(name));
    }

    @Test
    void soap12MissingSecurityHeaderIsRefused() throws Exception {
        assertSoap12CreateRefused(null, "soap12 no header");
    }

    @Test
    void soap12WrongPasswordIsRefused() throws Exception {
        assertSoap12CreateRefused(RawSoap.security().password("nope"), "soap12 wrong password");
    }

    @Test
    void soap12MissingTimestampIsRefused() throws Exception {
        assertSoap12CreateRefused(RawSoap.security().noTimestamp(), "soap12 no timestamp");
    }

    private static void assertSoap12CreateRefused(RawSoap.Security security, String what) throws Exception {
        String name = uniqueName(what);
        HttpResponse<String> r = RawSoap.post12(RawSoap.CUSTOMER12_PATH, "createCustomers",
                RawSoap.envelope12(security, RawSoap.createCustomersBody(name)));
        assertTrue(r.statusCode() == 500 || r.statusCode() == 400, () -> r.statusCode() + " " + r.body());
        assertTrue(RawSoap.isSoapFault(r), r::body);
        assertTrue(r.body().contains(RawSoap.SOAP12_NS), r::body);
        assertFalse(r.body().contains("Response>"), r::body);
        assertEquals(0, customersNamed(name), "a refused request must not write");
    }

    // ----- dispatch and transport -----

    @Test
    void soapActionOfAnotherOperationDoesNotRunIt() throws Exception {
        // CXF selects the operation by SOAPAction and then refuses a body of another operation
        String name = uniqueName("action mismatch");
        HttpResponse<String> r = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("getCustomers"),
                RawSoap.envelope(RawSoap.security(), RawSoap.createCustomersBody(name)));
        assertFault(r);
        assertTrue(r.body().contains("soap:Client"), r::body);
        assertTrue(faultString(r).contains("Unexpected element"), r::body);
        assertEquals(0, customersNamed(name));
    }

    @Test
    void readBodyWithTheSoapActionOfAWriteIsRefused() throws Exception {
        HttpResponse<String> r = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("createCustomers"),
                RawSoap.envelope(RawSoap.security().user(Clientele.READONLY), RawSoap.getCustomersBody(1)));
        assertFault(r);
        assertTrue(faultString(r).contains("Unexpected element"), r::body);
    }

    @Test
    void unknownSoapActionIsRefused() throws Exception {
        String name = uniqueName("unknown action");
        HttpResponse<String> r = RawSoap.post(RawSoap.CUSTOMER_PATH, "\"urn:clientele:CustomerService:dropTables\"",
                RawSoap.envelope(RawSoap.security(), RawSoap.createCustomersBody(name)));
        assertFault(r);
        assertTrue(faultString(r).contains("does not match an operation"), r::body);
        assertEquals(0, customersNamed(name));
    }

    @Test
    void emptySoapActionLetsTheBodyChooseTheOperation() throws Exception {
        // SOAP 1.1 allows SOAPAction "": the body element alone then decides, so the operation run is the body's
        String name = uniqueName("empty action");
        HttpResponse<String> r = RawSoap.post(RawSoap.CUSTOMER_PATH, "\"\"",
                RawSoap.envelope(RawSoap.security(), RawSoap.createCustomersBody(name)));
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains("createCustomersResponse"), r::body);
        assertEquals(1, customersNamed(name));
    }

    @Test
    void httpGetWithoutWsdlQueryExecutesNothing() throws Exception {
        // the JBossWS servlet answers GET (other than ?wsdl / ?xsd) with 405 and a plain-text body, without dispatching
        HttpResponse<String> r = RawSoap.get(RawSoap.CUSTOMER_PATH);
        assertEquals(405, r.statusCode(), r::body);
        assertFalse(r.body().contains("Response>"), r::body);
        assertFalse(r.body().contains("<soap:Envelope"), r::body);
    }

    // ----- XML attacks -----

    @Test
    void externalEntityIsRefusedAndNotResolved() throws Exception {
        String marker = "XXE " + UUID.randomUUID();
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + RawSoap.envelope(RawSoap.security(), RawSoap.createCustomersBody(marker + " &xxe;"));
        HttpResponse<String> r = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("createCustomers"), envelope);
        assertFault(r);
        // the parser refuses the DTD itself, so the entity is never resolved
        assertTrue(faultString(r).contains("DTD"), r::body);
        assertFalse(r.body().contains("root:"), r::body);
        assertFalse(r.body().contains("/bin/"), r::body);
        assertEquals(0, customersNamed(marker));
    }

    @Test
    void entityExpansionIsRefusedQuickly() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE soap:Envelope [<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        String marker = "Laughs " + UUID.randomUUID();
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + dtd
                + RawSoap.envelope(RawSoap.security(), RawSoap.createCustomersBody(marker + " &lol9;"));
        long start = System.nanoTime();
        HttpResponse<String> r = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("createCustomers"), envelope);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertFault(r);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        assertTrue(faultString(r).contains("DTD"), r::body);
        assertFalse(r.body().contains("lollollol"), r::body);
        assertEquals(0, customersNamed(marker));
    }
}
