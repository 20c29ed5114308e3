package org.clientele.sync;

import jakarta.jws.WebService;
import org.jboss.ws.api.annotation.EndpointConfig;

/** SyncService's SOAP 1.1 port at /clientele/SyncService, published with the contract's WSDL. */
@WebService(serviceName = "SyncService", portName = "SyncServiceSoap11",
        targetNamespace = "urn:clientele:crm:sync:v1",
        wsdlLocation = "WEB-INF/wsdl/SyncService.wsdl",
        endpointInterface = "org.clientele.ws.sync.SyncPortType")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-UsernameToken")
public class SyncEndpoint extends SyncEndpointSupport {
}
