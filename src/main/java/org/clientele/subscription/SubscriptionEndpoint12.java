package org.clientele.subscription;

import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;
import org.jboss.ws.api.annotation.EndpointConfig;

/** SubscriptionService's SOAP 1.2 port at /clientele/SubscriptionService12, published with the contract's WSDL. */
@WebService(serviceName = "SubscriptionService12", portName = "SubscriptionServiceSoap12",
        targetNamespace = "urn:clientele:crm:subscription:v1",
        wsdlLocation = "WEB-INF/wsdl/SubscriptionService12.wsdl",
        endpointInterface = "org.clientele.ws.subscription.SubscriptionPortType")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-UsernameToken")
public class SubscriptionEndpoint12 extends SubscriptionEndpointSupport {
}
