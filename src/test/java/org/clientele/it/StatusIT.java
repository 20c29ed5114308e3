package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.clientele.ws.status.Ping;
import org.clientele.ws.status.PingResponse;
import org.junit.jupiter.api.Test;

/** StatusService answers without security on both SOAP versions, and serves its WSDL. */
class StatusIT {

    @Test
    void pingOverSoap11NeedsNoSecurity() throws Exception {
        PingResponse pong = Clientele.status(false).ping(new Ping());
        assertEquals("1.0.0", pong.getVersion());
        assertNotNull(pong.getServerTime());
        assertTrue(Duration.between(pong.getServerTime(), OffsetDateTime.now()).abs().toMinutes() < 5);
    }

    @Test
    void pingOverSoap12() throws Exception {
        assertEquals("1.0.0", Clientele.status(true).ping(new Ping()).getVersion());
    }

    @Test
    void readinessCheckIsSixBytesWithoutCredentials() throws Exception {
        // what the load balancer polls every second (deploy/cluster/haproxy.cfg): small, unsecured, never cached
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Clientele.URL + "/clientele/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode());
        assertEquals("ready\n", ready.body());
        assertEquals("no-store", ready.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(ready.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    @Test
    void wsdlIsServed() throws Exception {
        HttpResponse<String> wsdl = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Clientele.URL + "/clientele/StatusService?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("StatusServiceSoap11"), wsdl.body());
    }

    @Test
    void wsdlNamesTheHostTheClientUsed() throws Exception {
        String host = URI.create(Clientele.URL).getHost();
        HttpResponse<String> wsdl = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Clientele.URL + "/clientele/CustomerService?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString());
        // the endpoint address and the import of the abstract WSDL must be reachable from the client's side
        assertTrue(wsdl.body().contains("location=\"" + Clientele.URL + "/clientele/CustomerService"), wsdl.body());
        assertTrue(wsdl.body().contains("//" + host + ":"), wsdl.body());
        assertTrue(!wsdl.body().contains("//localhost:") || "localhost".equals(host), wsdl.body());
    }
}
