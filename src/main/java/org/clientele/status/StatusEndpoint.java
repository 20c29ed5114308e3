package org.clientele.status;

import jakarta.jws.WebService;
import org.jboss.ws.api.annotation.EndpointConfig;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.clientele.ws.status.Ping;
import org.clientele.ws.status.PingResponse;
import org.clientele.ws.status.StatusPortType;

/** StatusService's SOAP 1.1 port: the unsecured liveness check (and the benchmark's baseline). */
@WebService(serviceName = "StatusService", portName = "StatusServiceSoap11",
        targetNamespace = "urn:clientele:crm:status:v1",
        wsdlLocation = "WEB-INF/wsdl/StatusService.wsdl",
        endpointInterface = "org.clientele.ws.status.StatusPortType")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "Clientele-Unsecured")
public class StatusEndpoint implements StatusPortType {
    /** The API version reported by ping. */
    public static final String API_VERSION = "1.0.0";

    @Override
    public PingResponse ping(Ping request) {
        return pong();
    }

    static PingResponse pong() {
        PingResponse response = new PingResponse();
        response.setVersion(API_VERSION);
        response.setServerTime(OffsetDateTime.now(ZoneOffset.UTC));
        return response;
    }
}
