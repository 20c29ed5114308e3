package org.clientele.platform.security;

import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;

/**
 * Identifies the caller of an X.509 port by the certificate that signed the request. It runs after WSS4J has
 * decrypted the request, verified the signature and the certificate's trust (chain to a trusted certificate,
 * validity dates, and the configured CRL) and the WS-SecurityPolicy (signed Timestamp, Body signed and encrypted).
 * The signing certificate must itself be in the server's trust store under an alias {@code user:<name>} (written by
 * deploy/x509-trust-client.sh); {@code <name>} is an identity of the deployment's Elytron domain, whose roles the
 * caller gets — the same realm and roles as the UsernameToken ports. The principal and roles go into the exchange
 * where {@link org.clientele.platform.ws.Callers} reads them, so the SOAP edge checks roles per operation as for every
 * port. The signature value is the request's nonce ({@link DatabaseReplayCache#NONCE}): the edge records it in the
 * request's transaction, so a replayed message is refused on every node.
 */
public class X509CallerInInterceptor extends AbstractSoapInterceptor {
    private static final Logger LOG = Logger.getLogger(X509CallerInInterceptor.class.getName());
    private static final QName FAILED_AUTHENTICATION = new QName(WSConstants.WSSE_NS, "FailedAuthentication", "wsse");
    private static final String MESSAGE = "A security error was encountered when verifying the message";

    public X509CallerInInterceptor() {
        super(Phase.PRE_INVOKE);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        List<WSSecurityEngineResult> signatures = signatures(message);
        if (signatures.isEmpty()) {
            throw refused(message, "no verified X.509 signature");
        }
        X509Certificate signer = null;
        StringBuilder nonce = new StringBuilder("x509:");
        for (WSSecurityEngineResult r : signatures) {
            Object cert = r.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
            if (!(cert instanceof X509Certificate c) || (signer != null && !signer.equals(c))) {
                throw refused(message, "signatures by no or by several certificates");
            }
            signer = c;
            Object value = r.get(WSSecurityEngineResult.TAG_SIGNATURE_VALUE);
            if (value instanceof byte[] bytes) {
                nonce.append(Base64.getEncoder().encodeToString(bytes));
            }
        }
        String user = boundUser(message, signer);
        Set<String> roles = roles(message, user);
        message.getExchange().put(ElytronUsernameTokenCallbackHandler.PRINCIPAL, user);
        message.getExchange().put(ElytronUsernameTokenCallbackHandler.ROLES, roles);
        message.getExchange().put(DatabaseReplayCache.NONCE, nonce.toString());
    }

    private static List<WSSecurityEngineResult> signatures(SoapMessage message) {
        Object results = message.get(WSHandlerConstants.RECV_RESULTS);
        List<WSSecurityEngineResult> out = new java.util.ArrayList<>();
        if (results instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof WSHandlerResult handlerResult) {
                    List<WSSecurityEngineResult> signed = handlerResult.getActionResults().get(WSConstants.SIGN);
                    if (signed != null) {
                        out.addAll(signed);
                    }
                }
            }
        }
        return out;
    }

    private static String boundUser(SoapMessage message, X509Certificate signer) {
        String alias;
        try {
            alias = ServerKeys.current().trustStore().getCertificateAlias(signer);
        } catch (WSSecurityException | KeyStoreException e) {
            throw refused(message, "trust store unavailable: " + e.getMessage());
        }
        if (alias == null || !alias.startsWith(ServerKeys.USER_ALIAS_PREFIX)
                || alias.length() == ServerKeys.USER_ALIAS_PREFIX.length()) {
            throw refused(message, "certificate " + signer.getSubjectX500Principal() + " (serial "
                    + signer.getSerialNumber() + ") is not bound to an API user");
        }
        return alias.substring(ServerKeys.USER_ALIAS_PREFIX.length());
    }

    private static Set<String> roles(SoapMessage message, String user) {
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (domain == null) {
            throw refused(message, "no Elytron security domain is associated with this deployment");
        }
        try {
            RealmIdentity identity = domain.getIdentity(user);
            try {
                if (!identity.exists()) {
                    throw refused(message, "certificate bound to unknown API user " + user);
                }
                return new HashSet<>(identity.getAuthorizationIdentity().getAttributes()
                        .get(ElytronUsernameTokenCallbackHandler.ROLES_ATTRIBUTE));
            } finally {
                identity.dispose();
            }
        } catch (RealmUnavailableException e) {
            throw refused(message, "realm unavailable: " + e.getMessage());
        }
    }

    /** Refused like WSS4J refuses: the reason goes to the server log only. */
    private static SoapFault refused(SoapMessage message, String reason) {
        LOG.warning("X.509 request refused: " + reason);
        if (message.getVersion() instanceof Soap12) {
            SoapFault fault = new SoapFault(MESSAGE, message.getVersion().getSender());
            fault.addSubCode(FAILED_AUTHENTICATION);
            return fault;
        }
        return new SoapFault(MESSAGE, FAILED_AUTHENTICATION);
    }
}
