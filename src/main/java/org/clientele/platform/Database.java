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
}
