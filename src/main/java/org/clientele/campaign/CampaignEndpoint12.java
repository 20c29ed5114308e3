package org.clientele.campaign;

import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;
import org.jboss.ws.api.annotation.EndpointConfig;

/** CampaignService's SOAP 1.2 port at /clientele/CampaignService12, published with its own small WSDL. */
@WebService(serviceName = "CampaignService12", portName = "CampaignServiceSoap12",
        targetNamespace = "urn:clientele:crm:campaign:v1",
        wsdlLocation = "WEB-INF/wsdl/CampaignService12.wsdl",
        endpointInterface = "org.clientele.ws.campaign.CampaignPortType")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-UsernameToken")
public class CampaignEndpoint12 extends CampaignEndpointSupport {
}
