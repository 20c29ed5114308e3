package org.clientele.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless keyset page tokens: the position after the last row of a page, bound to the query (its scope
 * and filters) and signed with HMAC-SHA256, so a client can neither forge nor alter one and no server-side
 * cursor has to be kept or can expire.
 */
public final class PageTokens {
    private static final String VERSION = "p1";
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final byte[] key;

    public PageTokens(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("page token key must have at least 256 bits");
        }
        this.key = key.clone();
    }

    /** A token for the position after {@code position}, valid only for the same scope and query. */
    public String encode(String scope, String query, List<String> position) {
        StringBuilder payload = new StringBuilder(VERSION).append('\n').append(scope).append('\n').append(digest(query));
        for (String p : position) {
            payload.append('\n').append(p);
        }
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENC.encodeToString(body) + "." + ENC.encodeToString(mac(body));
    }

    /** The position a token carries; VALIDATION when it is malformed, altered, or from another query. */
    public List<String> decode(String token, String scope, String query, int positionParts) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw invalid();
        }
        byte[] body;
        byte[] signature;
        try {
            body = DEC.decode(token.substring(0, dot));
            signature = DEC.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // only the canonical encoding is accepted, so not even the unused bits of the last character can change
        if (!MessageDigest.isEqual(mac(body), signature) || !token.equals(ENC.encodeToString(body) + "." + ENC.encodeToString(signature))) {
            throw invalid();
        }
        List<String> parts = Arrays.asList(new String(body, StandardCharsets.UTF_8).split("\n", -1));
        if (parts.size() != 3 + positionParts || !VERSION.equals(parts.get(0)) || !scope.equals(parts.get(1))) {
            throw invalid();
        }
        if (!digest(query).equals(parts.get(2))) {
            throw CrmException.validation("pageToken", "The page token belongs to a query with other filters; send the same filters as on the first page");
        }
        return parts.subList(3, parts.size());
    }

    private static CrmException invalid() {
        return CrmException.validation("pageToken", "The page token is not valid (it was altered or not issued by Clientele)");
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String digest(String query) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return ENC.encodeToString(Arrays.copyOf(d, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
