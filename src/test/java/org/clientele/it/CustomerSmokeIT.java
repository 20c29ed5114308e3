package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CreateCustomersResponse;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.GetCustomersResponse;
import org.clientele.ws.customer.NewCustomer;
import org.junit.jupiter.api.Test;

/** The shortest path through CustomerService: create a customer and read it back. */
class CustomerSmokeIT {

    @Test
    void createThenGet() throws Exception {
        CustomerData data = new CustomerData();
        data.setKind(CustomerKind.ORGANIZATION);
        data.setName("Smoke Test AG");
        NewCustomer item = new NewCustomer();
        item.setClientRef("smoke-1");
        item.setData(data);
        CreateCustomers request = new CreateCustomers();
        request.getCustomer().add(item);
        CreateCustomersResponse created = Clientele.customers(Clientele.ADMIN).createCustomers(request);
        assertEquals(1, created.getResult().size());
        assertTrue(created.getResult().get(0).isSuccess(), () -> created.getResult().get(0).getError().toString());
        long id = created.getResult().get(0).getId();

        GetCustomers get = new GetCustomers();
        get.getId().add(id);
        GetCustomersResponse got = Clientele.customers(Clientele.READONLY).getCustomers(get);
        assertEquals("Smoke Test AG", got.getLookup().get(0).getCustomer().getData().getName());
    }
}
