package org.clientele.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyLookupTest {
    private final CustomerDraft.Key a = new CustomerDraft.Key("ERP", "A");
    private final CustomerDraft.Key b = new CustomerDraft.Key("ERP", "B");
    private final CustomerDraft.Key c = new CustomerDraft.Key("ERP", "C");
    private final ExternalKey storedA = new ExternalKey();
    private final ExternalKey storedC = new ExternalKey();
    private final Map<CustomerDraft.Key, ExternalKey> database = new HashMap<>(Map.of(a, storedA, c, storedC));
    private final List<Set<CustomerDraft.Key>> batchQueries = new ArrayList<>();
    private final List<CustomerDraft.Key> singleQueries = new ArrayList<>();

    private KeyLookup prefetched(List<CustomerDraft.Key> keys) {
        return KeyLookup.prefetched(keys, all -> {
            batchQueries.add(all);
            Map<CustomerDraft.Key, ExternalKey> found = new HashMap<>();
            all.forEach(k -> {
                if (database.containsKey(k)) {
                    found.put(k, database.get(k));
                }
            });
            return found;
        }, k -> {
            singleQueries.add(k);
            return database.get(k);
        });
    }

    @Test
    void aBatchsKeysAreReadInOneQuery() {
        KeyLookup keys = prefetched(List.of(a, b, a));
        assertSame(storedA, keys.find(a));
        assertNull(keys.find(b), "read up front and not stored: no customer has it, no second query");
        assertSame(storedA, keys.find(a));
        assertEquals(List.of(Set.of(a, b)), batchQueries);
        assertEquals(List.of(), singleQueries);
    }

    @Test
    void aKeyNotReadUpFrontIsAskedForAndNeverCached() {
        KeyLookup keys = prefetched(List.of(a));
        assertSame(storedC, keys.find(c));
        database.remove(c);
        assertNull(keys.find(c));
        assertEquals(List.of(c, c), singleQueries);
    }

    @Test
    void afterReleasedKeysEveryLookupAsksTheDatabase() {
        KeyLookup keys = prefetched(List.of(a, b));
        database.remove(a); // an earlier item released key A and the batch flushed it away
        keys.forget();
        assertNull(keys.find(a));
        assertEquals(List.of(a), singleQueries);
    }

    @Test
    void thePreciseRunAsksPerKeyAndAnEmptyBatchQueriesNothing() {
        KeyLookup perItem = KeyLookup.perItem(k -> {
            singleQueries.add(k);
            return database.get(k);
        });
        assertSame(storedA, perItem.find(a));
        assertEquals(List.of(a), singleQueries);
        prefetched(List.of());
        assertEquals(List.of(), batchQueries);
    }
}
