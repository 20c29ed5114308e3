package org.clientele.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.ItemOutcome;
import org.clientele.sync.SyncService;

/** The administration of subscriptions (crm-admin): create, list, pause, resume, delete. Runs in the request's transaction. */
@ApplicationScoped
public class Subscriptions {

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    @Inject
    SyncService feed;

    @Inject
    SealedPasswords passwords;

    /** A new ACTIVE subscription from {@code startCursor}, or from the end of the feed now when none is given. */
    public ItemOutcome create(Caller caller, Subscription.Draft draft, String startCursor) {
        long existing = em.createQuery("select count(s) from Subscription s", Long.class).getSingleResult();
        if (existing >= Subscription.MAX_SUBSCRIPTIONS) {
            throw new CrmException(ErrorCode.LIMIT_EXCEEDED, Subscription.MAX_SUBSCRIPTIONS
                    + " subscriptions exist already; delete one first", "subscription");
        }
        long start;
        if (startCursor == null) {
            start = feed.latestSequence();
        } else {
            start = feed.sequenceOf(startCursor, "startCursor");
            feed.changesAfter(start, draft.entityTypes(), 1, false); // CURSOR_EXPIRED when the feed no longer holds it
        }
        String sealed = draft.password() == null ? null : passwords.seal(draft.password());
        Subscription s = Subscription.create(draft, start, sealed, Instant.now(), caller.principal());
        em.persist(s);
        em.flush();
        return ItemOutcome.applied(s.getId(), s.getVersion());
    }

    /** Every subscription, in id order. */
    public List<Subscription> list() {
        return em.createQuery("select s from Subscription s order by s.id", Subscription.class).getResultList();
    }

    /** The subscription; NOT_FOUND when there is none with that id. */
    public Subscription get(long id) {
        Subscription s = em.find(Subscription.class, id);
        if (s == null) {
            throw CrmException.notFound("Subscription", id);
        }
        return s;
    }

    public ItemOutcome pause(long id, Long expectedVersion) {
        Subscription s = get(id);
        s.requireVersion(expectedVersion);
        s.pause();
        em.flush();
        return ItemOutcome.applied(id, s.getVersion());
    }

    public ItemOutcome resume(long id, Long expectedVersion) {
        Subscription s = get(id);
        s.requireVersion(expectedVersion);
        s.resume(Instant.now());
        em.flush();
        return ItemOutcome.applied(id, s.getVersion());
    }

    public ItemOutcome delete(long id, Long expectedVersion) {
        Subscription s = get(id);
        s.requireVersion(expectedVersion);
        em.remove(s);
        em.flush();
        return ItemOutcome.applied(id, s.getVersion());
    }

    /** The last sequence of the feed now, against which a subscription's lag is given. */
    public long latestSequence() {
        return feed.latestSequence();
    }
}
