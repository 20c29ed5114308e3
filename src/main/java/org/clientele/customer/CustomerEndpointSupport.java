package org.clientele.customer;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.xml.ws.WebServiceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.clientele.platform.AuditLog;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.Failures;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.Page;
import org.clientele.platform.ws.Callers;
import org.clientele.platform.ws.IdempotentCalls;
import org.clientele.platform.ws.WireErrors;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CreateCustomersResponse;
import org.clientele.ws.customer.CrmFault;
import org.clientele.ws.customer.CustomerChange;
import org.clientele.ws.customer.CustomerLookup;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.CustomerRef;
import org.clientele.ws.customer.CustomerUpsert;
import org.clientele.ws.customer.DeleteCustomers;
import org.clientele.ws.customer.DeleteCustomersResponse;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.FindCustomersResponse;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.GetCustomersResponse;
import org.clientele.ws.customer.ListInteractions;
import org.clientele.ws.customer.ListInteractionsResponse;
import org.clientele.ws.customer.MergeCustomers;
import org.clientele.ws.customer.MergeCustomersResponse;
import org.clientele.ws.customer.NewCustomer;
import org.clientele.ws.customer.NewInteraction;
import org.clientele.ws.customer.RecordInteractions;
import org.clientele.ws.customer.RecordInteractionsResponse;
import org.clientele.ws.customer.UndeleteCustomers;
import org.clientele.ws.customer.UndeleteCustomersResponse;
import org.clientele.ws.customer.UpdateCustomers;
import org.clientele.ws.customer.UpdateCustomersResponse;
import org.clientele.ws.customer.UpsertCustomers;
import org.clientele.ws.customer.UpsertCustomersResponse;

/**
 * The SOAP adapter of CustomerService, shared by its SOAP 1.1 and SOAP 1.2 ports: it maps the request to the
 * domain, delegates to the customer services ({@link CustomerWrites}, {@link CustomerReads}, ...), maps the result back, audits mutating calls, and turns every
 * failure into a typed CrmFault.
 */
public abstract class CustomerEndpointSupport implements CustomerPortType {

    @Resource
    WebServiceContext context;

    @Inject
    CustomerWrites writes;

    @Inject
    CustomerReads reads;

    @Inject
    CustomerMerge merges;

    @Inject
    CustomerInteractions interactions;

    @Inject
    AuditLog audit;

    @Inject
    IdempotentCalls idempotent;

    @Override
    public CreateCustomersResponse createCustomers(CreateCustomers request) throws CrmFault {
        return mutation("createCustomers", caller -> {
            List<CustomerDraft> drafts = new ArrayList<>();
            for (NewCustomer c : request.getCustomer()) {
                drafts.add(CustomerMapper.draft(c.getData()));
            }
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "createCustomers", request, c -> writes.create(c, drafts, Boolean.TRUE.equals(request.isAllOrNone())));
            audit.batch(caller, "createCustomers", outcomes);
            CreateCustomersResponse response = new CreateCustomersResponse();
            response.getResult().addAll(WireErrors.results(outcomes, request.getCustomer().stream().map(NewCustomer::getClientRef).toList()));
            return response;
        });
    }

    @Override
    public UpdateCustomersResponse updateCustomers(UpdateCustomers request) throws CrmFault {
        return mutation("updateCustomers", caller -> {
            List<CustomerWrites.Change> changes = new ArrayList<>();
            for (CustomerChange c : request.getCustomer()) {
                changes.add(new CustomerWrites.Change(c.getId(), c.getExpectedVersion(), CustomerMapper.draft(c.getData())));
            }
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "updateCustomers", request, c -> writes.update(c, changes, Boolean.TRUE.equals(request.isAllOrNone())));
            audit.batch(caller, "updateCustomers", outcomes);
            UpdateCustomersResponse response = new UpdateCustomersResponse();
            response.getResult().addAll(WireErrors.results(outcomes, request.getCustomer().stream().map(CustomerChange::getClientRef).toList()));
            return response;
        });
    }

    @Override
    public UpsertCustomersResponse upsertCustomers(UpsertCustomers request) throws CrmFault {
        return mutation("upsertCustomers", caller -> {
            List<CustomerWrites.Upsert> upserts = new ArrayList<>();
            for (CustomerUpsert u : request.getCustomer()) {
                upserts.add(new CustomerWrites.Upsert(CustomerMapper.key(u.getKey()), u.getExpectedVersion(),
                        CustomerMapper.draft(u.getData())));
            }
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "upsertCustomers", request, c -> writes.upsert(c, upserts, Boolean.TRUE.equals(request.isAllOrNone())));
            audit.batch(caller, "upsertCustomers", outcomes);
            UpsertCustomersResponse response = new UpsertCustomersResponse();
            response.getResult().addAll(WireErrors.results(outcomes, request.getCustomer().stream().map(CustomerUpsert::getClientRef).toList()));
            return response;
        });
    }

    @Override
    public GetCustomersResponse getCustomers(GetCustomers request) throws CrmFault {
        return read(caller -> {
            List<CustomerDraft.Key> keys = request.getExternalKey().stream().map(CustomerMapper::key).toList();
            GetCustomersResponse response = new GetCustomersResponse();
            for (CustomerReads.Lookup l : reads.get(caller, request.getId(), keys)) {
                CustomerLookup wire = new CustomerLookup();
                if (l.id() != null) {
                    wire.setId(l.id());
                } else {
                    org.clientele.ws.common.ExternalKey k = new org.clientele.ws.common.ExternalKey();
                    k.setSystem(l.key().system());
                    k.setId(l.key().id());
                    wire.setExternalKey(k);
                }
                if (l.customer() != null) {
                    wire.setCustomer(CustomerMapper.toWire(l.customer()));
                } else {
                    wire.setError(WireErrors.notFound(l.id() != null
                            ? "Customer " + l.id() + " does not exist"
                            : "No customer has external key " + l.key().system() + "/" + l.key().id()));
                }
                response.getLookup().add(wire);
            }
            return response;
        });
    }

    @Override
    public FindCustomersResponse findCustomers(FindCustomers request) throws CrmFault {
        return read(caller -> {
            CustomerQuery query = new CustomerQuery(request.getNameContains(), request.getEmail(), request.getPhone(),
                    request.getStatus() == null ? null : Customer.Status.valueOf(request.getStatus().name()),
                    request.getSegment(),
                    request.getModifiedSince() == null ? null : request.getModifiedSince().toInstant(),
                    Boolean.TRUE.equals(request.isIncludeDeleted()));
            Page<Customer> page = reads.find(caller, query, request.getPageSize(), request.getPageToken());
            FindCustomersResponse response = new FindCustomersResponse();
            response.getCustomer().addAll(CustomerMapper.toWire(page.items()));
            response.setNextPageToken(page.nextPageToken());
            return response;
        });
    }

    @Override
    public DeleteCustomersResponse deleteCustomers(DeleteCustomers request) throws CrmFault {
        return mutation("deleteCustomers", caller -> {
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "deleteCustomers", request, c -> writes.delete(c, refs(request.getCustomer()), Boolean.TRUE.equals(request.isAllOrNone())));
            audit.batch(caller, "deleteCustomers", outcomes);
            DeleteCustomersResponse response = new DeleteCustomersResponse();
            response.getResult().addAll(WireErrors.results(outcomes, request.getCustomer().stream().map(CustomerRef::getClientRef).toList()));
            return response;
        });
    }

    @Override
    public UndeleteCustomersResponse undeleteCustomers(UndeleteCustomers request) throws CrmFault {
        return mutation("undeleteCustomers", caller -> {
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "undeleteCustomers", request, c -> writes.undelete(c, refs(request.getCustomer()), Boolean.TRUE.equals(request.isAllOrNone())));
            audit.batch(caller, "undeleteCustomers", outcomes);
            UndeleteCustomersResponse response = new UndeleteCustomersResponse();
            response.getResult().addAll(WireErrors.results(outcomes, request.getCustomer().stream().map(CustomerRef::getClientRef).toList()));
            return response;
        });
    }

    @Override
    public MergeCustomersResponse mergeCustomers(MergeCustomers request) throws CrmFault {
        return mutation("mergeCustomers", caller -> {
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "mergeCustomers", request, c -> {
                Customer merged = merges.merge(c, request.getMasterId(), request.getMasterExpectedVersion(), request.getDuplicateId());
                return List.of(ItemOutcome.applied(merged.getId(), merged.getVersion()));
            });
            // a replayed merge answers with the master as it is now
            Customer master = reads.current(outcomes.get(0).id());
            audit.success(caller, "mergeCustomers", master.getId() + "<-" + request.getDuplicateId());
            MergeCustomersResponse response = new MergeCustomersResponse();
            response.setMaster(CustomerMapper.toWire(master));
            return response;
        });
    }

    @Override
    public RecordInteractionsResponse recordInteractions(RecordInteractions request) throws CrmFault {
        return mutation("recordInteractions", caller -> {
            List<InteractionDraft> drafts = new ArrayList<>();
            for (NewInteraction i : request.getInteraction()) {
                drafts.add(CustomerMapper.draft(i.getInteraction()));
            }
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "recordInteractions", request, c -> interactions.record(c, drafts, Boolean.TRUE.equals(request.isAllOrNone())));
            audit.batch(caller, "recordInteractions", outcomes);
            RecordInteractionsResponse response = new RecordInteractionsResponse();
            response.getResult().addAll(WireErrors.results(outcomes, request.getInteraction().stream().map(NewInteraction::getClientRef).toList()));
            return response;
        });
    }

    @Override
    public ListInteractionsResponse listInteractions(ListInteractions request) throws CrmFault {
        return read(caller -> {
            Page<Interaction> page = interactions.list(caller, request.getCustomerId(), request.getPageSize(), request.getPageToken());
            ListInteractionsResponse response = new ListInteractionsResponse();
            page.items().forEach(i -> response.getInteraction().add(CustomerMapper.toWire(i)));
            response.setNextPageToken(page.nextPageToken());
            return response;
        });
    }

    private static List<CustomerWrites.Ref> refs(List<CustomerRef> refs) {
        return refs.stream().map(r -> new CustomerWrites.Ref(r.getId(), r.getExpectedVersion())).toList();
    }

    private <T> T read(Function<Caller, T> body) throws CrmFault {
        try {
            return body.apply(Callers.of(context));
        } catch (RuntimeException e) {
            throw fault(Failures.classify(e));
        }
    }

    private <T> T mutation(String operation, Function<Caller, T> body) throws CrmFault {
        Caller caller;
        try {
            caller = Callers.of(context);
        } catch (RuntimeException e) {
            throw fault(Failures.classify(e));
        }
        try {
            return body.apply(caller);
        } catch (RuntimeException e) {
            CrmException failure = Failures.classify(e);
            if (failure.code() != ErrorCode.UNAVAILABLE) {
                try {
                    audit.refused(caller, operation, failure);
                } catch (RuntimeException auditFailure) {
                    // the client must still get the original fault; the audit failure is logged by the container
                }
            }
            throw fault(failure);
        }
    }

    private static CrmFault fault(CrmException e) {
        return new CrmFault(e.getMessage(), WireErrors.detail(e));
    }
}
