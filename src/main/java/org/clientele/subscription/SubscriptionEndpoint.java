package org.clientele.subscription;

import jakarta.jws.WebService;

import org.jboss.ws.api.annotation.EndpointConfig;

/** SubscriptionService's SOAP 1.1 port at /clientele/SubscriptionService, published with the contract's WSDL. */
@WebService(serviceName = "SubscriptionService", portName = "SubscriptionServiceSoap11",
        targetNamespace = "urn:clientele:crm:subscription:v1",
        wsdlLocation = "WEB-INF/wsdl/SubscriptionService.wsdl",
        endpointInterface = "org.clientele.ws.subscription.SubscriptionPortType")

@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-UsernameToken")
public class SubscriptionEndpoint extends SubscriptionEndpointSupport {
}
