package org.clientele.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;

/**
 * Reads an uploaded attachment's bytes while computing their SHA-256, and stops as soon as they exceed the size
 * limit (it never reads more than limit + 1 bytes), so an oversized upload cannot exhaust memory.
 */
public record BoundedContent(byte[] bytes, String sha256) {

    /** The system property with the attachment size limit in bytes. */
    public static final String MAX_BYTES_PROPERTY = "clientele.case.attachment.max-bytes";
    /** The default limit: 10 MiB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    /** The configured limit; IllegalArgumentException with the property's name when it is not a positive number. */
    public static long maxBytes() {
        String value = System.getProperty(MAX_BYTES_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_BYTES;
        }
        try {
            long max = Long.parseLong(value.trim());
            if (max > 0 && max < Integer.MAX_VALUE - 8) {
                return max;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("System property " + MAX_BYTES_PROPERTY + "=" + value
                + " is not valid: expected a number of bytes between 1 and 2147483638, e.g. 10485760");
    }

    /** Reads the stream up to {@code maxBytes}; LIMIT_EXCEEDED (field content) when there is more. */
    public static BoundedContent read(InputStream in, long maxBytes) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes + 1, 64 * 1024));
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - total))) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new CrmException(ErrorCode.LIMIT_EXCEEDED, "An attachment may have at most " + maxBytes
                        + " bytes; this one has more. Nothing was stored.", "content");
            }
            sha.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        return new BoundedContent(out.toByteArray(), HexFormat.of().formatHex(sha.digest()));
    }
}
