package org.clientele.customer;

import jakarta.jws.WebService;
import org.jboss.ws.api.annotation.EndpointConfig;

/**
 * CustomerService's X.509 port at /clientele/CustomerServiceX509: SOAP 1.1 with the body signed and encrypted both ways, the caller
 * identified by its certificate (endpoint configuration Clientele-X509), published with its own small WSDL.
 */
@WebService(serviceName = "CustomerServiceX509", portName = "CustomerServiceX509",
        targetNamespace = "urn:clientele:crm:customer:v1",
        wsdlLocation = "WEB-INF/wsdl/CustomerServiceX509.wsdl",
        endpointInterface = "org.clientele.ws.customer.CustomerPortType")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-X509")
public class CustomerEndpointX509 extends CustomerEndpointSupport {
}
