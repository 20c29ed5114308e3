package org.clientele.cases;

import jakarta.jws.WebService;
import org.jboss.ws.api.annotation.EndpointConfig;

/**
 * CaseService's X.509 port at /clientele/CaseServiceX509: SOAP 1.1 with the body signed and encrypted both ways, the caller
 * identified by its certificate (endpoint configuration Clientele-X509), published with its own small WSDL.
 */
@WebService(serviceName = "CaseServiceX509", portName = "CaseServiceX509",
        targetNamespace = "urn:clientele:crm:case:v1",
        wsdlLocation = "WEB-INF/wsdl/CaseServiceX509.wsdl",
        endpointInterface = "org.clientele.ws.cases.CasePortType")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-X509")
public class CaseEndpointX509 extends CaseEndpointSupport {
}
