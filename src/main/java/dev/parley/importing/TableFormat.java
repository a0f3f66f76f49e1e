package dev.parley.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.parley.knowledge.IntentFileLimits;
import dev.parley.knowledge.SourceDocument;
import dev.parley.knowledge.TableText;
import dev.parley.text.Phrasing;
import dev.parley.text.UserText;

/**
 * A question/answer table, CSV or TSV as a spreadsheet exports it: a header row naming the question and answer
 * columns in any case (QnA Maker's and Azure question answering's Question, Answer, Source, Metadata, ...; other
 * columns are ignored), or, without one, rows of exactly a question and an answer (Dialogflow's knowledge CSV).
 * Rows whose answers are the same text (compared as {@link Phrasing#comparable}: case, punctuation and spacing do not
 * count) become one entry: the first row's question is its question, the others' its other questions. A source cell
 * that is an http or https URL is where that answer is published.
 */
final class TableFormat implements FaqFormat {

    private static final Set<String> QUESTION_COLUMNS = Set.of("question", "questions", "q", "query", "utterance",
            "utterances", "prompt");
    private static final Set<String> ANSWER_COLUMNS = Set.of("answer", "answers", "a", "response", "responses",
            "reply");
    private static final Set<String> URL_COLUMNS = Set.of("source", "sources", "url", "link", "page", "sourceurl");

    private final String name;
    private final char delimiter;
    private final Set<String> extensions;

    private TableFormat(String name, char delimiter, Set<String> extensions) {
        this.name = name;
        this.delimiter = delimiter;
        this.extensions = extensions;
    }

    static TableFormat csv() {
        return new TableFormat("csv", ',', Set.of("csv"));
    }

    static TableFormat tsv() {
        return new TableFormat("tsv", '\t', Set.of("tsv"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean recognises(Path file, String head) {
        String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && extensions.contains(fileName.substring(dot + 1));
    }

    /** Where the columns stand: indexes into a row, the url's -1 when there is none. */
    private record Columns(int question, int answer, int url, boolean header) {
    }

    @Override
    public FoundSource read(Path file) throws IOException {
        List<List<String>> rows = TableText.rows(file, delimiter);
        if (rows.stream().allMatch(row -> row.stream().allMatch(String::isBlank))) {
            throw new IllegalArgumentException("is empty: a question/answer table needs a header row naming its"
                    + " question and answer columns (Question,Answer), or rows of a question and an answer");
        }
        Columns columns = columns(rows.stream().filter(row -> !row.stream().allMatch(String::isBlank)).findFirst()
                .orElseThrow());
        var skipped = new ArrayList<String>();
        var questionRows = new HashMap<String, Integer>();
        var groups = new LinkedHashMap<String, Group>();
        boolean headerSeen = false;
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            int number = i + 1;
            if (row.stream().allMatch(String::isBlank)) {
                skipped.add("row " + number + ": blank");
                continue;
            }
            if (columns.header() && !headerSeen) {
                headerSeen = true;
                continue;
            }
            String question = cell(row, columns.question()).strip();
            String answer = cell(row, columns.answer()).strip();
            Optional<String> reason = problemWith(question, answer);
            if (reason.isPresent()) {
                skipped.add("row " + number + ": " + reason.get());
                continue;
            }
            Integer earlier = questionRows.putIfAbsent(Phrasing.comparable(question), number);
            if (earlier != null) {
                skipped.add("row " + number + ": repeats the question of row " + earlier + " ('" + question + "')");
                continue;
            }
            String url = cell(row, columns.url()).strip();
            groups.computeIfAbsent(sameAnswer(answer), key -> new Group(question, answer)).add(question,
                    SourceDocument.isWebLink(url) ? Optional.of(url) : Optional.empty());
        }
        List<FoundFaq> entries = groups.values().stream().map(Group::entry).toList();
        return new FoundSource(file, name, entries, skipped, Optional.empty(), Optional.empty());
    }

    private static Optional<String> problemWith(String question, String answer) {
        if (question.isEmpty()) {
            return Optional.of("no question");
        }
        if (answer.isEmpty()) {
            return Optional.of("no answer to '" + question + "'");
        }
        Optional<UserText.Problem> problem = UserText.problemWith(question, UserText.MAX_LENGTH);
        if (problem.isPresent()) {
            return Optional.of("the question " + problem.get().description());
        }
        int length = answer.codePointCount(0, answer.length());
        if (length > IntentFileLimits.MAX_ANSWER_LENGTH) {
            return Optional.of("the answer is " + length + " characters long, more than the "
                    + IntentFileLimits.MAX_ANSWER_LENGTH + " an answer may have");
        }
        return Optional.empty();
    }

    /** Two answers are one when they are the same words; an answer of no words (only signs) by its spaced text. */
    private static String sameAnswer(String answer) {
        String words = Phrasing.comparable(answer);
        return words.isEmpty() ? answer.replaceAll("\\s+", " ") : words;
    }

    private Columns columns(List<String> first) {
        int question = column(first, QUESTION_COLUMNS);
        int answer = column(first, ANSWER_COLUMNS);
        if (question >= 0 && answer >= 0) {
            return new Columns(question, answer, column(first, URL_COLUMNS), true);
        }
        if (question < 0 && answer < 0 && first.size() == 2) {
            return new Columns(0, 1, -1, false); // Dialogflow's knowledge CSV: question,answer, no header
        }
        String found = String.join(", ", first.stream().map(cell -> "'" + cell.strip() + "'").toList());
        if (question >= 0) {
            throw new IllegalArgumentException("names a question column but no answer column in its first row (found: "
                    + found + "); name it Answer");
        }
        if (answer >= 0) {
            throw new IllegalArgumentException("names an answer column but no question column in its first row (found: "
                    + found + "); name it Question");
        }
        throw new IllegalArgumentException("names no question and answer columns in its first row (found: " + found
                + "): name them Question and Answer, or give rows of exactly a question and an answer");
    }

    private static int column(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            if (names.contains(cell)) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(List<String> row, int index) {
        return index >= 0 && index < row.size() ? row.get(index) : "";
    }

    /** Rows sharing one answer. */
    private static final class Group {
        private final String question;
        private final String answer;
        private final List<String> others = new ArrayList<>();
        private Optional<String> url = Optional.empty();

        Group(String question, String answer) {
            this.question = question;
            this.answer = answer;
        }

        void add(String rowQuestion, Optional<String> rowUrl) {
            if (!rowQuestion.equals(question)) {
                others.add(rowQuestion);
            }
            if (url.isEmpty()) {
                url = rowUrl;
            }
        }

        FoundFaq entry() {
            return new FoundFaq(question, others, answer, answer, url);
        }
    }
}
