package org.clientele.customer;

import jakarta.inject.Inject;
import java.util.List;
import org.clientele.platform.Caller;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.Role;
import org.clientele.platform.ws.Operation;
import org.clientele.platform.ws.SoapEdge;
import org.clientele.platform.ws.WireErrors;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CreateCustomersResponse;
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
 * The SOAP adapter of CustomerService, shared by its SOAP 1.1 and SOAP 1.2 ports: each operation is one line that
 * hands the {@link SoapEdge} its entry of the operation table, the domain call and the response mapping. Caller,
 * roles, the one transaction, idempotency, audit and faults are the edge's.
 */
public abstract class CustomerEndpointSupport implements CustomerPortType {
    static final Operation CREATE = Operation.write("createCustomers", Role.INTEGRATION);
    static final Operation UPDATE = Operation.write("updateCustomers", Role.INTEGRATION);
    static final Operation UPSERT = Operation.write("upsertCustomers", Role.INTEGRATION);
    static final Operation GET = Operation.read("getCustomers", Role.INTEGRATION, Role.AGENT, Role.MARKETING, Role.READONLY);
    static final Operation FIND = Operation.read("findCustomers", Role.INTEGRATION, Role.AGENT, Role.MARKETING, Role.READONLY);
    static final Operation DELETE = Operation.write("deleteCustomers", Role.INTEGRATION);
    static final Operation UNDELETE = Operation.write("undeleteCustomers", Role.INTEGRATION);
    static final Operation MERGE = Operation.write("mergeCustomers", Role.INTEGRATION);
    static final Operation RECORD_INTERACTIONS = Operation.write("recordInteractions", Role.INTEGRATION, Role.AGENT);
    static final Operation LIST_INTERACTIONS = Operation.read("listInteractions",
            Role.INTEGRATION, Role.AGENT, Role.MARKETING, Role.READONLY);

    @Inject
    SoapEdge edge;

    @Inject
    CustomerService service;

    @Override
    public CreateCustomersResponse createCustomers(CreateCustomers request) throws CrmFault {
        return edge.write(CREATE, request, c -> service.create(c, drafts(request), all(request.isAllOrNone())),
                o -> WireErrors.results(new CreateCustomersResponse(), CreateCustomersResponse::getResult, o, request.getCustomer(), NewCustomer::getClientRef));
    }

    @Override
    public UpdateCustomersResponse updateCustomers(UpdateCustomers request) throws CrmFault {
        return edge.write(UPDATE, request, c -> service.update(c, changes(request), all(request.isAllOrNone())),
                o -> WireErrors.results(new UpdateCustomersResponse(), UpdateCustomersResponse::getResult, o, request.getCustomer(), CustomerChange::getClientRef));
    }

    @Override
    public UpsertCustomersResponse upsertCustomers(UpsertCustomers request) throws CrmFault {
        return edge.write(UPSERT, request, c -> service.upsert(c, upserts(request), all(request.isAllOrNone())),
                o -> WireErrors.results(new UpsertCustomersResponse(), UpsertCustomersResponse::getResult, o, request.getCustomer(), CustomerUpsert::getClientRef));
    }

    @Override
    public GetCustomersResponse getCustomers(GetCustomers request) throws CrmFault {
        return edge.read(GET, c -> lookups(service.get(c, request.getId(), request.getExternalKey().stream().map(CustomerMapper::key).toList())));
    }

    @Override
    public FindCustomersResponse findCustomers(FindCustomers request) throws CrmFault {
        return edge.read(FIND, c -> found(service.find(c, query(request), request.getPageSize(), request.getPageToken())));
    }

    @Override
    public DeleteCustomersResponse deleteCustomers(DeleteCustomers request) throws CrmFault {
        return edge.write(DELETE, request, c -> service.delete(c, refs(request.getCustomer()), all(request.isAllOrNone())),
                o -> WireErrors.results(new DeleteCustomersResponse(), DeleteCustomersResponse::getResult, o, request.getCustomer(), CustomerRef::getClientRef));
    }

    @Override
    public UndeleteCustomersResponse undeleteCustomers(UndeleteCustomers request) throws CrmFault {
        return edge.write(UNDELETE, request, c -> service.undelete(c, refs(request.getCustomer()), all(request.isAllOrNone())),
                o -> WireErrors.results(new UndeleteCustomersResponse(), UndeleteCustomersResponse::getResult, o, request.getCustomer(), CustomerRef::getClientRef));
    }

    @Override
    public MergeCustomersResponse mergeCustomers(MergeCustomers request) throws CrmFault {
        return edge.write(MERGE, request, c -> List.of(merge(c, request)), o -> merged(o.get(0).id()),
                o -> o.get(0).id() + "<-" + request.getDuplicateId());
    }

    @Override
    public RecordInteractionsResponse recordInteractions(RecordInteractions request) throws CrmFault {
        return edge.write(RECORD_INTERACTIONS, request, c -> service.recordInteractions(c, interactions(request), all(request.isAllOrNone())),
                o -> WireErrors.results(new RecordInteractionsResponse(), RecordInteractionsResponse::getResult, o, request.getInteraction(), NewInteraction::getClientRef));
    }

    @Override
    public ListInteractionsResponse listInteractions(ListInteractions request) throws CrmFault {
        return edge.read(LIST_INTERACTIONS, c -> interactions(service.listInteractions(c, request.getCustomerId(), request.getPageSize(), request.getPageToken())));
    }

    // ----- request mapping -----

    private static boolean all(Boolean allOrNone) {
        return Boolean.TRUE.equals(allOrNone);
    }

    private static List<CustomerDraft> drafts(CreateCustomers request) {
        return request.getCustomer().stream().map(c -> CustomerMapper.draft(c.getData())).toList();
    }

    private static List<CustomerService.Change> changes(UpdateCustomers request) {
        return request.getCustomer().stream()
                .map(c -> new CustomerService.Change(c.getId(), c.getExpectedVersion(), CustomerMapper.draft(c.getData()))).toList();
    }

    private static List<CustomerService.Upsert> upserts(UpsertCustomers request) {
        return request.getCustomer().stream().map(u -> new CustomerService.Upsert(CustomerMapper.key(u.getKey()),
                u.getExpectedVersion(), CustomerMapper.draft(u.getData()))).toList();
    }

    private static List<InteractionDraft> interactions(RecordInteractions request) {
        return request.getInteraction().stream().map(i -> CustomerMapper.draft(i.getInteraction())).toList();
    }

    private static List<CustomerService.Ref> refs(List<CustomerRef> refs) {
        return refs.stream().map(r -> new CustomerService.Ref(r.getId(), r.getExpectedVersion())).toList();
    }

    private static CustomerQuery query(FindCustomers request) {
        return new CustomerQuery(request.getNameContains(), request.getEmail(), request.getPhone(),
                request.getStatus() == null ? null : Customer.Status.valueOf(request.getStatus().name()),
                request.getSegment(),
                request.getModifiedSince() == null ? null : request.getModifiedSince().toInstant(),
                Boolean.TRUE.equals(request.isIncludeDeleted()));
    }

    private ItemOutcome merge(Caller caller, MergeCustomers request) {
        Customer merged = service.merge(caller, request.getMasterId(), request.getMasterExpectedVersion(), request.getDuplicateId());
        return ItemOutcome.applied(merged.getId(), merged.getVersion());
    }

    // ----- response mapping -----

    /** A merge answers with the master as it is now (also when the response is a replay). */
    private MergeCustomersResponse merged(long masterId) {
        MergeCustomersResponse response = new MergeCustomersResponse();
        response.setMaster(CustomerMapper.toWire(service.current(masterId)));
        return response;
    }

    private static GetCustomersResponse lookups(List<CustomerService.Lookup> lookups) {
        GetCustomersResponse response = new GetCustomersResponse();
        for (CustomerService.Lookup l : lookups) {
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
    }

    private static FindCustomersResponse found(Page<Customer> page) {
        FindCustomersResponse response = new FindCustomersResponse();
        response.getCustomer().addAll(CustomerMapper.toWire(page.items()));
        response.setNextPageToken(page.nextPageToken());
        return response;
    }

    private static ListInteractionsResponse interactions(Page<Interaction> page) {
        ListInteractionsResponse response = new ListInteractionsResponse();
        page.items().forEach(i -> response.getInteraction().add(CustomerMapper.toWire(i)));
        response.setNextPageToken(page.nextPageToken());
        return response;
    }
}
