package org.clientele.subscription;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outbound passwords sealed with the server's key file: readable back on this node only with the same file. */
class SealedPasswordsTest {

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheKeyFile() {
        System.clearProperty("clientele.outbound.keyFile");
    }

    @Test
    void aSealedPasswordOpensWithTheSameKeyFileAndShowsNothingOfThePassword() {
        System.setProperty("clientele.outbound.keyFile", dir.resolve("outbound.key").toString());
        SealedPasswords passwords = new SealedPasswords();
        String sealed = passwords.seal("listener-Secret-1");
        assertFalse(sealed.contains("listener"), sealed);
        assertNotEquals(sealed, passwords.seal("listener-Secret-1"), "a fresh nonce per seal");
        assertEquals("listener-Secret-1", passwords.open(sealed));
        assertEquals("listener-Secret-1", new SealedPasswords().open(sealed), "another instance reads the same file");
    }

    @Test
    void theKeyFileIsCreatedReadableByTheServerUserOnlyAndReused() throws Exception {
        Path file = dir.resolve("outbound.key");
        byte[] key = SealedPasswords.loadOrCreate(file);
        assertEquals(32, key.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(key, SealedPasswords.loadOrCreate(file));
    }

    @Test
    void anotherKeyFileCannotOpenIt() {
        System.setProperty("clientele.outbound.keyFile", dir.resolve("a.key").toString());
        String sealed = new SealedPasswords().seal("secret");
        System.setProperty("clientele.outbound.keyFile", dir.resolve("b.key").toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SealedPasswords().open(sealed));
        assertFalse(e.getMessage().contains("secret"));
    }
}
