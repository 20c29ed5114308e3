package org.clientele.platform.security;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.wss4j.PolicyBasedWSS4JInInterceptor;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * Hands WSS4J the server's X.509 key material ({@link ServerKeys}) for one request of an X.509 port, before the
 * WS-SecurityPolicy interceptor decrypts and verifies it: one crypto (server key pair + trust store) for decrypting
 * and for verifying the caller's signature, the key's alias and password for signing the response, the response
 * encrypted for the certificate that signed the request, RSA-SHA256 signatures required and used, and CRL checking
 * when a CRL is configured. Set on the
 * exchange so the response (and a fault) sees them too.
 */
public class X509KeysInInterceptor extends AbstractSoapInterceptor {
    /**
     * RSA-SHA256 signatures. WS-SecurityPolicy's Basic256Sha256 suite names RSA-SHA1 as its asymmetric signature (only
     * digests are SHA-256); Clientele requires and uses RSA-SHA256, as .NET's and Java EE stacks' Basic256Sha256 do.
     */
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    /** Encrypt the response for the certificate that signed the request. */
    static final String USE_REQUEST_SIGNATURE_CERT = "useReqSigCert";

    public X509KeysInInterceptor() {
        super(Phase.PRE_PROTOCOL);
        addBefore(PolicyBasedWSS4JInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        ServerKeys.Snapshot keys;
        try {
            keys = ServerKeys.current();
        } catch (WSSecurityException e) {
            throw new Fault(e);
        }
        Exchange exchange = message.getExchange();
        put(message, exchange, SecurityConstants.SIGNATURE_CRYPTO, keys.crypto());
        put(message, exchange, SecurityConstants.ENCRYPT_CRYPTO, keys.crypto());
        put(message, exchange, SecurityConstants.SIGNATURE_USERNAME, keys.alias());
        put(message, exchange, SecurityConstants.ENCRYPT_USERNAME, USE_REQUEST_SIGNATURE_CERT);
        put(message, exchange, SecurityConstants.CALLBACK_HANDLER, keys.passwords());
        put(message, exchange, SecurityConstants.ENABLE_REVOCATION, Boolean.toString(keys.revocation()));
        put(message, exchange, SecurityConstants.ASYMMETRIC_SIGNATURE_ALGORITHM, RSA_SHA256);
    }

    private static void put(SoapMessage message, Exchange exchange, String key, Object value) {
        message.put(key, value);
        exchange.put(key, value);
    }
}
