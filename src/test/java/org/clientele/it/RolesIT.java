package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.common.CrmFault;
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
    private static void call(CustomerPortType port, String operation, String unique) throws Exception {
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
            case "listInteractions" -> assertNotNull(port.listInteractions(interactionsOfFixture()));
            default -> throw new IllegalArgumentException(operation);
        }
    }

    /** What the operation left behind under the unique name or subject (0 for reads, which write nothing). */
    private static long written(String operation, String unique) throws Exception {
        return switch (operation) {
            case "createCustomers" -> Clientele.customers(Clientele.ADMIN).findCustomers(named(unique)).getCustomer().size();
            case "recordInteractions" -> interactionsWithSubject(unique);
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
    })
    void roleMatrix(String user, String operation, boolean allowed) throws Exception {
        String unique = "RolesIT " + user + " " + operation + " " + UUID.randomUUID();
        CustomerPortType port = Clientele.customers(user);
        if (allowed) {
            call(port, operation, unique);
            if (operation.equals("createCustomers") || operation.equals("recordInteractions")) {
                assertEquals(1, written(operation, unique));
            }
        } else {
            CrmFault fault = assertThrows(CrmFault.class, () -> call(port, operation, unique));
            assertEquals(ErrorCode.NOT_AUTHORIZED, fault.getFaultInfo().getCode(), fault.getFaultInfo().getMessage());
            assertEquals(0, written(operation, unique), "a refused write leaves nothing behind");
        }
    }
}
