package org.clientele.bench;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;
import org.clientele.ws.customer.Address;
import org.clientele.ws.customer.Contact;
import org.clientele.ws.customer.CustomerData;

/**
 * The database's own limit for a 200-item {@code createCustomers}: the same rows (customers, contacts, addresses,
 * external keys, one change row per customer, the audit row and the request's nonce) written with plain JDBC batches
 * in one transaction, from the load driver, on the server's database. Ids come from the same sequences Hibernate
 * uses, taken the way its pooled optimizer takes them (a sequence value v reserves v-49..v), so both never collide;
 * the rows are ordinary customers afterwards (the change rows are numbered into the feed by the server's sequencer).
 */
final class JdbcBaseline {
    static final String NAME = "jdbcBaseline-200";
    private static final int POOL = 50;
    /** Numbers the baseline's keys across every step of the run. */
    private static final java.util.concurrent.atomic.AtomicLong KEYS = new java.util.concurrent.atomic.AtomicLong();
    private final BenchConfig config;
    private final String run;

    JdbcBaseline(BenchConfig config, String run) {
        this.config = config;
        this.run = run;
    }

    Scenario scenario() {
        return new Scenario(NAME, "the rows of createCustomers-200 with plain JDBC batches, one transaction", (w, n) -> {
            Connection connection = connect();
            Random random = new Random(77L * w + 200);
            return new Scenario.Call() {
                @Override
                public int call() throws Exception {
                    List<CustomerData> batch = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        String id = "j" + run + "-" + KEYS.incrementAndGet();
                        CustomerData data = DataSet.generate(random, id);
                        data.getExternalKey().add(DataSet.key(id));
                        batch.add(data);
                    }
                    write(connection, batch);
                    return batch.size();
                }

                @Override
                public void close() throws Exception {
                    connection.close();
                }
            };
        });
    }

    private Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", config.jdbcUser());
        credentials.setProperty("password", config.jdbcPassword());
        Connection c = new org.postgresql.Driver().connect(config.jdbcUrl(), credentials);
        c.setAutoCommit(false);
        return c;
    }

    private void write(Connection c, List<CustomerData> batch) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        String principal = config.user();
        int contacts = batch.stream().mapToInt(d -> d.getContact().size()).sum();
        int addresses = batch.stream().mapToInt(d -> d.getAddress().size()).sum();
        try {
            try (PreparedStatement nonce = c.prepareStatement("insert into ws_nonce (nonce_hash, expires_at) values (?, ?)")) {
                nonce.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                nonce.setTimestamp(2, Timestamp.from(Instant.now().plusSeconds(600)));
                nonce.executeUpdate();
            }
            long[] customerIds = ids(c, "customer_seq", batch.size(), POOL);
            long[] contactIds = ids(c, "contact_seq", contacts, POOL);
            long[] addressIds = ids(c, "address_seq", addresses, POOL);
            long[] keyIds = ids(c, "external_key_seq", batch.size(), POOL);
            long[] changeIds = ids(c, "change_log_seq", batch.size(), 1);
            long[] auditIds = ids(c, "audit_seq", 1, POOL);
            try (PreparedStatement customer = c.prepareStatement("insert into customer (id, version, kind, name, name_lower, email,"
                    + " email_lower, phone, status, segment, owner, deleted, created_at, created_by, updated_at, updated_by)"
                    + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?)")) {
                for (int i = 0; i < batch.size(); i++) {
                    CustomerData d = batch.get(i);
                    customer.setLong(1, customerIds[i]);
                    customer.setString(2, d.getKind().value());
                    customer.setString(3, d.getName());
                    customer.setString(4, d.getName().toLowerCase(Locale.ROOT));
                    customer.setString(5, d.getEmail());
                    customer.setString(6, d.getEmail().toLowerCase(Locale.ROOT));
                    customer.setString(7, d.getPhone());
                    customer.setString(8, d.getStatus().value());
                    customer.setString(9, d.getSegment());
                    customer.setString(10, d.getOwner());
                    customer.setTimestamp(11, now);
                    customer.setString(12, principal);
                    customer.setTimestamp(13, now);
                    customer.setString(14, principal);
                    customer.addBatch();
                }
                customer.executeBatch();
            }
            try (PreparedStatement contact = c.prepareStatement("insert into contact (id, version, customer_id, first_name,"
                    + " last_name, title, email, email_lower, phone, is_primary) values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement address = c.prepareStatement("insert into address (id, version, customer_id, position,"
                         + " address_type, line1, city, postal_code, country_code) values (?, 0, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement key = c.prepareStatement("insert into customer_external_key (id, version, customer_id,"
                         + " system_name, external_id) values (?, 0, ?, ?, ?)");
                 PreparedStatement change = c.prepareStatement("insert into change_log (id, sequence, entity_type, entity_id,"
                         + " operation, entity_version, changed_at, principal) values (?, null, 'CUSTOMER', ?, 'CREATED', 0, ?, ?)")) {
                int ct = 0;
                int ad = 0;
                for (int i = 0; i < batch.size(); i++) {
                    CustomerData d = batch.get(i);
                    for (Contact p : d.getContact()) {
                        contact.setLong(1, contactIds[ct++]);
                        contact.setLong(2, customerIds[i]);
                        contact.setString(3, p.getFirstName());
                        contact.setString(4, p.getLastName());
                        contact.setString(5, p.getTitle());
                        contact.setString(6, p.getEmail());
                        contact.setString(7, p.getEmail().toLowerCase(Locale.ROOT));
                        contact.setString(8, p.getPhone());
                        contact.setBoolean(9, Boolean.TRUE.equals(p.isPrimary()));
                        contact.addBatch();
                    }
                    int position = 0;
                    for (Address a : d.getAddress()) {
                        address.setLong(1, addressIds[ad++]);
                        address.setLong(2, customerIds[i]);
                        address.setInt(3, position++);
                        address.setString(4, a.getType().value());
                        address.setString(5, a.getLine1());
                        address.setString(6, a.getCity());
                        address.setString(7, a.getPostalCode());
                        address.setString(8, a.getCountryCode());
                        address.addBatch();
                    }
                    key.setLong(1, keyIds[i]);
                    key.setLong(2, customerIds[i]);
                    key.setString(3, d.getExternalKey().get(0).getSystem());
                    key.setString(4, d.getExternalKey().get(0).getId());
                    key.addBatch();
                    change.setLong(1, changeIds[i]);
                    change.setLong(2, customerIds[i]);
                    change.setTimestamp(3, now);
                    change.setString(4, principal);
                    change.addBatch();
                }
                contact.executeBatch();
                address.executeBatch();
                key.executeBatch();
                change.executeBatch();
            }
            try (PreparedStatement audit = c.prepareStatement("insert into audit_entry (id, version, occurred_at, principal,"
                    + " operation, outcome, entity_ids, detail) values (?, 0, ?, ?, 'createCustomers', 'OK', ?, ?)")) {
                StringJoiner ids = new StringJoiner(",");
                for (long id : customerIds) {
                    ids.add(String.valueOf(id));
                }
                audit.setLong(1, auditIds[0]);
                audit.setTimestamp(2, now);
                audit.setString(3, principal);
                audit.setString(4, ids.toString());
                audit.setString(5, batch.size() + " of " + batch.size() + " items applied");
                audit.executeUpdate();
            }
            c.commit();
        } catch (Exception e) {
            c.rollback();
            throw e;
        }
    }

    /** {@code count} ids from a sequence whose values each reserve {@code pool} ids (v-pool+1..v), in one round trip. */
    private static long[] ids(Connection c, String sequence, int count, int pool) throws SQLException {
        long[] ids = new long[count];
        int calls = (count + pool - 1) / pool;
        if (calls == 0) {
            return ids;
        }
        try (PreparedStatement next = c.prepareStatement("select nextval('" + sequence + "') from generate_series(1, ?)")) {
            next.setInt(1, calls);
            try (ResultSet rs = next.executeQuery()) {
                int i = 0;
                while (rs.next() && i < count) {
                    long high = rs.getLong(1);
                    for (long id = high - pool + 1; id <= high && i < count; id++) {
                        ids[i++] = id;
                    }
                }
            }
        }
        return ids;
    }
}
