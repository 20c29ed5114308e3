package org.clientele.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the database schema up to date with the Flyway migrations when the application is deployed. */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {
    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    /**
     * The portable migrations in {@code db/migration}, then those of the database in use in
     * {@code db/vendor/postgresql} or {@code db/vendor/h2} (each database sees one V7 with the indexes it supports).
     */
    public static String[] locations(String databaseProductName) {
        String product = databaseProductName.toLowerCase(Locale.ROOT);
        String vendor = product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2"
                : product.replaceAll("[^a-z0-9]", "");
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + vendor};
    }

    @Resource(lookup = "java:jboss/datasources/ClienteleDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's product name", e);
        }
        Flyway flyway = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations(product))
                .load();
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info(() -> "Clientele schema migrated to version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migrations applied now)");
        } else {
            // targetSchemaVersion is null when nothing was applied: report the version the schema is at
            MigrationInfo current = flyway.info().current();
            LOG.info(() -> "Clientele schema up to date at version " + (current == null ? "none" : current.getVersion()));
        }
    }
}
