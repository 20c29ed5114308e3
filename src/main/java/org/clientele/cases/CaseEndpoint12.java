package org.clientele.cases;

import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.MTOM;
import org.apache.cxf.interceptor.OutFaultInterceptors;
import org.apache.cxf.interceptor.OutInterceptors;
import org.clientele.platform.ws.MtomOnlyForMtomRequestsOutInterceptor;
import jakarta.xml.ws.soap.SOAPBinding;
import org.jboss.ws.api.annotation.EndpointConfig;

/** CaseService's SOAP 1.2 port at /clientele/CaseService12, published with its own small WSDL; attachments travel as MTOM
 * (responses too, when the request was MTOM). */
@WebService(serviceName = "CaseService12", portName = "CaseServiceSoap12",
        targetNamespace = "urn:clientele:crm:case:v1",
        wsdlLocation = "WEB-INF/wsdl/CaseService12.wsdl",
        endpointInterface = "org.clientele.ws.cases.CasePortType")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@MTOM
@OutInterceptors(classes = MtomOnlyForMtomRequestsOutInterceptor.class)
@OutFaultInterceptors(classes = MtomOnlyForMtomRequestsOutInterceptor.class)
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-UsernameToken")
public class CaseEndpoint12 extends CaseEndpointSupport {
}
