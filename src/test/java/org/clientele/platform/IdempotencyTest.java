package org.clientele.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form of batch outcomes replays exactly, and request fingerprints tell requests apart. */
class IdempotencyTest {

    @Test
    void outcomesRoundTripThroughTheirStoredForm() {
        List<ItemOutcome> outcomes = List.of(
                ItemOutcome.applied(7, 0),
                ItemOutcome.upserted(8, 3, true),
                ItemOutcome.failed(CrmException.validation("address.countryCode", "countryCode XX | is not\nISO 100% sure")),
                ItemOutcome.rolledBack(3));
        assertEquals(outcomes, Idempotency.decode(Idempotency.encode(outcomes)));
    }

    @Test
    void fingerprintsDependOnOperationAndBody() {
        String a = Idempotency.hash("createCustomers", "<x/>");
        assertEquals(a, Idempotency.hash("createCustomers", "<x/>"));
        assertNotEquals(a, Idempotency.hash("updateCustomers", "<x/>"));
        assertNotEquals(a, Idempotency.hash("createCustomers", "<y/>"));
    }
}
