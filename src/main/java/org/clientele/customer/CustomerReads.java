package org.clientele.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.Limits;
import org.clientele.platform.Page;
import org.clientele.platform.Paging;
import org.clientele.platform.ServerSecrets;

/** The customer reads: lookups by id or external key, the current state of one customer, and search. */
@ApplicationScoped
public class CustomerReads {

    @Inject
    CustomerRepository repository;

    @Inject
    ServerSecrets secrets;

    /** The outcome of one getCustomers lookup: the customer, or null when not found. */
    public record Lookup(Long id, CustomerDraft.Key key, Customer customer) {
    }

    @Transactional
    public List<Lookup> get(Caller caller, List<Long> ids, List<CustomerDraft.Key> keys) {
        int n = ids.size() + keys.size();
        if (n == 0) {
            throw CrmException.validation("id", "Give at least one id or external key");
        }
        if (n > Limits.MAX_BATCH_ITEMS) {
            throw new CrmException(ErrorCode.LIMIT_EXCEEDED,
                    "At most " + Limits.MAX_BATCH_ITEMS + " ids and keys per call; got " + n, "id");
        }
        for (CustomerDraft.Key k : keys) {
            CustomerRules.key("externalKey", k);
        }
        Map<Long, Customer> byId = repository.findAll(ids);
        Map<CustomerDraft.Key, Customer> byKey = repository.findByKeys(new LinkedHashSet<>(keys));
        Set<Customer> all = new LinkedHashSet<>(byId.values());
        all.addAll(byKey.values());
        repository.initialize(new ArrayList<>(all));
        List<Lookup> result = new ArrayList<>(n);
        ids.forEach(id -> result.add(new Lookup(id, null, byId.get(id))));
        keys.forEach(k -> result.add(new Lookup(null, k, byKey.get(k))));
        return result;
    }

    /** One customer with its collections loaded (the current master when a merge is replayed). */
    @Transactional
    public Customer current(long id) {
        Customer c = repository.find(id);
        if (c == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Customer " + id + " does not exist", "id");
        }
        return repository.initialize(List.of(c)).get(0);
    }

    @Transactional
    public Page<Customer> find(Caller caller, CustomerQuery query, Integer pageSize, String pageToken) {
        Paging paging = Paging.of(secrets.pageTokens(), "customers", query.canonical(), pageSize);
        List<Customer> rows = repository.find(query, paging.afterId(pageToken), paging.rowsToRead());
        return paging.pageById(rows, Customer::getId).map(repository::initialize);
    }
}
