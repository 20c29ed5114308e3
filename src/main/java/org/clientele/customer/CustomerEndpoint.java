package org.clientele.customer;

import jakarta.jws.WebService;
import org.jboss.ws.api.annotation.EndpointConfig;

/** CustomerService's SOAP 1.1 port at /clientele/CustomerService, published with the contract's WSDL. */
@WebService(serviceName = "CustomerService", portName = "CustomerServiceSoap11",
        targetNamespace = "urn:clientele:crm:customer:v1",
        wsdlLocation = "WEB-INF/wsdl/CustomerService.wsdl",
        endpointInterface = "org.clientele.ws.customer.CustomerPortType")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-UsernameToken")
public class CustomerEndpoint extends CustomerEndpointSupport {
}
