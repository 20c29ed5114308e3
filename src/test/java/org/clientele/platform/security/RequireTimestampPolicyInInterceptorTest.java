package org.clientele.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.soap.SOAPMessage;
import java.io.StringReader;
import java.lang.reflect.Field;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.saaj.SAAJInInterceptor;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.staxutils.StaxUtils;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class RequireTimestampPolicyInInterceptorTest {
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    @Test
    void bodyFilledInKeyIsTheOneCxfsSaajInterceptorReads() throws Exception {
        Field field = SAAJInInterceptor.class.getDeclaredField("BODY_FILLED_IN");
        field.setAccessible(true);
        assertEquals(field.get(null), RequireTimestampPolicyInInterceptor.BODY_FILLED_IN,
                "CXF renamed the key by which SAAJInInterceptor skips copying the body");
    }

    @Test
    void wss4jGetsTheHeadersAndTheBodyStaysTheRequestsStream() throws Exception {
        // what CXF's ReadHeadersInterceptor leaves: the headers as a DOM, the reader inside the body
        Document headers = StaxUtils.read(new StringReader(
                "<soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'><soap:Header>"
                        + "<wsse:Security xmlns:wsse='" + WSSE + "'><wsse:UsernameToken><wsse:Username>erp</wsse:Username>"
                        + "</wsse:UsernameToken></wsse:Security></soap:Header><soap:Body/></soap:Envelope>"));
        XMLStreamReader body = StaxUtils.createXMLStreamReader(new StringReader(
                "<getCustomers xmlns='urn:clientele:crm:customer:v1'><customerId>7</customerId></getCustomers>"));
        body.nextTag();
        SoapMessage message = new SoapMessage(new MessageImpl());
        message.setVersion(Soap11.getInstance());
        message.setContent(Node.class, headers);
        message.setContent(XMLStreamReader.class, body);

        RequireTimestampPolicyInInterceptor.headersOnly(message);

        SOAPMessage saaj = message.getContent(SOAPMessage.class);
        assertNotNull(saaj);
        Element security = (Element) saaj.getSOAPHeader().getElementsByTagNameNS(WSSE, "Security").item(0);
        assertNotNull(security, "the wsse:Security header is in the SAAJ message WSS4J reads");
        assertEquals("erp", security.getElementsByTagNameNS(WSSE, "Username").item(0).getTextContent());
        assertEquals(0, saaj.getSOAPBody().getChildNodes().getLength(), "the body is not copied");
        assertTrue(Boolean.TRUE.equals(message.get(RequireTimestampPolicyInInterceptor.BODY_FILLED_IN)));
        assertSame(body, message.getContent(XMLStreamReader.class), "JAXB reads the request's own stream");
        assertEquals(XMLStreamConstants.START_ELEMENT, body.getEventType());
        assertEquals("getCustomers", body.getLocalName());

        // CXF's own SAAJ step (which WSS4J calls) now leaves the body alone
        SAAJInInterceptor.INSTANCE.handleMessage(message);
        assertEquals(0, message.getContent(SOAPMessage.class).getSOAPBody().getChildNodes().getLength());
        assertSame(body, message.getContent(XMLStreamReader.class));
    }
}
