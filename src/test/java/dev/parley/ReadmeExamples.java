package dev.parley;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The curl requests of the README with the reply shown under each: a {@code # ...} comment after the command in a
 * {@code bash} block, or a {@code json} block right after it. Only curl commands to {@code localhost:8080} count.
 */
final class ReadmeExamples {

    private static final Pattern CURL_TO_THE_SERVER = Pattern.compile("(\\w+=\\$\\()?curl .*localhost:8080.*");

    /**
     * One command as the README shows it.
     *
     * @param command the command, its continuation lines joined
     * @param shown   the reply shown under it, a line each, without the leading {@code #}; empty when none is shown
     */
    record Example(String command, List<String> shown) {

        @Override
        public String toString() {
            return command;
        }
    }

    private ReadmeExamples() {
    }

    static List<Example> in(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var examples = new ArrayList<Example>();
        int lastBlockEnd = -1;
        for (int i = 0; i < lines.size(); i++) {
            // A block inside a list item is indented like the item's text: its fence and lines lose that indent.
            if (!lines.get(i).strip().startsWith("```")) {
                continue;
            }
            String language = lines.get(i).strip().substring(3).strip();
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
                end++;
            }
            List<String> body = lines.subList(i + 1, Math.min(end, lines.size())).stream().map(String::strip)
                    .toList();
            if (language.equals("bash")) {
                examples.addAll(commands(body));
            } else if (language.equals("json") && !examples.isEmpty() && i - lastBlockEnd <= 2) {
                // A json block right under a bash block is the reply of the block's last command.
                Example last = examples.get(examples.size() - 1);
                if (last.shown().isEmpty()) {
                    examples.set(examples.size() - 1, new Example(last.command(), List.copyOf(body)));
                }
            }
            lastBlockEnd = end;
            i = end;
        }
        return examples.stream().filter(example -> CURL_TO_THE_SERVER.matcher(example.command()).matches()).toList();
    }

    private static List<Example> commands(List<String> block) {
        var examples = new ArrayList<Example>();
        String command = null;
        var shown = new ArrayList<String>();
        for (int i = 0; i < block.size(); i++) {
            String line = block.get(i);
            if (line.startsWith("#")) {
                if (command != null) {
                    shown.add(line.replaceFirst("^# ?", ""));
                }
                continue;
            }
            if (command != null) {
                examples.add(new Example(command, List.copyOf(shown)));
                shown.clear();
            }
            var joined = new StringBuilder();
            while (line.endsWith("\\") && i + 1 < block.size()) {
                joined.append(line, 0, line.length() - 1).append(' ');
                line = block.get(++i).strip();
            }
            command = joined.append(line).toString().strip();
        }
        if (command != null) {
            examples.add(new Example(command, List.copyOf(shown)));
        }
        return examples.stream().filter(example -> !example.command().isEmpty()).toList();
    }

    /**
     * Splits a command line as a POSIX shell would: single quotes keep everything, double quotes expand
     * {@code $NAME} and take {@code \"}, an unquoted {@code |} is a word of its own, an unquoted {@code #} starts a
     * comment.
     */
    static List<String> words(String command, Map<String, String> variables) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'') {
                int close = command.indexOf('\'', i + 1);
                word.append(command, i + 1, close);
                i = close;
                inWord = true;
            } else if (c == '"') {
                for (i++; command.charAt(i) != '"'; i++) {
                    char d = command.charAt(i);
                    if (d == '\\' && "\"\\$".indexOf(command.charAt(i + 1)) >= 0) {
                        word.append(command.charAt(++i));
                    } else if (d == '$') {
                        i = expand(command, i, variables, word);
                    } else {
                        word.append(d);
                    }
                }
                inWord = true;
            } else if (c == '$') {
                i = expand(command, i, variables, word);
                inWord = true;
            } else if (c == '\\' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c) || c == '|') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if (c == '|') {
                    words.add("|");
                }
            } else if (c == '#' && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int expand(String command, int dollar, Map<String, String> variables, StringBuilder word) {
        int end = dollar + 1;
        while (end < command.length() && (Character.isLetterOrDigit(command.charAt(end))
                || command.charAt(end) == '_')) {
            end++;
        }
        String name = command.substring(dollar + 1, end);
        if (!variables.containsKey(name)) {
            throw new IllegalArgumentException("$" + name + " is set by no earlier example: " + command);
        }
        word.append(variables.get(name));
        return end - 1;
    }
}
