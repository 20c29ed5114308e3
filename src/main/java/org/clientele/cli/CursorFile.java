package org.clientele.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A change-feed cursor kept in a file: one line, replaced atomically, so a crash leaves the old or the new one. */
final class CursorFile {
    private CursorFile() {
    }

    static String read(Path file) throws IOException {
        try {
            String cursor = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (cursor.isEmpty()) {
                throw new CliException(ClienteleCli.EXIT_USAGE, file + " holds no cursor");
            }
            return cursor;
        } catch (NoSuchFileException e) {
            throw new CliException(ClienteleCli.EXIT_USAGE, "no cursor file " + file
                    + "; `clientele export customers --out FILE` writes one (FILE.cursor)");
        }
    }

    static void write(Path file, String cursor) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, cursor + System.lineSeparator(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
