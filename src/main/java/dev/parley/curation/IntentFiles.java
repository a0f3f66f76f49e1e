package dev.parley.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;

import dev.parley.knowledge.IntentFileLimits;
import dev.parley.knowledge.IntentProblem;
import dev.parley.knowledge.InvalidKnowledgeException;

/**
 * The intent files on disk, read and replaced whole. A replacement is written to a temporary file beside the original
 * and moved over it, so a reader (a reload, an editor, a crash) sees the old file or the new one, never half of one.
 */
final class IntentFiles {

    private final Path folder;
    private final IntentFileLimits limits;

    IntentFiles(Path folder, IntentFileLimits limits) {
        this.folder = folder;
        this.limits = limits;
    }

    /** Whether intent {@code id} has a file of its own (Parley's bundled talk-to-a-person has none). */
    boolean hasFile(String id) {
        return List.of(".yaml", ".yml").stream().anyMatch(extension -> Files.isRegularFile(folder.resolve(id + extension)));
    }

    /** The file that holds intent {@code id}, as the loader names it. */
    Path fileOf(String id) {
        for (String extension : List.of(".yaml", ".yml")) {
            Path file = folder.resolve(id + extension);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new InvalidKnowledgeException(List.of(new IntentProblem(folder.resolve(id + ".yaml").toString(), "-",
                "no longer exists, though the model in service knows the intent; reload first")));
    }

    /** The file's bytes, unless it is larger than an intent file may be: then it is not read. */
    byte[] read(Path file) {
        limits.sizeProblem(file).ifPresent(tooLarge -> {
            throw new InvalidKnowledgeException(List.of(tooLarge));
        });
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read intent file " + file, e);
        }
    }

    /** The bytes as UTF-8 text; bytes that are no UTF-8 are a problem of the file, not something to guess at. */
    String text(Path file, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidKnowledgeException(List.of(new IntentProblem(file.toString(), "-",
                    "is not UTF-8 text")));
        }
    }

    /** Replaces the file's content atomically, keeping its permissions. */
    void replace(Path file, byte[] content) {
        Path temporary = null;
        try {
            // Named .*.tmp: the loader reads only *.yaml and *.yml, so it never sees the half-written file.
            temporary = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp");
            Files.write(temporary, content);
            keepPermissions(file, temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write intent file " + file, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    // A temporary file is created readable by its owner only; the intent file may be meant for a group to edit.
    private static void keepPermissions(Path original, Path copy) throws IOException {
        var originalView = Files.getFileAttributeView(original, PosixFileAttributeView.class);
        var copyView = Files.getFileAttributeView(copy, PosixFileAttributeView.class);
        if (originalView != null && copyView != null) {
            copyView.setPermissions(originalView.readAttributes().permissions());
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // Nothing reads .tmp files; a leftover one is harmless and says where it came from.
        }
    }
}
