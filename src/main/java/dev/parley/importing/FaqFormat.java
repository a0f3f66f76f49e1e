package dev.parley.importing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A kind of file site owners keep their FAQ in (a question/answer table, an FAQ page, a document with Q&A pairs, a
 * Rasa project), read into questions and answers.
 */
public interface FaqFormat {

    /** The name {@code --format} takes, lower case. */
    String name();

    /**
     * Whether {@code file} looks like this format, from its name and its first characters: how the import detects a
     * format when {@code --format} is not given.
     */
    boolean recognises(Path file, String head);

    /**
     * Reads the questions and answers of {@code file}.
     *
     * @throws IOException             when the file cannot be read
     * @throws IllegalArgumentException when the file is not of this format, saying what was expected
     */
    FoundSource read(Path file) throws IOException;
}
