package org.clientele.platform.ws;

import java.util.Locale;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Answers with MTOM/XOP only a client that sent an MTOM (multipart/related) request. An MTOM-enabled endpoint would
 * otherwise package every response, faults included, as multipart/related, which SOAP stacks without MTOM support
 * (PHP SoapClient, plain HTTP tools) cannot read; they get binary content inline as base64 instead.
 */
public class MtomOnlyForMtomRequestsOutInterceptor extends AbstractPhaseInterceptor<Message> {

    public MtomOnlyForMtomRequestsOutInterceptor() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(Message message) {
        Message request = message.getExchange() == null ? null : message.getExchange().getInMessage();
        Object type = request == null ? null : request.get(Message.CONTENT_TYPE);
        if (!(type instanceof String t) || !t.toLowerCase(Locale.ROOT).startsWith("multipart/related")) {
            message.put(Message.MTOM_ENABLED, Boolean.FALSE);
        }
    }
}
