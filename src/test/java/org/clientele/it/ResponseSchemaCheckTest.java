package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.bind.MarshalException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.clientele.ws.customer.Address;
import org.clientele.ws.customer.AddressType;
import org.clientele.ws.customer.Customer;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.CustomerLookup;
import org.clientele.ws.customer.GetCustomersResponse;
import org.clientele.ws.status.PingResponse;
import org.junit.jupiter.api.Test;

/** The integration tests' response check uses the contract's own schemas, facets included, and fails the call. */
class ResponseSchemaCheckTest {

    @Test
    void aResponseThatKeepsTheContractPasses() {
        PingResponse pong = new PingResponse();
        pong.setVersion("1.0.0");
        pong.setServerTime(OffsetDateTime.now(ZoneOffset.UTC));
        assertDoesNotThrow(() -> ResponseSchemaCheck.check(pong));
        assertDoesNotThrow(() -> ResponseSchemaCheck.check(lookup("DE")));
    }

    @Test
    void aMissingRequiredElementIsCaught() {
        PingResponse pong = new PingResponse();
        pong.setVersion("1.0.0");
        MarshalException e = assertThrows(MarshalException.class, () -> ResponseSchemaCheck.check(pong));
        assertTrue(String.valueOf(e.getLinkedException()).contains("serverTime"), String.valueOf(e.getLinkedException()));
    }

    @Test
    void aFacetOfTheContractIsCaughtAndFailsTheCall() {
        // the pattern of countryCode exists only in xsd/customer.xsd, not in the generated classes' annotations
        assertThrows(MarshalException.class, () -> ResponseSchemaCheck.check(lookup("Germany")));
        Message message = new MessageImpl();
        message.setContent(List.class, List.of(lookup("Germany")));
        Fault fault = assertThrows(Fault.class, () -> ResponseSchemaCheck.INSTANCE.handleMessage(message));
        assertTrue(fault.getMessage().contains("breaks the contract's schema"), fault.getMessage());
    }

    private static GetCustomersResponse lookup(String countryCode) {
        Address address = new Address();
        address.setType(AddressType.MAIN);
        address.setLine1("Hafenstrasse 1");
        address.setCity("Hamburg");
        address.setCountryCode(countryCode);
        CustomerData data = new CustomerData();
        data.setKind(CustomerKind.ORGANIZATION);
        data.setName("Nord Kavoti GmbH");
        data.getAddress().add(address);
        Customer customer = new Customer();
        customer.setId(7);
        customer.setVersion(0);
        customer.setData(data);
        customer.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        customer.setUpdatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        CustomerLookup lookup = new CustomerLookup();
        lookup.setId(7L);
        lookup.setCustomer(customer);
        GetCustomersResponse response = new GetCustomersResponse();
        response.getLookup().add(lookup);
        return response;
    }
}
