package org.clientele.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Creates and drops the PostgreSQL database of an integration-test run ({@code mvn verify -Ppostgres});
 * run by the build before WildFly deploys Clientele and after it has stopped. {@code ensure} creates the database
 * only when it is missing (the benchmark keeps its data set between runs).
 */
public final class PostgresDatabase {

    private PostgresDatabase() {
    }

    /** Arguments: create|ensure|drop, the admin JDBC URL, user, password, database name. */
    public static void main(String[] args) throws SQLException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: create|ensure|drop <admin-jdbc-url> <user> <password> <database>");
        }
        String db = args[4];
        if (!db.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + db);
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", args[2]);
        credentials.setProperty("password", args[3]);
        // the driver is used directly: inside Maven's class loaders DriverManager may not see it
        try (Connection c = new org.postgresql.Driver().connect(args[1], credentials); Statement s = c.createStatement()) {
            if ("ensure".equals(args[0])) {
                try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + db);
                    }
                }
                System.out.println("[clientele] ensure database " + db + ": done");
                return;
            }
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            if ("create".equals(args[0])) {
                s.execute("CREATE DATABASE " + db);
            }
        }
        System.out.println("[clientele] " + args[0] + " database " + db + ": done");
    }
}
