package org.clientele.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.junit.jupiter.api.Test;

/** Reading uploads: bytes and SHA-256 as sent, LIMIT_EXCEEDED above the limit without reading much past it. */
class BoundedContentTest {

    @Test
    void readsTheBytesAndTheirSha256() throws Exception {
        byte[] data = "hello, case".getBytes(StandardCharsets.UTF_8);
        BoundedContent c = BoundedContent.read(new ByteArrayInputStream(data), data.length);
        assertArrayEquals(data, c.bytes());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)), c.sha256());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                BoundedContent.read(new ByteArrayInputStream(new byte[0]), 10).sha256());
    }

    @Test
    void stopsAtLimitPlusOneByte() {
        long[] served = {0};
        // an endless stream: reading it whole would never end
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 7;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                served[0] += len;
                return len;
            }
        };
        CrmException e = assertThrows(CrmException.class, () -> BoundedContent.read(endless, 1000));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals("content", e.field());
        assertEquals(1001, served[0]);
    }

    @Test
    void theLimitComesFromASystemPropertyWithADefaultOf10MiB() throws IOException {
        String before = System.getProperty(BoundedContent.MAX_BYTES_PROPERTY);
        try {
            System.clearProperty(BoundedContent.MAX_BYTES_PROPERTY);
            assertEquals(10_485_760L, BoundedContent.maxBytes());
            System.setProperty(BoundedContent.MAX_BYTES_PROPERTY, "2048");
            assertEquals(2048L, BoundedContent.maxBytes());
            System.setProperty(BoundedContent.MAX_BYTES_PROPERTY, "ten megabytes");
            assertTrue(assertThrows(IllegalArgumentException.class, BoundedContent::maxBytes).getMessage()
                    .contains(BoundedContent.MAX_BYTES_PROPERTY));
            System.setProperty(BoundedContent.MAX_BYTES_PROPERTY, "0");
            assertThrows(IllegalArgumentException.class, BoundedContent::maxBytes);
        } finally {
            if (before == null) {
                System.clearProperty(BoundedContent.MAX_BYTES_PROPERTY);
            } else {
                System.setProperty(BoundedContent.MAX_BYTES_PROPERTY, before);
            }
        }
        assertEquals(3, BoundedContent.read(new ByteArrayInputStream(new byte[3]), 3).bytes().length, "exactly the limit is fine");
    }
}
