package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.FindCustomersResponse;
import org.clientele.ws.sync.GetChanges;
import org.clientele.ws.sync.GetLatestCursor;
import org.clientele.ws.sync.SyncPortType;
import org.junit.jupiter.api.Test;

/**
 * What must survive a restart of the server (a reload through the management CLI): page tokens and feed cursors
 * issued before it stay valid (the signing key is in the database), and a nonce used before it is still refused as
 * a replay (nonces are in the database).
 */
class RestartIT {
    @Test
    void tokensAndCursorsStayValidAndNoncesStayUsedAcrossARestart() throws Exception {
        String run = "Restart " + UUID.randomUUID();
        CreateCustomers create = new CreateCustomers();
        for (int i = 0; i < 3; i++) {
            create.getCustomer().add(SyncIT.item(run + " " + i));
        }
        List<Long> ids = Clientele.customers(Clientele.INTEGRATION).createCustomers(create).getResult().stream()
                .map(r -> r.getId()).toList();
        FindCustomers find = new FindCustomers();
        find.setNameContains(run);
        find.setPageSize(1);
        FindCustomersResponse first = Clientele.customers(Clientele.READONLY).findCustomers(find);
        assertEquals(ids.get(0), first.getCustomer().get(0).getId());
        String token = first.getNextPageToken();
        SyncPortType sync = SyncClients.sync(Clientele.READONLY);
        String cursor = sync.getLatestCursor(new GetLatestCursor()).getCursor();
        String keyBefore = storedKey();

        RawSoap.Security security = RawSoap.security();
        String envelope = RawSoap.envelope(security, RawSoap.getCustomersBody(ids.get(0)));
        HttpResponse<String> used = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("getCustomers"), envelope);
        assertEquals(200, used.statusCode(), used.body());

        reload();

        assertEquals(keyBefore, storedKey(), "the restart kept the stored key");
        find.setPageToken(token);
        FindCustomersResponse second = Clientele.customers(Clientele.READONLY).findCustomers(find);
        assertEquals(ids.get(1), second.getCustomer().get(0).getId(), "a page token issued before the restart still works");
        GetChanges get = new GetChanges();
        get.setCursor(cursor);
        get.setMaxChanges(10);
        sync.getChanges(get); // a cursor issued before the restart is accepted (a foreign one would be VALIDATION)

        HttpResponse<String> replayed = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("getCustomers"), envelope);
        assertTrue(RawSoap.isSoapFault(replayed), "a nonce used before the restart is a replay: " + replayed.body());
        assertTrue(replayed.body().contains("security error"), replayed.body());
        HttpResponse<String> fresh = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("getCustomers"),
                RawSoap.envelope(RawSoap.security(), RawSoap.getCustomersBody(ids.get(0))));
        assertEquals(200, fresh.statusCode(), "the same request with a fresh nonce passes: " + fresh.body());
    }

    private static String storedKey() throws Exception {
        List<Map<String, Object>> rows = Database.query(
                "SELECT setting_value FROM clientele_setting WHERE name = 'page-token-hmac-key'");
        assertEquals(1, rows.size());
        return rows.get(0).get("setting_value").toString();
    }

    /** Reloads the test server through its management CLI and waits until Clientele answers again. */
    private static void reload() throws Exception {
        Management.cli("reload");
        Instant deadline = Instant.now().plusSeconds(300);
        while (true) {
            try {
                HttpResponse<String> r = RawSoap.post(RawSoap.CUSTOMER_PATH, RawSoap.soapAction("getCustomers"),
                        RawSoap.envelope(RawSoap.security(), RawSoap.getCustomersBody(1)));
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the server is still starting
            }
            assertTrue(Instant.now().isBefore(deadline), "Clientele did not come back within 300 s after the reload");
            Thread.sleep(500);
        }
    }
}
