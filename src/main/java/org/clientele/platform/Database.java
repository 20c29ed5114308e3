package org.clientele.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** Which database the application runs on, for the few statements that differ between PostgreSQL and H2. */
@ApplicationScoped
public class Database {
    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    private volatile Boolean postgres;

    /** Whether the datasource is PostgreSQL (otherwise H2). */
    public boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            p = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()
                    instanceof PostgreSQLDialect;
            postgres = p;
        }
        return p;
    }

    /**
     * Lets the current (read-only) transaction commit without waiting for PostgreSQL's write-ahead-log flush
     * ({@code synchronous_commit = off} for this transaction only). All it writes is the request's nonce: a database
     * crash may forget the nonces of at most the last fraction of a second (wal_writer_delay, 200 ms by default);
     * those requests returned data once and wrote nothing. No effect on H2.
     */
    public void commitWithoutWaitingForDisk() {
        if (postgres()) {
            em.createNativeQuery("SET LOCAL synchronous_commit = off").executeUpdate();
        }
    }
}
