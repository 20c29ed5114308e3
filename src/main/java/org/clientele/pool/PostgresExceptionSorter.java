package org.clientele.pool;

import java.sql.SQLException;
import org.jboss.jca.adapters.jdbc.spi.ExceptionSorter;

/**
 * Tells WildFly's connection pool which PostgreSQL errors end a connection, so that it never lends a dead one again.
 *
 * <p>The pool's own PostgreSQL sorter counts only SQLSTATE 08006 as fatal. A backend that PostgreSQL ended — a
 * restart, a failover, {@code pg_terminate_backend} — answers 57P01 (57P02 after a crash), and the driver reports
 * 08003 ("this connection has been closed") on every use after that: with the stock sorter such a connection went
 * back to the pool and failed one request after the other until the background check found it. Fatal here: every
 * connection exception (class 08) and the server ending the session (57P01, 57P02, 57P03). Not fatal: everything a
 * statement can be refused for on a healthy connection (constraints, lock and statement timeouts, serialization
 * failures, deadlocks).
 *
 * <p>Not part of the WAR: it lives in the WildFly module {@code org.clientele.pool} (deploy/modules, installed by the
 * build and by the deployment steps), which the datasource names in {@code exception-sorter-module}.
 */
public class PostgresExceptionSorter implements ExceptionSorter {

    @Override
    public boolean isExceptionFatal(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (fatal(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean fatal(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
