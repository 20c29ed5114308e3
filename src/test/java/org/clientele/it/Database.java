package org.clientele.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Read-only SQL access to the test server's database, for promises only the tables show (the audit trail, the
 * stored page-token key). PostgreSQL: the build's test database. H2: the server's file database, which the test
 * server opens in AUTO_SERVER mode (src/test/wildfly/it-datasource-h2.cli), so this JVM connects through it.
 */
final class Database {
    static final String KIND = System.getProperty("clientele.db", "h2");

    private Database() {
    }

    static Connection connect() throws SQLException {
        if (KIND.equals("postgres")) {
            return DriverManager.getConnection(System.getProperty("clientele.pg.url"),
                    System.getProperty("clientele.pg.user"), System.getProperty("clientele.pg.password"));
        }
        String home = System.getProperty("clientele.jboss.home");
        return DriverManager.getConnection("jdbc:h2:file:" + home + "/standalone/data/clientele/clientele;AUTO_SERVER=TRUE;IFEXISTS=TRUE",
                "sa", "sa");
    }

    /** The rows of a query, each a map of lower-case column name to value. */
    static List<Map<String, Object>> query(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
