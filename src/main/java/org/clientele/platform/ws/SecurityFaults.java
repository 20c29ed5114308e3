package org.clientele.platform.ws;

import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.SoapVersion;
import org.apache.cxf.message.Message;

/** WS-Security refusals raised by the edge, worded like WSS4J's own: the reason is never told to the caller. */
final class SecurityFaults {
    private static final QName INVALID_SECURITY = new QName(
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd", "InvalidSecurity", "wsse");
    private static final String MESSAGE = "A security error was encountered when verifying the message";

    private SecurityFaults() {
    }

    /** The fault for a replayed nonce. */
    static SoapFault replayed(Message message) {
        SoapVersion version = message instanceof SoapMessage soap ? soap.getVersion() : null;
        if (version instanceof Soap12) {
            SoapFault fault = new SoapFault(MESSAGE, version.getSender());
            fault.addSubCode(INVALID_SECURITY);
            return fault;
        }
        return new SoapFault(MESSAGE, INVALID_SECURITY);
    }
}
