package org.clientele.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.wss4j.common.cache.ReplayCache;

/**
 * The WS-Security nonce replay cache as WSS4J sees it. WSS4J asks {@link #contains} while it verifies a UsernameToken;
 * here that only hands the nonce to the request (exchange key {@link #NONCE}) and answers "not seen": the SOAP edge
 * records it in table ws_nonce inside the request's one database transaction ({@link NonceLedger}), where the primary
 * key refuses a replay on every node and after restarts. A request whose nonce is never recorded never reached the
 * edge, so it read and wrote nothing.
 */
public final class DatabaseReplayCache implements ReplayCache {
    /** Exchange key of the nonce of the request's UsernameToken. */
    public static final String NONCE = "org.clientele.security.nonce";
    /** Longer than the oldest UsernameToken Created (300 s) plus the allowed clock skew that WSS4J accepts. */
    static final Duration RETENTION = Duration.ofMinutes(15);

    @Override
    public boolean contains(String identifier) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        if (message == null || message.getExchange() == null) {
            return true; // not within a request: nothing could record the nonce, so refuse
        }
        message.getExchange().put(NONCE, identifier);
        return false;
    }

    @Override
    public void add(String identifier) {
        // recorded by the edge in the request's transaction
    }

    @Override
    public void add(String identifier, Instant expiry) {
        // recorded by the edge in the request's transaction
    }

    @Override
    public void close() {
        // nothing held
    }

    static String hash(String nonce) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(nonce.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
