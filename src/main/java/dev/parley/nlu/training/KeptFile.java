package dev.parley.nlu.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** How the training caches write a file: whole or not at all, so a start never reads half of one. */
final class KeptFile {

    private KeptFile() {
    }

    /** Writes {@code bytes} to {@code folder/name} through a temporary file moved into place in one step. */
    static void write(Path folder, String name, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, name, ".tmp");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary); // gone after the move; left behind only by a failed write
        }
    }
}
