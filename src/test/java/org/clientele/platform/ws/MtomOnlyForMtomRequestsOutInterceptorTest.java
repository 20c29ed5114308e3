package org.clientele.platform.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;

/** MTOM responses only for MTOM requests. */
class MtomOnlyForMtomRequestsOutInterceptorTest {

    private static Message response(String requestContentType) {
        Exchange exchange = new ExchangeImpl();
        Message in = new MessageImpl();
        in.put(Message.CONTENT_TYPE, requestContentType);
        exchange.setInMessage(in);
        Message out = new MessageImpl();
        out.setExchange(exchange);
        exchange.setOutMessage(out);
        new MtomOnlyForMtomRequestsOutInterceptor().handleMessage(out);
        return out;
    }

    @Test
    void plainRequestsGetPlainResponses() {
        assertEquals(Boolean.FALSE, response("text/xml; charset=UTF-8").get(Message.MTOM_ENABLED));
        assertEquals(Boolean.FALSE, response("application/soap+xml; action=\"x\"").get(Message.MTOM_ENABLED));
        assertEquals(Boolean.FALSE, response(null).get(Message.MTOM_ENABLED));
    }

    @Test
    void mtomRequestsKeepTheEndpointsMtom() {
        assertNull(response("Multipart/Related; type=\"application/xop+xml\"; boundary=\"uuid:1\"").get(Message.MTOM_ENABLED));
    }
}
