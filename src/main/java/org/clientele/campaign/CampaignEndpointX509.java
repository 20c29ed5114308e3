package org.clientele.campaign;

import jakarta.jws.WebService;
import org.jboss.ws.api.annotation.EndpointConfig;

/**
 * CampaignService's X.509 port at /clientele/CampaignServiceX509: SOAP 1.1 with the body signed and encrypted both ways, the caller
 * identified by its certificate (endpoint configuration Clientele-X509), published with its own small WSDL.
 */
@WebService(serviceName = "CampaignServiceX509", portName = "CampaignServiceX509",
        targetNamespace = "urn:clientele:crm:campaign:v1",
        wsdlLocation = "WEB-INF/wsdl/CampaignServiceX509.wsdl",
        endpointInterface = "org.clientele.ws.campaign.CampaignPortType")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-X509")
public class CampaignEndpointX509 extends CampaignEndpointSupport {
}
