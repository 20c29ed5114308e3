package org.clientele.customer;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which customer an external key belongs to, for the items of one batch write. The keys the whole batch names are read
 * in one query before its first item runs, instead of one query per key (a 200-item create made 200 round trips to
 * the database for them). What one query per item would see differently is covered:
 * <ul>
 *   <li>keys the batch itself adds are not seen either way (lookups never flush): the unique constraint refuses a
 *       duplicate when the batch is flushed, and the request runs again item by item, where lookups go to the
 *       database ({@link #perItem});</li>
 *   <li>a key an earlier item released (its customer's update dropped it) is flushed away at once, and every lookup
 *       after that goes to the database again ({@link #forget});</li>
 *   <li>a key another request commits meanwhile is refused by the same constraint as above.</li>
 * </ul>
 */
final class KeyLookup {
    private final Function<CustomerDraft.Key, ExternalKey> database;
    /** The keys read up front; empty once forgotten. */
    private Set<CustomerDraft.Key> read;
    /** What was found for them: a key read but absent here belongs to no customer. */
    private final Map<CustomerDraft.Key, ExternalKey> found;

    private KeyLookup(Function<CustomerDraft.Key, ExternalKey> database, Set<CustomerDraft.Key> read,
                      Map<CustomerDraft.Key, ExternalKey> found) {
        this.database = database;
        this.read = read;
        this.found = found;
    }

    /** Reads the given keys now, in one query ({@code all}); lookups of other keys ask {@code one}. */
    static KeyLookup prefetched(Collection<CustomerDraft.Key> keys,
                                Function<Set<CustomerDraft.Key>, Map<CustomerDraft.Key, ExternalKey>> all,
                                Function<CustomerDraft.Key, ExternalKey> one) {
        Set<CustomerDraft.Key> distinct = new LinkedHashSet<>(keys);
        return new KeyLookup(one, distinct, distinct.isEmpty() ? Map.of() : all.apply(distinct));
    }

    /** Asks the database for every key (the precise, item-by-item run of a batch). */
    static KeyLookup perItem(Function<CustomerDraft.Key, ExternalKey> one) {
        return new KeyLookup(one, Set.of(), Map.of());
    }

    /** The key as stored, with its customer, or null when no customer has it. */
    ExternalKey find(CustomerDraft.Key key) {
        return read.contains(key) ? found.get(key) : database.apply(key);
    }

    /** From now on every lookup asks the database (keys were released and flushed). */
    void forget() {
        read = Set.of();
    }
}
