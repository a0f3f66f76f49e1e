package dev.parley.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What an intent file may hold, checked before and while it is parsed, so that an oversized file or value is
 * refused in milliseconds instead of filling the heap: a file over {@code parley.knowledge.max-file-size} is not
 * read at all; the YAML parser ({@link StrictYaml}) stops at as many code points, refuses aliases beyond a few and
 * nesting no intent needs; and each text has a bound of its own. The loader and curation's editor both parse through
 * here, so what a proposal reads back is what a reload will read.
 */
public final class IntentFileLimits {

    /** The longest answer, in characters: several screens of a chat window, far more than an FAQ answer needs. */
    public static final int MAX_ANSWER_LENGTH = 10_000;

    private final long maxFileBytes;

    /** Limits that allow files of up to {@code maxFileBytes} bytes. */
    public IntentFileLimits(long maxFileBytes) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("parley.knowledge.max-file-size must be positive, was " + maxFileBytes
                    + " bytes");
        }
        this.maxFileBytes = maxFileBytes;
    }

    /** Why {@code file} may not be read, from its size on disk alone; empty when it may. */
    public Optional<IntentProblem> sizeProblem(Path file) {
        try {
            return sizeProblem(file.toString(), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read intent file " + file, e);
        }
    }

    /** Why a text of {@code bytes} bytes may not stand in {@code file}; empty when it may. */
    public Optional<IntentProblem> sizeProblem(String file, long bytes) {
        if (bytes <= maxFileBytes) {
            return Optional.empty();
        }
        return Optional.of(new IntentProblem(file, "-", "is " + bytes + " bytes, more than the " + maxFileBytes
                + " an intent file may have (parley.knowledge.max-file-size)"));
    }

    /** The strict parser, within these limits: the one every intent file is read with. */
    public StrictYaml yaml() {
        // UTF-8 takes at least one byte per code point, so a file within the size has at most as many.
        return new StrictYaml((int) Math.min(Integer.MAX_VALUE, maxFileBytes));
    }

    /** Why a text value may not be used, when it is longer than {@code maxLength} characters; else empty. */
    static Optional<String> lengthProblem(String text, int maxLength) {
        int length = text.codePointCount(0, text.length());
        return length <= maxLength ? Optional.empty()
                : Optional.of("is " + length + " characters long, more than the " + maxLength + " allowed");
    }
}
