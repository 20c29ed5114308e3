package org.clientele.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keys shared by every node of a cluster: generated once, stored in the database (clientele_setting),
 * and cached per node. A page token signed on one node is valid on all of them.
 */
@ApplicationScoped
public class ServerSecrets {
    static final String PAGE_TOKEN_KEY = "page-token-hmac-key";

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    @Inject
    Transactions transactions;

    private volatile PageTokens pageTokens;

    /** The page-token signer, created on first use from the stored key. */
    public PageTokens pageTokens() {
        PageTokens current = pageTokens;
        if (current == null) {
            synchronized (this) {
                if (pageTokens == null) {
                    pageTokens = new PageTokens(Base64.getDecoder().decode(loadOrCreate(PAGE_TOKEN_KEY)));
                }
                current = pageTokens;
            }
        }
        return current;
    }

    private String loadOrCreate(String name) {
        String stored = transactions.inNewTransaction(() -> find(name));
        if (stored != null) {
            return stored;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String fresh = Base64.getEncoder().encodeToString(key);
        try {
            transactions.inNewTransaction(() -> {
                em.persist(new Setting(name, fresh));
                return null;
            });
        } catch (RuntimeException raceLost) {
            // another node stored its key first; everyone uses that one
        }
        String winner = transactions.inNewTransaction(() -> find(name));
        if (winner == null) {
            throw new IllegalStateException("could not store setting " + name);
        }
        return winner;
    }

    private String find(String name) {
        Setting s = em.find(Setting.class, name);
        return s == null ? null : s.value();
    }
}
