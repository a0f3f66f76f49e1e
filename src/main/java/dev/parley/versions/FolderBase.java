package dev.parley.versions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge version an intent folder was taken from, kept in the folder itself ({@value #FILE_NAME}, which the
 * loader does not read: it is not a {@code .yaml} or {@code .yml} file): written when the folder's files are
 * published or found to be the version in service, and into every download of a version, so that it stays with the
 * files (a copy made with a shell glob, or a repository that ignores it, leaves it behind). It is what lets a reload
 * tell the folder's own edits from the changes published since, file by file ({@link FilesBehind}).
 */
final class FolderBase {

    /** The file's name in the intents folder, and in a download's {@code intents/}. */
    static final String FILE_NAME = ".parley-base";

    private static final Logger log = LoggerFactory.getLogger(FolderBase.class);
    private static final Pattern VERSION = Pattern.compile("[0-9a-f]{64}");

    private FolderBase() {
    }

    /** The version named in {@code intentsFolder}, if it holds a readable marker naming one. */
    static Optional<String> readFrom(Path intentsFolder) {
        Path file = intentsFolder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            // a marker is a few dozen bytes: anything larger is not one, and is not read whole
            if (Files.size(file) > 4096) {
                log.warn("Ignoring {}: not a knowledge version marker", file);
                return Optional.empty();
            }
            Optional<String> version = Files.readString(file, StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).findFirst()
                    .filter(line -> VERSION.matcher(line).matches());
            if (version.isEmpty()) {
                log.warn("Ignoring {}: it names no knowledge version", file);
            }
            return version;
        } catch (IOException e) {
            log.warn("Ignoring {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Records in {@code intentsFolder} that it holds {@code version}, replacing the marker at once (a reader sees the
     * old one or the new, never a part). A folder that cannot be written (a read-only image) is left without a marker
     * rather than with one naming an older version: its reloads are then judged by what the versions published tell
     * ({@link FilesBehind}).
     */
    static void writeTo(Path intentsFolder, String version) {
        Path file = intentsFolder.resolve(FILE_NAME);
        if (readFrom(intentsFolder).filter(version::equals).isPresent()) {
            return;
        }
        Path draft = null;
        try {
            draft = Files.createTempFile(intentsFolder, FILE_NAME, ".draft");
            Files.write(draft, content(version));
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not record the knowledge version of the intent files in {}: {}", file, e.getMessage());
            deleteQuietly(draft);
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove {}, which may name an older version than the files hold: {}", file,
                    e.getMessage());
        }
    }

    /** The marker's bytes for {@code version}. */
    static byte[] content(String version) {
        return ("# The knowledge version these files were taken from, written by Parley: a reload publishes the\n"
                + "# changes made to them since, and refuses files that would undo a version published after it.\n"
                + version + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
