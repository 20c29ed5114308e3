package org.clientele.campaign;

import jakarta.jws.WebService;
import org.jboss.ws.api.annotation.EndpointConfig;

/** CampaignService's SOAP 1.1 port at /clientele/CampaignService, published with the contract's WSDL. */
@WebService(serviceName = "CampaignService", portName = "CampaignServiceSoap11",
        targetNamespace = "urn:clientele:crm:campaign:v1",
        wsdlLocation = "WEB-INF/wsdl/CampaignService.wsdl",
        endpointInterface = "org.clientele.ws.campaign.CampaignPortType")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-UsernameToken")
public class CampaignEndpoint extends CampaignEndpointSupport {
}
