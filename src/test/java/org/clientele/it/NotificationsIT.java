package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.subscription.CreateSubscription;
import org.clientele.ws.subscription.ListSubscriptions;
import org.clientele.ws.subscription.PasswordType;
import org.clientele.ws.subscription.Subscription;
import org.clientele.ws.subscription.SubscriptionData;
import org.clientele.ws.subscription.SubscriptionPortType;
import org.clientele.ws.subscription.SubscriptionRef;
import org.clientele.ws.subscription.SubscriptionStatus;
import org.clientele.ws.sync.Change;
import org.clientele.ws.sync.EntityType;
import org.clientele.ws.sync.GetLatestCursor;
import org.clientele.ws.sync.SyncPortType;
import org.junit.jupiter.api.Test;

/**
 * Outbound notifications end to end: SubscriptionService as crm-admin, the server delivering the change feed to the
 * test deployment's {@code RecordingChangeListener} (a real JAX-WS endpoint on the same server, told by its URL to
 * fail, be slow or record credentials), and the order and completeness of what the listener received compared with
 * the feed itself. The test server retries after 200 ms doubling up to 2 s and gives a listener 3 s to answer
 * (pom.xml, start-server).
 */
class NotificationsIT {
    private static final String LISTENER = Clientele.URL + "/clientele/ChangeListener";
    private static final SubscriptionPortType ADMIN = Clientele.secured(SubscriptionPortType.class,
            "/clientele/SubscriptionService", Clientele.ADMIN, Clientele.PASSWORD, false);

    // ----- delivery -----

    @Test
    void everyChangeArrivesInFeedOrderAfterTheListenerFailedAtFirst() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String key = key();
        String start = SyncClients.settledCursor(sync);
        Subscription s = subscribe(data("Failing first " + key, key, "&failFirst=3", 25), start);
        List<Long> written = write(key, 3, 40);

        long last = lastSequence(sync);
        awaitDelivered(key, last, 60);
        List<Change> feed = feed(sync, start, last);
        assertTrue(feed.size() >= written.size(), "the feed holds the written customers");
        assertInFeedOrder(received(key), feed);
        assertTrue(listenerCalls(key) >= 4, "three failed calls, then deliveries: " + listenerCalls(key));
        Subscription now = find(s.getId());
        assertTrue(now.getAcknowledgedSequence() >= last, "acknowledged " + now.getAcknowledgedSequence() + " of " + last);
        assertEquals(0, now.getConsecutiveFailures());
        assertNull(now.getLastError(), "a success clears the last error");
        assertNotNull(now.getLastDeliveredAt());
        delete(s);
    }

    @Test
    void aFailingListenerShowsItsErrorAndNextAttemptAndIsNeverSkipped() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String key = key();
        String start = SyncClients.settledCursor(sync);
        Subscription s = subscribe(data("Always failing " + key, key, "&failFirst=1000", 100), start);
        write(key, 1, 5);
        await("the failures are recorded", 30, () -> find(s.getId()).getConsecutiveFailures() >= 3);
        Subscription failing = find(s.getId());
        assertTrue(failing.getLastError().contains("SOAP fault"), failing.getLastError());
        assertTrue(failing.getLastError().contains("failing on purpose"), failing.getLastError());
        assertFalse(failing.getLastError().matches("(?s).*\\b(org|java|jakarta)\\.[a-z]+\\..*"), "no class names: " + failing.getLastError());
        assertNotNull(failing.getLastErrorAt());
        assertNotNull(failing.getNextAttemptAt());
        assertEquals(s.getAcknowledgedSequence(), failing.getAcknowledgedSequence(), "nothing acknowledged, nothing skipped");
        assertTrue(failing.getLag() > 0, "it is behind the feed");
        assertEquals("", Hooks.post("listener-log", "key=" + key), "the listener accepted nothing");
        delete(s);
    }

    @Test
    void aSlowListenerDoesNotDelayAnother() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String slowKey = key();
        String fastKey = key();
        String start = SyncClients.settledCursor(sync);
        // slower than the server's 3 s timeout: every call of the slow one times out
        Subscription slow = subscribe(data("Slow " + slowKey, slowKey, "&delayMillis=4500", 10), start);
        Subscription fast = subscribe(data("Fast " + fastKey, fastKey, "", 10), start);
        write(fastKey, 4, 10);
        long last = lastSequence(sync);
        Instant wrote = Instant.now();
        awaitDelivered(fastKey, last, 30);
        assertTrue(Duration.between(wrote, Instant.now()).toSeconds() < 15,
                "the fast listener got everything while the slow one was timing out");
        assertInFeedOrder(received(fastKey), feed(sync, start, last));
        await("the slow listener's timeouts are recorded", 30, () -> find(slow.getId()).getConsecutiveFailures() >= 1);
        assertTrue(find(slow.getId()).getLastError().contains("did not answer within"), find(slow.getId()).getLastError());
        delete(slow);
        delete(fast);
    }

    @Test
    void aPausedSubscriptionWaitsAndResumesWhereItStopped() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String key = key();
        String start = SyncClients.settledCursor(sync);
        Subscription s = subscribe(data("Paused " + key, key, "", 50), start);
        Subscription paused = ADMIN.pauseSubscription(ref(s.getId(), s.getVersion())).getSubscription();
        assertEquals(SubscriptionStatus.PAUSED, paused.getStatus());
        assertNull(paused.getNextAttemptAt());
        write(key, 1, 5);
        long last = lastSequence(sync);
        Thread.sleep(2_000);
        assertEquals("", Hooks.post("listener-log", "key=" + key), "nothing is delivered while paused");
        Subscription resumed = ADMIN.resumeSubscription(ref(s.getId(), paused.getVersion())).getSubscription();
        assertEquals(SubscriptionStatus.ACTIVE, resumed.getStatus());
        awaitDelivered(key, last, 30);
        assertInFeedOrder(received(key), feed(sync, start, last));
        delete(s);
    }

    @Test
    void onlyTheSubscribedTypesArriveWithSnapshotsAndCredentials() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String key = key();
        String start = SyncClients.settledCursor(sync);
        SubscriptionData d = data("Customers with snapshots " + key, key, "", 100);
        d.getEntityType().add(EntityType.CUSTOMER);
        d.setIncludeSnapshots(true);
        d.setUsername("erp-listener");
        d.setPassword("listener-Secret-1");
        Subscription s = subscribe(d, start);
        assertEquals("erp-listener", s.getUsername());
        assertEquals(PasswordType.PASSWORD_DIGEST, s.getPasswordType(), "PasswordDigest when none is given");
        write(key, 1, 5);
        long last = lastSequence(sync);
        List<Change> customers = feed(sync, start, last).stream().filter(c -> c.getEntityType() == EntityType.CUSTOMER).toList();
        awaitDelivered(key, customers.get(customers.size() - 1).getSequence(), 30);
        List<String[]> got = received(key);
        assertTrue(got.stream().allMatch(r -> r[1].equals("CUSTOMER")), "only customers");
        assertTrue(got.stream().allMatch(r -> r[5].equals("snapshot")), "each with its snapshot");
        assertInFeedOrder(got, customers);
        String auth = Hooks.post("listener-auth", "key=" + key);
        assertTrue(auth.startsWith("erp-listener,PasswordDigest"), auth);
        delete(s);
    }

    @Test
    void deliveryResumesAfterARestartOfTheServerWithNothingLostOrReordered() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String key = key();
        String start = SyncClients.settledCursor(sync);
        Subscription s = subscribe(data("Across a restart " + key, key, "&delayMillis=150", 5), start);
        write(key, 6, 25);
        long last = lastSequence(sync);
        await("the listener received part of the feed", 60, () -> received(key).size() >= 20);
        assertTrue(maxReceived(key) < last, "the restart happens mid-stream");
        Management.cli("reload");
        awaitServer();
        awaitDelivered(key, last, 120);
        assertInFeedOrder(received(key), feed(sync, start, last));
        delete(s);
    }

    // ----- administration -----

    @Test
    void subscriptionsAreAdministeredByCrmAdminOnly() throws Exception {
        for (String user : List.of(Clientele.INTEGRATION, Clientele.READONLY, Clientele.MARKETING, Clientele.AGENT)) {
            SubscriptionPortType port = Clientele.secured(SubscriptionPortType.class, "/clientele/SubscriptionService", user,
                    Clientele.PASSWORD, false);
            assertFault(ErrorCode.NOT_AUTHORIZED, () -> port.listSubscriptions(new ListSubscriptions()));
            CreateSubscription create = new CreateSubscription();
            create.setSubscription(data("Not allowed", key(), "", 10));
            assertFault(ErrorCode.NOT_AUTHORIZED, () -> port.createSubscription(create));
        }
        SubscriptionPortType soap12 = Clientele.secured(SubscriptionPortType.class, "/clientele/SubscriptionService12",
                Clientele.ADMIN, Clientele.PASSWORD, true);
        assertNotNull(soap12.listSubscriptions(new ListSubscriptions()));
    }

    @Test
    void badSubscriptionsAreRefusedAndNothingIsStored() throws Exception {
        int before = ADMIN.listSubscriptions(new ListSubscriptions()).getSubscription().size();
        SubscriptionData noPassword = data("No password", key(), "", 10);
        noPassword.setUsername("erp");
        assertFault(ErrorCode.VALIDATION, () -> ADMIN.createSubscription(create(noPassword, null)));
        SubscriptionData textOverHttp = data("Text over http", key(), "", 10);
        textOverHttp.setUsername("erp");
        textOverHttp.setPassword("secret-1");
        textOverHttp.setPasswordType(PasswordType.PASSWORD_TEXT);
        assertFault(ErrorCode.VALIDATION, () -> ADMIN.createSubscription(create(textOverHttp, null)));
        assertFault(ErrorCode.VALIDATION, () -> ADMIN.createSubscription(create(data("Forged cursor", key(), "", 10), "not-a-cursor")));
        SubscriptionData badUrl = data("Bad URL", key(), "", 10);
        badUrl.setListenerUrl("ftp://example.com/listener");
        assertFault(ErrorCode.VALIDATION, () -> ADMIN.createSubscription(create(badUrl, null)));
        assertEquals(before, ADMIN.listSubscriptions(new ListSubscriptions()).getSubscription().size());
        assertFault(ErrorCode.NOT_FOUND, () -> ADMIN.pauseSubscription(ref(Long.MAX_VALUE - 7, null)));
    }

    @Test
    void staleVersionsAreConcurrencyAndDeleteRemovesTheSubscription() throws Exception {
        Subscription s = subscribe(data("Versions " + key(), key(), "", 10), null);
        assertEquals(SubscriptionStatus.ACTIVE, s.getStatus());
        assertEquals(s.getLatestSequence(), s.getAcknowledgedSequence(), "without startCursor: from the end of the feed now");
        assertEquals(0, s.getLag());
        Subscription paused = ADMIN.pauseSubscription(ref(s.getId(), s.getVersion())).getSubscription();
        assertFault(ErrorCode.CONCURRENCY, () -> ADMIN.resumeSubscription(ref(s.getId(), s.getVersion())));
        assertFault(ErrorCode.CONCURRENCY, () -> ADMIN.deleteSubscription(ref(s.getId(), s.getVersion())));
        assertEquals(s.getId(), ADMIN.deleteSubscription(ref(s.getId(), paused.getVersion())).getId());
        assertTrue(ADMIN.listSubscriptions(new ListSubscriptions()).getSubscription().stream().noneMatch(x -> x.getId() == s.getId()));
        assertFault(ErrorCode.NOT_FOUND, () -> ADMIN.deleteSubscription(ref(s.getId(), null)));
    }

    // ----- helpers -----

    static String key() {
        return "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static SubscriptionData data(String name, String key, String query, int batchSize) {
        SubscriptionData d = new SubscriptionData();
        d.setName(name);
        d.setListenerUrl(LISTENER + "?key=" + key + query);
        d.setBatchSize(batchSize);
        return d;
    }

    static CreateSubscription create(SubscriptionData d, String startCursor) {
        CreateSubscription c = new CreateSubscription();
        c.setSubscription(d);
        c.setStartCursor(startCursor);
        return c;
    }

    static Subscription subscribe(SubscriptionData d, String startCursor) throws CrmFault {
        Subscription s = ADMIN.createSubscription(create(d, startCursor)).getSubscription();
        assertEquals(d.getName(), s.getName());
        assertEquals(d.getListenerUrl(), s.getListenerUrl());
        return s;
    }

    static SubscriptionRef ref(long id, Long version) {
        SubscriptionRef r = new SubscriptionRef();
        r.setId(id);
        r.setExpectedVersion(version);
        return r;
    }

    static Subscription find(long id) {
        try {
            return ADMIN.listSubscriptions(new ListSubscriptions()).getSubscription().stream().filter(s -> s.getId() == id)
                    .findFirst().orElseThrow(() -> new AssertionError("subscription " + id + " is not listed"));
        } catch (CrmFault e) {
            throw new AssertionError(e);
        }
    }

    static void delete(Subscription s) throws CrmFault {
        ADMIN.deleteSubscription(ref(s.getId(), null));
    }

    /** Creates {@code batches} batches of {@code perBatch} customers, then updates the first of each; their ids. */
    static List<Long> write(String key, int batches, int perBatch) throws Exception {
        CustomerPortType customers = Clientele.customers(Clientele.INTEGRATION);
        List<Long> ids = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            CreateCustomers req = new CreateCustomers();
            for (int i = 0; i < perBatch; i++) {
                req.getCustomer().add(SyncIT.item("Notified " + key + " " + b + "-" + i));
            }
            customers.createCustomers(req).getResult().forEach(r -> {
                assertTrue(r.isSuccess());
                ids.add(r.getId());
            });
        }
        return ids;
    }

    static long lastSequence(SyncPortType sync) throws Exception {
        SyncClients.settledCursor(sync);
        return sync.getLatestCursor(new GetLatestCursor()).getSequence();
    }

    /** The feed from {@code cursor} up to {@code last}, in sequence order. */
    static List<Change> feed(SyncPortType sync, String cursor, long last) throws Exception {
        return SyncIT.drain(sync, cursor, cs -> !cs.isEmpty() && cs.get(cs.size() - 1).getSequence() >= last).stream()
                .filter(c -> c.getSequence() <= last).toList();
    }

    /** The listener's log: per received change {sequence, type, id, operation, afterSequence, snapshot}. */
    static List<String[]> received(String key) {
        try {
            String log = Hooks.post("listener-log", "key=" + key);
            return log.isEmpty() ? List.of() : log.lines().map(l -> l.split(",")).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static long maxReceived(String key) {
        return received(key).stream().mapToLong(r -> Long.parseLong(r[0])).max().orElse(0);
    }

    static int listenerCalls(String key) throws Exception {
        return Integer.parseInt(Hooks.post("listener-calls", "key=" + key));
    }

    static void awaitDelivered(String key, long last, int seconds) throws Exception {
        await("the listener received everything up to sequence " + last, seconds, () -> maxReceived(key) >= last);
    }

    static void await(String what, int seconds, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!done.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), what + " within " + seconds + " s");
            Thread.sleep(200);
        }
    }

    /**
     * What the listener received is the feed, in order, each change at least once: reading the log, every change is
     * either the next one of the feed or a redelivery of one already received (a page sent again because its
     * acknowledgement was lost); no change of the feed is missing, none arrives before an earlier one.
     */
    static void assertInFeedOrder(List<String[]> got, List<Change> feed) {
        List<Long> expected = feed.stream().map(Change::getSequence).toList();
        long last = expected.isEmpty() ? Long.MIN_VALUE : expected.get(expected.size() - 1);
        int next = 0;
        long highest = Long.MIN_VALUE;
        int redelivered = 0;
        for (String[] row : got) {
            long seq = Long.parseLong(row[0]);
            if (seq > last) {
                break;
            }
            if (next < expected.size() && seq == expected.get(next)) {
                next++;
                highest = seq;
            } else {
                assertTrue(seq <= highest, "change " + seq + " arrived before " + (next < expected.size() ? expected.get(next) : "none")
                        + " (a gap or a reordering)");
                redelivered++;
            }
        }
        assertEquals(expected.size(), next, "every change of the feed arrived (" + redelivered + " redelivered)");
    }

    static void assertFault(ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        CrmFault fault = assertThrows(CrmFault.class, call);
        assertEquals(code, fault.getFaultInfo().getCode(), fault.getFaultInfo().getMessage());
    }

    static void awaitServer() throws Exception {
        Instant deadline = Instant.now().plusSeconds(300);
        while (true) {
            try {
                ADMIN.listSubscriptions(new ListSubscriptions());
                return;
            } catch (RuntimeException | CrmFault notYet) {
                assertTrue(Instant.now().isBefore(deadline), "Clientele did not come back within 300 s after the reload");
                Thread.sleep(500);
            }
        }
    }
}
