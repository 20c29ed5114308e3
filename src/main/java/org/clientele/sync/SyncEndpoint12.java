package org.clientele.sync;

import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;
import org.jboss.ws.api.annotation.EndpointConfig;

/** SyncService's SOAP 1.2 port at /clientele/SyncService12, published with its own small WSDL. */
@WebService(serviceName = "SyncService12", portName = "SyncServiceSoap12",
        targetNamespace = "urn:clientele:crm:sync:v1",
        wsdlLocation = "WEB-INF/wsdl/SyncService12.wsdl",
        endpointInterface = "org.clientele.ws.sync.SyncPortType")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-UsernameToken")
public class SyncEndpoint12 extends SyncEndpointSupport {
}
