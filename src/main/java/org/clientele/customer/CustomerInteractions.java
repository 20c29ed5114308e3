package org.clientele.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.clientele.platform.BatchExecutor;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.Page;
import org.clientele.platform.Paging;
import org.clientele.platform.ServerSecrets;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/** The interactions of customers: recording them in batches and listing those of one customer, newest first. */
@ApplicationScoped
public class CustomerInteractions {

    @Inject
    CustomerRepository repository;

    @Inject
    CustomerDirectory directory;

    @Inject
    BatchExecutor batches;

    @Inject
    ServerSecrets secrets;

    @Inject
    ChangeLog changeLog;

    public List<ItemOutcome> record(Caller caller, List<InteractionDraft> drafts, boolean allOrNone) {
        return batches.execute("interaction", drafts, allOrNone, d -> {
            CustomerRules.validate(d);
            directory.requireLive(d.customerId(), d.contactId());
            Interaction i = new Interaction(d, caller.principal(), Instant.now());
            repository.add(i);
            changeLog.append(caller, EntityType.INTERACTION, i.getId(), Operation.CREATED, i.getVersion(), null);
            return ItemOutcome.applied(i.getId(), i.getVersion());
        });
    }

    @Transactional
    public Page<Interaction> list(Caller caller, long customerId, Integer pageSize, String pageToken) {
        Paging paging = Paging.of(secrets.pageTokens(), "interactions", String.valueOf(customerId), pageSize);
        if (repository.find(customerId) == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Customer " + customerId + " does not exist", "customerId");
        }
        List<String> after = paging.after(pageToken, 2);
        Instant afterAt = after == null ? null : Instant.parse(after.get(0));
        Long afterId = after == null ? null : Paging.parseLong(after.get(1));
        List<Interaction> rows = repository.interactions(customerId, afterAt, afterId, paging.rowsToRead());
        return paging.page(rows, i -> List.of(i.getOccurredAt().toString(), String.valueOf(i.getId())));
    }
}
