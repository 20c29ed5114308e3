package org.clientele.customer;

import jakarta.jws.WebService;
import org.jboss.ws.api.annotation.EndpointConfig;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;

/** CustomerService's SOAP 1.2 port at /clientele/CustomerService12, published with its own small WSDL. */
@WebService(serviceName = "CustomerService12", portName = "CustomerServiceSoap12",
        targetNamespace = "urn:clientele:crm:customer:v1",
        wsdlLocation = "WEB-INF/wsdl/CustomerService12.wsdl",
        endpointInterface = "org.clientele.ws.customer.CustomerPortType")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-UsernameToken")
public class CustomerEndpoint12 extends CustomerEndpointSupport {
}
