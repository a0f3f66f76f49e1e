package dev.parley.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one format found in one source file.
 *
 * @param file    the file read; the import copies it into the seeds folder, where the intents it makes quote it
 * @param format  the format's name, as {@code --format} takes it
 * @param entries the questions and answers found, in the source's order
 * @param skipped what looked like an entry and was not taken, each with its reason, for the import's report
 * @param title   the document's own title (a page's {@code <title>}, a document's first heading), if it has one
 * @param url     where the document is published (a page's canonical link), if known
 */
public record FoundSource(Path file, String format, List<FoundFaq> entries, List<String> skipped,
                          Optional<String> title, Optional<String> url) {

    public FoundSource {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(format, "format must not be null");
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(title, "title must not be null (use Optional.empty())");
        Objects.requireNonNull(url, "url must not be null (use Optional.empty())");
    }
}
