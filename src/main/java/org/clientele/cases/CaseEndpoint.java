package org.clientele.cases;

import jakarta.jws.WebService;
import jakarta.xml.ws.soap.MTOM;
import org.apache.cxf.interceptor.OutFaultInterceptors;
import org.apache.cxf.interceptor.OutInterceptors;
import org.clientele.platform.ws.MtomOnlyForMtomRequestsOutInterceptor;
import org.jboss.ws.api.annotation.EndpointConfig;

/** CaseService's SOAP 1.1 port at /clientele/CaseService, published with the contract's WSDL; attachments travel as MTOM
 * (responses too, when the request was MTOM). */
@WebService(serviceName = "CaseService", portName = "CaseServiceSoap11",
        targetNamespace = "urn:clientele:crm:case:v1",
        wsdlLocation = "WEB-INF/wsdl/CaseService.wsdl",
        endpointInterface = "org.clientele.ws.cases.CasePortType")
@MTOM
@OutInterceptors(classes = MtomOnlyForMtomRequestsOutInterceptor.class)
@OutFaultInterceptors(classes = MtomOnlyForMtomRequestsOutInterceptor.class)
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-UsernameToken")
public class CaseEndpoint extends CaseEndpointSupport {
}
