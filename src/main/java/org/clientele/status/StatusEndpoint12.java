package org.clientele.status;

import jakarta.jws.WebService;
import org.jboss.ws.api.annotation.EndpointConfig;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;
import org.clientele.ws.status.Ping;
import org.clientele.ws.status.PingResponse;
import org.clientele.ws.status.StatusPortType;

/** StatusService's SOAP 1.2 port at /clientele/StatusService12. */
@WebService(serviceName = "StatusService12", portName = "StatusServiceSoap12",
        targetNamespace = "urn:clientele:crm:status:v1",
        wsdlLocation = "WEB-INF/wsdl/StatusService12.wsdl",
        endpointInterface = "org.clientele.ws.status.StatusPortType")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-Unsecured")
public class StatusEndpoint12 implements StatusPortType {

    @Override
    public PingResponse ping(Ping request) {
        return StatusEndpoint.pong();
    }
}
