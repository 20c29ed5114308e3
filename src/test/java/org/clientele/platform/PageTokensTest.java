package org.clientele.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves page tokens round-trip and that any forged, altered, truncated or misapplied token is refused. */
class PageTokensTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    private final PageTokens tokens = new PageTokens(KEY);

    private static void assertInvalidToken(Runnable decode) {
        CrmException e = assertThrows(CrmException.class, decode::run);
        assertEquals(ErrorCode.VALIDATION, e.code());
        assertEquals("pageToken", e.field());
    }

    @Test
    void roundTripReturnsThePosition() {
        String token = tokens.encode("interactions", "42", List.of("2026-01-02T03:04:05Z", "17"));
        assertEquals(List.of("2026-01-02T03:04:05Z", "17"), tokens.decode(token, "interactions", "42", 2));
    }

    @Test
    void tokensAreUrlSafe() {
        String token = tokens.encode("customers", "name=a\nstatus=ACTIVE", List.of("123456789"));
        assertEquals(token, token.replaceAll("[^A-Za-z0-9_\\-.]", ""), "only base64url characters and one dot");
    }

    @Test
    void anotherInstanceWithTheSameKeyAcceptsTheToken() {
        // every cluster node builds its own PageTokens from the shared key
        String token = tokens.encode("customers", "q", List.of("5"));
        assertEquals(List.of("5"), new PageTokens(KEY.clone()).decode(token, "customers", "q", 1));
    }

    @Test
    void alteredPayloadIsRefused() {
        String token = tokens.encode("customers", "q", List.of("5"));
        String signature = token.substring(token.indexOf('.') + 1);
        String forgedBody = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8).replace("\n5", "\n6");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(forgedBody.getBytes(StandardCharsets.UTF_8))
                + "." + signature;
        assertNotEquals(token, forged);
        assertInvalidToken(() -> tokens.decode(forged, "customers", "q", 1));
    }

    @Test
    void alteredSignatureIsRefused() {
        String token = tokens.encode("customers", "q", List.of("5"));
        int dot = token.indexOf('.');
        byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        sig[0] ^= 1;
        String altered = token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        assertInvalidToken(() -> tokens.decode(altered, "customers", "q", 1));
    }

    @Test
    void truncatedTokensAreRefused() {
        String token = tokens.encode("customers", "q", List.of("5"));
        int dot = token.indexOf('.');
        assertInvalidToken(() -> tokens.decode(token.substring(0, token.length() - 3), "customers", "q", 1));
        assertInvalidToken(() -> tokens.decode(token.substring(0, dot + 1), "customers", "q", 1));
        assertInvalidToken(() -> tokens.decode(token.substring(0, dot), "customers", "q", 1));
        assertInvalidToken(() -> tokens.decode(token.substring(dot), "customers", "q", 1));
    }

    @Test
    void garbageIsRefused() {
        assertInvalidToken(() -> tokens.decode("not a token", "customers", "q", 1));
        assertInvalidToken(() -> tokens.decode("!!!.???", "customers", "q", 1));
        assertInvalidToken(() -> tokens.decode("", "customers", "q", 1));
        assertInvalidToken(() -> tokens.decode(null, "customers", "q", 1));
    }

    @Test
    void tokenOfAnotherScopeIsRefused() {
        String token = tokens.encode("interactions", "42", List.of("5"));
        assertInvalidToken(() -> tokens.decode(token, "customers", "42", 1));
    }

    @Test
    void tokenWithAnotherPositionShapeIsRefused() {
        String token = tokens.encode("customers", "q", List.of("5"));
        assertInvalidToken(() -> tokens.decode(token, "customers", "q", 2));
    }

    @Test
    void tokenOfAnotherQueryIsRefusedWithItsOwnMessage() {
        String token = tokens.encode("customers", "name=acme", List.of("5"));
        CrmException e = assertThrows(CrmException.class, () -> tokens.decode(token, "customers", "name=other", 1));
        assertEquals(ErrorCode.VALIDATION, e.code());
        assertEquals("pageToken", e.field());
        assertEquals(true, e.getMessage().contains("other filters"), e.getMessage());
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        String foreign = new PageTokens(OTHER_KEY).encode("customers", "q", List.of("5"));
        assertInvalidToken(() -> tokens.decode(foreign, "customers", "q", 1));
    }

    @Test
    void keysShorterThan256BitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PageTokens(Arrays.copyOf(KEY, 31)));
        assertThrows(IllegalArgumentException.class, () -> new PageTokens(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new PageTokens(null));
    }

    @Test
    void keyIsCopiedSoLaterChangesToTheArrayDoNotMatter() {
        byte[] key = KEY.clone();
        PageTokens own = new PageTokens(key);
        String token = own.encode("customers", "q", List.of("5"));
        Arrays.fill(key, (byte) 0);
        assertEquals(List.of("5"), own.decode(token, "customers", "q", 1));
    }

    @Test
    void nonCanonicalEncodingOfTheSameBytesIsRefused() {
        String token = tokens.encode("customers", "q", List.of("5"));
        // the last character carries unused low bits: another character may decode to the very same bytes
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (char) (last ^ 1);
        assertThrows(CrmException.class, () -> tokens.decode(altered, "customers", "q", 1));
    }
}
