package dev.parley.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question and answer pairs of a document, found line by line: a line labelled {@code Q:} or {@code Question:}
 * (any case, bold or not) answered by what follows, its {@code A:} or {@code Answer:} label dropped; in Markdown also
 * a heading or a line all in bold that ends in a question mark; in plain text without labels, a line of its own
 * (after a blank line) that ends in a question mark. An answer runs to the next question, and in Markdown to the next
 * heading or thematic break.
 *
 * <p>When a plain text document has labels, only its labelled lines ask: a line ending in a question mark inside an
 * answer is part of the answer.
 */
final class QuestionAnswerLines {

    /**
     * One pair as the document writes it.
     *
     * @param line     the question's line, from 1
     * @param question the question's source, its label or heading marks removed
     * @param answer   the answer's source lines, its label removed, blank lines at either end dropped
     */
    record Pair(int line, String question, String answer) {
    }

    private static final Pattern QUESTION_LABEL = Pattern.compile(
            "^\\s{0,3}(?:\\*\\*|__)?\\s*(?:q|question)\\s*[:：]\\s*(?:\\*\\*|__)?\\s*(.*?)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ANSWER_LABEL = Pattern.compile(
            "^\\s{0,3}(?:\\*\\*|__)?\\s*(?:a|answer)\\s*[:：]\\s*(?:\\*\\*|__)?\\s*(.*?)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // "Q: How? A: Like this." on one line.
    private static final Pattern ANSWER_ON_QUESTION_LINE = Pattern.compile(
            "^(.*?[?？؟])\\s*(?:\\*\\*|__)?\\s*(?:a|answer)\\s*[:：]\\s*(?:\\*\\*|__)?\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern THEMATIC_BREAK = Pattern.compile("^ {0,3}([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$");
    private static final Pattern BOLD_LINE = Pattern.compile("^\\s{0,3}(\\*\\*|__)(.+?)\\1\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final int MAX_QUESTION_LENGTH = 300;

    private enum Kind { BLANK, TEXT, QUESTION_LABEL, ANSWER_LABEL, HEADING, BOLD, BREAK, UNDERLINE }

    private record Line(Kind kind, String text, boolean asks) {
    }

    private QuestionAnswerLines() {
    }

    static List<Pair> pairs(String document, boolean markdown) {
        String[] source = document.split("\\R", -1);
        List<Line> lines = classify(source, markdown);
        boolean labelled = lines.stream().anyMatch(line -> line.kind() == Kind.QUESTION_LABEL);
        var pairs = new ArrayList<Pair>();
        for (int i = 0; i < lines.size(); i++) {
            if (!asks(lines, i, markdown, labelled)) {
                continue;
            }
            Line line = lines.get(i);
            var question = new StringBuilder(line.text());
            var answer = new ArrayList<String>();
            int next = i + 1;
            if (line.kind() == Kind.QUESTION_LABEL) {
                Matcher both = ANSWER_ON_QUESTION_LINE.matcher(line.text());
                if (both.matches()) {
                    question = new StringBuilder(both.group(1));
                    answer.add(both.group(2));
                } else {
                    // A labelled question may go on over lines until its answer or a blank line.
                    while (next < lines.size() && lines.get(next).kind() == Kind.TEXT) {
                        question.append(' ').append(source[next].strip());
                        next++;
                    }
                }
            }
            while (next < lines.size() && lines.get(next).kind() == Kind.UNDERLINE) {
                next++;
            }
            boolean first = answer.isEmpty();
            for (; next < lines.size() && !ends(lines, next, markdown, labelled); next++) {
                Line candidate = lines.get(next);
                if (first && candidate.kind() == Kind.ANSWER_LABEL) {
                    answer.add(candidate.text());
                    first = false;
                } else if (candidate.kind() != Kind.UNDERLINE) {
                    if (candidate.kind() != Kind.BLANK) {
                        first = false;
                    }
                    answer.add(source[next]);
                }
            }
            pairs.add(new Pair(i + 1, question.toString().strip(), String.join("\n", answer).strip()));
            i = next - 1;
        }
        return pairs;
    }

    /** The document's first line when it stands alone and asks nothing: a plain text document's title. */
    static Optional<String> firstLineTitle(String document) {
        String[] lines = document.strip().split("\\R", 3);
        if (lines.length < 2 || !lines[1].isBlank() || lines[0].length() > 150) {
            return Optional.empty();
        }
        String first = lines[0].strip();
        return QuestionMarks.endsAsQuestion(first) || QUESTION_LABEL.matcher(first).matches()
                ? Optional.empty() : Optional.of(first);
    }

    private static boolean asks(List<Line> lines, int i, boolean markdown, boolean labelled) {
        Line line = lines.get(i);
        if (line.kind() == Kind.QUESTION_LABEL) {
            return true;
        }
        if (!line.asks() || (!markdown && labelled)) {
            return false;
        }
        return markdown ? line.kind() == Kind.HEADING || line.kind() == Kind.BOLD
                : (i == 0 || lines.get(i - 1).kind() == Kind.BLANK) && line.text().length() <= MAX_QUESTION_LENGTH;
    }

    private static boolean ends(List<Line> lines, int i, boolean markdown, boolean labelled) {
        Kind kind = lines.get(i).kind();
        return asks(lines, i, markdown, labelled)
                || markdown && (kind == Kind.HEADING || kind == Kind.BREAK);
    }

    private static List<Line> classify(String[] source, boolean markdown) {
        var lines = new ArrayList<Line>(source.length);
        String fence = null;
        for (int i = 0; i < source.length; i++) {
            String text = source[i];
            if (markdown) {
                Matcher opening = FENCE.matcher(text);
                if (fence != null) {
                    if (opening.find() && opening.group(1).charAt(0) == fence.charAt(0)
                            && opening.group(1).length() >= fence.length() && text.strip().equals(opening.group(1))) {
                        fence = null;
                    }
                    lines.add(new Line(Kind.TEXT, text, false));
                    continue;
                }
                if (opening.find()) {
                    fence = opening.group(1);
                    lines.add(new Line(Kind.TEXT, text, false));
                    continue;
                }
            }
            lines.add(classify(source, i, markdown, lines));
        }
        return lines;
    }

    private static Line classify(String[] source, int i, boolean markdown, List<Line> before) {
        String text = source[i];
        if (text.isBlank()) {
            return new Line(Kind.BLANK, "", false);
        }
        Matcher label = QUESTION_LABEL.matcher(text);
        if (label.matches()) {
            return new Line(Kind.QUESTION_LABEL, unbold(label.group(1)), true);
        }
        label = ANSWER_LABEL.matcher(text);
        if (label.matches()) {
            return new Line(Kind.ANSWER_LABEL, label.group(1), false);
        }
        Matcher heading = ATX_HEADING.matcher(text);
        if (heading.matches()) {
            String title = heading.group(2) == null ? "" : heading.group(2);
            return new Line(markdown ? Kind.HEADING : Kind.TEXT, title, QuestionMarks.endsAsQuestion(title));
        }
        boolean afterBlank = i == 0 || before.get(i - 1).kind() == Kind.BLANK;
        if (markdown && before.size() == i && i > 0 && !afterBlank && SETEXT_UNDERLINE.matcher(text).matches()
                && before.get(i - 1).kind() == Kind.HEADING && before.get(i - 1).text() != null) {
            return new Line(Kind.UNDERLINE, "", false);
        }
        if (markdown && afterBlank && THEMATIC_BREAK.matcher(text).matches()) {
            return new Line(Kind.BREAK, "", false);
        }
        if (markdown && afterBlank && i + 1 < source.length && SETEXT_UNDERLINE.matcher(source[i + 1]).matches()) {
            String title = text.strip();
            return new Line(Kind.HEADING, title, QuestionMarks.endsAsQuestion(title));
        }
        Matcher bold = BOLD_LINE.matcher(text);
        if (bold.matches()) {
            String inner = bold.group(2).strip();
            return new Line(Kind.BOLD, inner, QuestionMarks.endsAsQuestion(inner));
        }
        return new Line(Kind.TEXT, text.strip(), QuestionMarks.endsAsQuestion(text));
    }

    // "**Q: How?**": the label's pattern takes the opening marks, the closing ones are left on the question.
    private static String unbold(String question) {
        return question.replaceFirst("\\s*(\\*\\*|__)$", "");
    }
}
