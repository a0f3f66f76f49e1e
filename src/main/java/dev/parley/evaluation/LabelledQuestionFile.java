package dev.parley.evaluation;

import dev.parley.nlu.training.LabelledQuestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code label<TAB>text} files, one question a line, the format of our held-out set and the public datasets. */
final class LabelledQuestionFile {

    private LabelledQuestionFile() {
    }

    static List<LabelledQuestion> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        var questions = new ArrayList<LabelledQuestion>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 2 || columns[0].isBlank() || columns[1].isBlank()) {
                throw new IllegalArgumentException(file + ":" + (i + 1)
                        + ": expected 'label<TAB>text', found " + columns.length + " column(s)");
            }
            questions.add(new LabelledQuestion(columns[0].strip(), columns[1].strip()));
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(file + ": holds no questions");
        }
        return questions;
    }
}
