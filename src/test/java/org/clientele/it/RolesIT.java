package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ExternalKey;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.Customer;
import org.clientele.ws.customer.CustomerChange;
import org.clientele.ws.customer.CustomerRef;
import org.clientele.ws.customer.CustomerUpsert;
import org.clientele.ws.customer.DeleteCustomers;
import org.clientele.ws.customer.MergeCustomers;
import org.clientele.ws.customer.UndeleteCustomers;
import org.clientele.ws.customer.UpdateCustomers;
import org.clientele.ws.customer.UpsertCustomers;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.GetCustomersResponse;
import org.clientele.ws.customer.Interaction;
import org.clientele.ws.customer.InteractionType;
import org.clientele.ws.customer.ListInteractions;
import org.clientele.ws.customer.NewCustomer;
import org.clientele.ws.customer.NewInteraction;
import org.clientele.ws.customer.RecordInteractions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The role matrix of CustomerService, one named case per (user, operation): allowed calls succeed, refused ones
 * fail with CrmFault NOT_AUTHORIZED and leave nothing behind.
 */
class RolesIT {
    private static final String RUN = UUID.randomUUID().toString();
    private static String fixtureName;
    private static long fixtureId;

    @BeforeAll
    static void createFixture() throws Exception {
        fixtureName = "RolesIT fixture " + RUN;
        ItemResult r = Clientele.customers(Clientele.ADMIN).createCustomers(create(fixtureName)).getResult().get(0);
        assertTrue(r.isSuccess(), () -> r.getError().toString());
        fixtureId = r.getId();
        ItemResult noted = Clientele.customers(Clientele.ADMIN).recordInteractions(note(fixtureName)).getResult().get(0);
        assertTrue(noted.isSuccess(), () -> noted.getError().toString());
    }

    private static CreateCustomers create(String name) {
        CustomerData data = new CustomerData();
        data.setKind(CustomerKind.PERSON);
        data.setName(name);
        NewCustomer item = new NewCustomer();
        item.setClientRef("roles");
        item.setData(data);
        CreateCustomers request = new CreateCustomers();
        request.getCustomer().add(item);
        return request;
    }

    private static RecordInteractions note(String subject) {
        Interaction i = new Interaction();
        i.setCustomerId(fixtureId);
        i.setType(InteractionType.NOTE);
        i.setSubject(subject);
        i.setOccurredAt(OffsetDateTime.now());
        NewInteraction item = new NewInteraction();
        item.setClientRef("roles");
        item.setInteraction(i);
        RecordInteractions request = new RecordInteractions();
        request.getInteraction().add(item);
        return request;
    }

    private static FindCustomers named(String name) {
        FindCustomers find = new FindCustomers();
        find.setNameContains(name);
        find.setIncludeDeleted(true);
        return find;
    }

    private static ListInteractions interactionsOfFixture() {
        ListInteractions list = new ListInteractions();
        list.setCustomerId(fixtureId);
        list.setPageSize(1000);
        return list;
    }

    private static long interactionsWithSubject(String subject) throws Exception {
        return Clientele.customers(Clientele.ADMIN).listInteractions(interactionsOfFixture()).getInteraction().stream()
                .filter(i -> subject.equals(i.getSubject())).count();
    }

    /** Runs the operation as the user; returns normally when it succeeded, throws CrmFault when refused. */
    private static void call(CustomerPortType port, String operation, String unique, long[] target) throws Exception {
        switch (operation) {
            case "createCustomers" -> {
                ItemResult r = port.createCustomers(create(unique)).getResult().get(0);
                assertTrue(r.isSuccess(), () -> r.getError().toString());
            }
            case "recordInteractions" -> {
                ItemResult r = port.recordInteractions(note(unique)).getResult().get(0);
                assertTrue(r.isSuccess(), () -> r.getError().toString());
            }
            case "getCustomers" -> {
                GetCustomers get = new GetCustomers();
                get.getId().add(fixtureId);
                GetCustomersResponse got = port.getCustomers(get);
                assertEquals(fixtureName, got.getLookup().get(0).getCustomer().getData().getName());
            }
            case "findCustomers" -> assertEquals(1, port.findCustomers(named(fixtureName)).getCustomer().size());
            case "listInteractions" -> assertTrue(port.listInteractions(interactionsOfFixture()).getInteraction().stream()
                    .anyMatch(i -> fixtureName.equals(i.getSubject())), "the fixture's interaction is listed");
            case "updateCustomers" -> {
                UpdateCustomers update = new UpdateCustomers();
                CustomerChange change = new CustomerChange();
                change.setClientRef("roles");
                change.setId(target[0]);
                change.setData(create(unique + " updated").getCustomer().get(0).getData());
                update.getCustomer().add(change);
                ItemResult r = port.updateCustomers(update).getResult().get(0);
                assertTrue(r.isSuccess(), () -> r.getError().toString());
            }
            case "upsertCustomers" -> {
                UpsertCustomers upsert = new UpsertCustomers();
                CustomerUpsert item = new CustomerUpsert();
                item.setClientRef("roles");
                ExternalKey key = new ExternalKey();
                key.setSystem("ROLES-IT");
                key.setId(UUID.randomUUID().toString().replace("-", ""));
                item.setKey(key);
                item.setData(create(unique).getCustomer().get(0).getData());
                upsert.getCustomer().add(item);
                ItemResult r = port.upsertCustomers(upsert).getResult().get(0);
                assertTrue(r.isSuccess(), () -> r.getError().toString());
            }
            case "deleteCustomers" -> {
                DeleteCustomers delete = new DeleteCustomers();
                delete.getCustomer().add(ref(target[0]));
                ItemResult r = port.deleteCustomers(delete).getResult().get(0);
                assertTrue(r.isSuccess(), () -> r.getError().toString());
            }
            case "undeleteCustomers" -> {
                UndeleteCustomers undelete = new UndeleteCustomers();
                undelete.getCustomer().add(ref(target[0]));
                ItemResult r = port.undeleteCustomers(undelete).getResult().get(0);
                assertTrue(r.isSuccess(), () -> r.getError().toString());
            }
            case "mergeCustomers" -> {
                MergeCustomers merge = new MergeCustomers();
                merge.setMasterId(target[0]);
                merge.getDuplicateId().add(target[1]);
                assertEquals(target[0], port.mergeCustomers(merge).getMaster().getId());
            }
            default -> throw new IllegalArgumentException(operation);
        }
    }

    private static CustomerRef ref(long id) {
        CustomerRef ref = new CustomerRef();
        ref.setId(id);
        return ref;
    }

    private static long createAsAdmin(String name) throws Exception {
        ItemResult r = Clientele.customers(Clientele.ADMIN).createCustomers(create(name)).getResult().get(0);
        assertTrue(r.isSuccess(), () -> r.getError().toString());
        return r.getId();
    }

    /** The customers a write works on, created by crm-admin beforehand (undelete: already in the recycle bin). */
    private static long[] prepare(String operation, String unique) throws Exception {
        return switch (operation) {
            case "updateCustomers", "deleteCustomers" -> new long[] {createAsAdmin(unique)};
            case "undeleteCustomers" -> {
                long id = createAsAdmin(unique);
                DeleteCustomers delete = new DeleteCustomers();
                delete.getCustomer().add(ref(id));
                assertTrue(Clientele.customers(Clientele.ADMIN).deleteCustomers(delete).getResult().get(0).isSuccess());
                yield new long[] {id};
            }
            case "mergeCustomers" -> new long[] {createAsAdmin(unique + " master"), createAsAdmin(unique + " duplicate")};
            default -> new long[0];
        };
    }

    private static Customer customer(long id) throws Exception {
        GetCustomers get = new GetCustomers();
        get.getId().add(id);
        return Clientele.customers(Clientele.ADMIN).getCustomers(get).getLookup().get(0).getCustomer();
    }

    /** What the operation left behind under the unique name or subject (0 for reads, which write nothing). */
    private static long written(String operation, String unique, long[] target) throws Exception {
        return switch (operation) {
            case "createCustomers", "upsertCustomers" ->
                    Clientele.customers(Clientele.ADMIN).findCustomers(named(unique)).getCustomer().size();
            case "recordInteractions" -> interactionsWithSubject(unique);
            case "updateCustomers" -> Clientele.customers(Clientele.ADMIN).findCustomers(named(unique + " updated")).getCustomer().size();
            case "deleteCustomers" -> customer(target[0]).isDeleted() ? 1 : 0;
            case "undeleteCustomers" -> customer(target[0]).isDeleted() ? 0 : 1;
            case "mergeCustomers" -> customer(target[1]).getMergedInto() == null ? 0 : 1;
            default -> 0;
        };
    }

    @ParameterizedTest(name = "{0} {1}: allowed={2}")
    @CsvSource({
        "it-admin,       createCustomers,    true",
        "it-admin,       recordInteractions, true",
        "it-admin,       getCustomers,       true",
        "it-admin,       findCustomers,      true",
        "it-admin,       listInteractions,   true",
        "it-integration, createCustomers,    true",
        "it-integration, recordInteractions, true",
        "it-integration, getCustomers,       true",
        "it-integration, findCustomers,      true",
        "it-integration, listInteractions,   true",
        "it-agent,       createCustomers,    false",
        "it-agent,       recordInteractions, true",
        "it-agent,       getCustomers,       true",
        "it-agent,       findCustomers,      true",
        "it-agent,       listInteractions,   true",
        "it-marketing,   createCustomers,    false",
        "it-marketing,   recordInteractions, false",
        "it-marketing,   getCustomers,       true",
        "it-marketing,   findCustomers,      true",
        "it-marketing,   listInteractions,   true",
        "it-readonly,    createCustomers,    false",
        "it-readonly,    recordInteractions, false",
        "it-readonly,    getCustomers,       true",
        "it-readonly,    findCustomers,      true",
        "it-readonly,    listInteractions,   true",
        "it-admin,       updateCustomers,    true",
        "it-admin,       upsertCustomers,    true",
        "it-admin,       deleteCustomers,    true",
        "it-admin,       undeleteCustomers,  true",
        "it-admin,       mergeCustomers,     true",
        "it-integration, updateCustomers,    true",
        "it-integration, upsertCustomers,    true",
        "it-integration, deleteCustomers,    true",
        "it-integration, undeleteCustomers,  true",
        "it-integration, mergeCustomers,     true",
        "it-agent,       updateCustomers,    false",
        "it-agent,       upsertCustomers,    false",
        "it-agent,       deleteCustomers,    false",
        "it-agent,       undeleteCustomers,  false",
        "it-agent,       mergeCustomers,     false",
        "it-marketing,   updateCustomers,    false",
        "it-marketing,   upsertCustomers,    false",
        "it-marketing,   deleteCustomers,    false",
        "it-marketing,   undeleteCustomers,  false",
        "it-marketing,   mergeCustomers,     false",
        "it-readonly,    updateCustomers,    false",
        "it-readonly,    upsertCustomers,    false",
        "it-readonly,    deleteCustomers,    false",
        "it-readonly,    undeleteCustomers,  false",
        "it-readonly,    mergeCustomers,     false",
    })
    void roleMatrix(String user, String operation, boolean allowed) throws Exception {
        String unique = "RolesIT " + user + " " + operation + " " + UUID.randomUUID();
        CustomerPortType port = Clientele.customers(user);
        long[] target = prepare(operation, unique);
        boolean write = !operation.startsWith("get") && !operation.startsWith("find") && !operation.startsWith("list");
        if (allowed) {
            call(port, operation, unique, target);
            if (write) {
                assertEquals(1, written(operation, unique, target));
            }
        } else {
            Faults.expect(ErrorCode.NOT_AUTHORIZED, () -> call(port, operation, unique, target));
            assertEquals(0, written(operation, unique, target), "a refused write leaves nothing behind");
        }
    }
}
