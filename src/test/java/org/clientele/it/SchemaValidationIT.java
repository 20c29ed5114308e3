package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.customer.Address;
import org.clientele.ws.customer.AddressType;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.NewCustomer;
import org.junit.jupiter.api.Test;

/** Input that breaks the contract's schema is refused with a typed CrmFault VALIDATION and writes nothing. */
class SchemaValidationIT {

    @Test
    void countryCodeOutsideThePatternIsAValidationFault() {
        String name = "Schema " + UUID.randomUUID();
        CustomerData data = new CustomerData();
        data.setKind(CustomerKind.ORGANIZATION);
        data.setName(name);
        Address a = new Address();
        a.setType(AddressType.MAIN);
        a.setLine1("Somewhere 1");
        a.setCity("Berlin");
        a.setCountryCode("Germany");
        data.getAddress().add(a);
        CrmFault fault = assertThrows(CrmFault.class, () -> Clientele.customers(Clientele.ADMIN).createCustomers(request(data)));
        assertEquals(ErrorCode.VALIDATION, fault.getFaultInfo().getCode());
        assertFalse(fault.getFaultInfo().isRetryable());
        assertTrue(fault.getFaultInfo().getMessage().contains("countryCode") || fault.getFaultInfo().getMessage().contains("Germany"),
                fault.getFaultInfo().getMessage());
        assertNothingNamed(name);
    }

    @Test
    void overlongNameIsAValidationFault() {
        CustomerData data = new CustomerData();
        data.setKind(CustomerKind.PERSON);
        data.setName("x".repeat(201));
        CrmFault fault = assertThrows(CrmFault.class, () -> Clientele.customers(Clientele.ADMIN).createCustomers(request(data)));
        assertEquals(ErrorCode.VALIDATION, fault.getFaultInfo().getCode());
    }

    private static CreateCustomers request(CustomerData data) {
        NewCustomer item = new NewCustomer();
        item.setData(data);
        CreateCustomers request = new CreateCustomers();
        request.getCustomer().add(item);
        return request;
    }

    private static void assertNothingNamed(String name) {
        FindCustomers find = new FindCustomers();
        find.setNameContains(name);
        find.setIncludeDeleted(true);
        try {
            assertEquals(0, Clientele.customers(Clientele.ADMIN).findCustomers(find).getCustomer().size());
        } catch (CrmFault e) {
            throw new AssertionError("findCustomers failed: " + e.getFaultInfo().getMessage(), e);
        }
    }
}
