package org.clientele.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;

/** Loads and stores customers, their external keys and interactions with JPA. */
@ApplicationScoped
public class CustomerRepository {

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    public Customer find(long id) {
        return em.find(Customer.class, id);
    }

    public void add(Customer customer) {
        em.persist(customer);
    }

    public void add(Interaction interaction) {
        em.persist(interaction);
    }

    public Contact findContact(long id) {
        return em.find(Contact.class, id);
    }

    /** Customers by id, keyed by id. */
    public Map<Long, Customer> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // Loaded by id, not with a JPQL "in :ids" query: Hibernate rebuilds the SQL of a query with a list
        // parameter on every call, which was 8 % of a secured one-id getCustomers.
        Map<Long, Customer> found = new HashMap<>();
        if (ids.size() == 1) {
            Customer c = em.find(Customer.class, ids.iterator().next());
            if (c != null) {
                found.put(c.getId(), c);
            }
            return found;
        }
        for (Customer c : em.unwrap(Session.class).byMultipleIds(Customer.class).multiLoad(List.copyOf(Set.copyOf(ids)))) {
            if (c != null) {
                found.put(c.getId(), c);
            }
        }
        return found;
    }

    /**
     * The external key (system, id), or null. Without an automatic flush: flushing before each item's lookup
     * dirty-checks every entity the batch has persisted so far, which made a 200-item batch quadratic. A key added
     * earlier in the same unflushed batch is not seen here; the unique constraint refuses it when the batch is
     * flushed and BatchExecutor redoes the batch item by item, where the key is found.
     */
    public ExternalKey findKey(String system, String externalId) {
        List<ExternalKey> found = em.createQuery(
                        "select k from ExternalKey k join fetch k.customer where k.system = :s and k.externalId = :id",
                        ExternalKey.class)
                .setParameter("s", system)
                .setParameter("id", externalId)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The stored keys among the given ones, each with its customer, in one query (a batch's keys: at most a few hundred). */
    public Map<CustomerDraft.Key, ExternalKey> findKeys(Collection<CustomerDraft.Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Set<String> systems = keys.stream().map(CustomerDraft.Key::system).collect(Collectors.toSet());
        Set<String> ids = keys.stream().map(CustomerDraft.Key::id).collect(Collectors.toSet());
        Map<CustomerDraft.Key, ExternalKey> result = new HashMap<>();
        for (ExternalKey k : em.createQuery("select k from ExternalKey k join fetch k.customer"
                        + " where k.system in :systems and k.externalId in :ids", ExternalKey.class)
                .setParameter("systems", systems)
                .setParameter("ids", ids)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList()) {
            CustomerDraft.Key key = new CustomerDraft.Key(k.getSystem(), k.getExternalId());
            if (keys.contains(key)) {
                result.put(key, k);
            }
        }
        return result;
    }

    /** The customers owning the given keys, keyed by the key. */
    public Map<CustomerDraft.Key, Customer> findByKeys(Collection<CustomerDraft.Key> keys) {
        Map<CustomerDraft.Key, Customer> result = new HashMap<>();
        findKeys(keys).forEach((key, k) -> result.put(key, k.getCustomer()));
        return result;
    }

    /** One page of customers matching the query, ordered by id, starting after {@code afterId}. */
    public List<Customer> find(CustomerQuery q, long afterId, int limit) {
        StringBuilder jpql = new StringBuilder("select c from Customer c where c.id > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterId);
        if (!q.includeDeleted()) {
            jpql.append(" and c.deleted = false");
        }
        if (q.nameContains() != null) {
            // LIKE on the lower-cased copy of the name: PostgreSQL answers it from the trigram index on name_lower
            // (V7, pg_trgm); H2 scans name_lower
            jpql.append(" and c.nameLower like :name escape '!'");
            params.put("name", "%" + likeEscape(q.nameContains().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (q.email() != null) {
            // The ids come first from the two e-mail indexes (customer, contact), rather than from
            // "email = x or exists (...)" in this query: with the OR, PostgreSQL can use neither index and filters
            // every customer in id order (the cost grows with the table); a union subquery is not JPA-compliant JPQL.
            Set<Long> ids = emailMatches(q.email().toLowerCase(java.util.Locale.ROOT));
            if (ids.isEmpty()) {
                return List.of();
            }
            jpql.append(" and c.id in :ids");
            params.put("ids", ids);
        }
        if (q.phone() != null) {
            jpql.append(" and c.phone = :phone");
            params.put("phone", q.phone());
        }
        if (q.status() != null) {
            jpql.append(" and c.status = :status");
            params.put("status", q.status());
        }
        if (q.segment() != null) {
            jpql.append(" and c.segment = :segment");
            params.put("segment", q.segment());
        }
        if (q.modifiedSince() != null) {
            jpql.append(" and c.updatedAt >= :since");
            params.put("since", q.modifiedSince());
        }
        jpql.append(" order by c.id");
        TypedQuery<Customer> query = em.createQuery(jpql.toString(), Customer.class).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Ids of the customers whose own or one of whose contacts' e-mail is the given lower-cased address. */
    private Set<Long> emailMatches(String email) {
        Set<Long> ids = new java.util.TreeSet<>(em.createQuery("select c.id from Customer c where c.emailLower = :email", Long.class)
                .setParameter("email", email).setFlushMode(FlushModeType.COMMIT).getResultList());
        ids.addAll(em.createQuery("select p.customer.id from Contact p where p.emailLower = :email", Long.class)
                .setParameter("email", email).setFlushMode(FlushModeType.COMMIT).getResultList());
        return ids;
    }

    /** One page of a customer's interactions, newest first, starting after (at, id) when given. */
    public List<Interaction> interactions(long customerId, Instant afterAt, Long afterId, int limit) {
        String jpql = "select i from Interaction i where i.customerId = :customer"
                + (afterAt == null ? "" : " and (i.occurredAt < :at or (i.occurredAt = :at and i.id < :id))")
                + " order by i.occurredAt desc, i.id desc";
        TypedQuery<Interaction> query = em.createQuery(jpql, Interaction.class)
                .setParameter("customer", customerId)
                .setMaxResults(limit);
        if (afterAt != null) {
            query.setParameter("at", afterAt).setParameter("id", afterId);
        }
        return query.getResultList();
    }

    /** Clears the contact reference of interactions that pointed at removed contacts; returns them (id, new version). */
    public List<Interaction> detachInteractionsFrom(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        // No automatic flush first: it would dirty-check every entity of the batch for each item (quadratic), and
        // nothing pending in this persistence context changes which interactions point at these contacts.
        List<Interaction> affected = em.createQuery("select i from Interaction i where i.contactId in :ids", Interaction.class)
                .setParameter("ids", contactIds).setFlushMode(FlushModeType.COMMIT).getResultList();
        em.createQuery("update Interaction i set i.contactId = null, i.version = i.version + 1 where i.contactId in :ids")
                .setParameter("ids", contactIds).setFlushMode(FlushModeType.COMMIT).executeUpdate();
        affected.forEach(em::refresh);
        return affected;
    }

    /** The interactions with these ids that exist, by id. */
    public Map<Long, Interaction> findInteractions(Collection<Long> ids) {
        Map<Long, Interaction> found = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select i from Interaction i where i.id in :ids", Interaction.class)
                    .setParameter("ids", ids).getResultList().forEach(i -> found.put(i.getId(), i));
        }
        return found;
    }

    /** The interactions of a customer (used when they move in a merge). */
    public List<Interaction> interactionsOf(long customerId) {
        return em.createQuery("select i from Interaction i where i.customerId = :c", Interaction.class)
                .setParameter("c", customerId).getResultList();
    }

    public void refresh(Interaction interaction) {
        em.refresh(interaction);
    }

    /** Moves every child record of the duplicate to the master (merge). */
    public void reparent(Customer duplicate, Customer master, int addressOffset) {
        em.createQuery("update Contact c set c.customer = :master, c.primary = false where c.customer = :dup")
                .setParameter("master", master).setParameter("dup", duplicate).executeUpdate();
        em.createQuery("update Address a set a.customer = :master, a.position = a.position + :offset where a.customer = :dup")
                .setParameter("master", master).setParameter("dup", duplicate).setParameter("offset", addressOffset)
                .executeUpdate();
        em.createQuery("update ExternalKey k set k.customer = :master where k.customer = :dup")
                .setParameter("master", master).setParameter("dup", duplicate).executeUpdate();
        em.createQuery("update Interaction i set i.customerId = :master, i.version = i.version + 1 where i.customerId = :dup")
                .setParameter("master", master.getId()).setParameter("dup", duplicate.getId()).executeUpdate();
    }

    public void flush() {
        em.flush();
    }

    public void refresh(Customer customer) {
        em.refresh(customer);
    }

    /** Loads the collections of the customers (batched), so they can be mapped after the transaction. */
    public List<Customer> initialize(List<Customer> customers) {
        for (Customer c : customers) {
            c.getExternalKeys().size();
            c.getContacts().size();
            c.getAddresses().size();
        }
        return new ArrayList<>(customers);
    }

    static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
