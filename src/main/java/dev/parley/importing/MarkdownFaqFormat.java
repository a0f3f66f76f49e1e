package dev.parley.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.parley.knowledge.MarkdownText;

/**
 * Markdown documents with question and answer pairs ({@code --format markdown}): {@code Q:}/{@code A:} labels, a
 * heading ending in a question mark, or a line all in bold ending in one, each answered by what follows up to the
 * next question, heading or thematic break ({@link QuestionAnswerLines}). The answer is the document's Markdown as
 * written; the question and the excerpt are the text a reader sees of it ({@link MarkdownText}, no {@code **}), as
 * the seeds folder reads the copied file. The title is the first level-one heading that asks nothing. A document with
 * no pair is an error.
 *
 * <p>Detection: by name only, {@code .md} or {@code .markdown}; a page that starts as HTML is
 * {@link HtmlFaqFormat}'s whatever its name.
 */
public final class MarkdownFaqFormat implements FaqFormat {

    private static final Pattern LINK_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:[ \\t]*\\S.*$");
    private static final Pattern TITLE = Pattern.compile("(?m)^ {0,3}# +(.+?)(?: +#+)? *$|^(\\S.*)\\R=+ *$");

    @Override
    public String name() {
        return "markdown";
    }

    @Override
    public boolean recognises(Path file, String head) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".md") || name.endsWith(".markdown"))
                && !new HtmlFaqFormat().recognises(Path.of("page"), head);
    }

    @Override
    public FoundSource read(Path file) throws IOException {
        String document = Files.readString(file, StandardCharsets.UTF_8);
        // An answer may use a link defined elsewhere in the document; read alone it still needs the definition.
        String definitions = LINK_DEFINITION.matcher(document).results().map(m -> m.group())
                .collect(Collectors.joining("\n"));
        return DocumentPairs.found(file, name(), document, true, title(document), MarkdownText::of,
                answer -> MarkdownText.of(definitions.isEmpty() ? answer : answer + "\n\n" + definitions));
    }

    private static Optional<String> title(String document) {
        Matcher heading = TITLE.matcher(document);
        while (heading.find()) {
            String title = MarkdownText.of(heading.group(1) != null ? heading.group(1) : heading.group(2));
            if (!title.isEmpty() && !QuestionMarks.endsAsQuestion(title)) {
                return Optional.of(title);
            }
        }
        return Optional.empty();
    }
}
