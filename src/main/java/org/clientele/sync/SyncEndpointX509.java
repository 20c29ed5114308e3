package org.clientele.sync;

import jakarta.jws.WebService;
import org.jboss.ws.api.annotation.EndpointConfig;

/**
 * SyncService's X.509 port at /clientele/SyncServiceX509: SOAP 1.1 with the body signed and encrypted both ways, the caller
 * identified by its certificate (endpoint configuration Clientele-X509), published with its own small WSDL.
 */
@WebService(serviceName = "SyncServiceX509", portName = "SyncServiceX509",
        targetNamespace = "urn:clientele:crm:sync:v1",
        wsdlLocation = "WEB-INF/wsdl/SyncServiceX509.wsdl",
        endpointInterface = "org.clientele.ws.sync.SyncPortType")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-X509")
public class SyncEndpointX509 extends SyncEndpointSupport {
}
