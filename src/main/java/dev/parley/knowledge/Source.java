package dev.parley.knowledge;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an answer comes from: a document in {@code seeds/} and a passage quoted from it verbatim, and, optionally,
 * where a visitor can read that passage on the web.
 *
 * @param document file name of the seed document, e.g. {@code 000_14061bbafc9ccbc5.txt}
 * @param excerpt  the quoted passage the answer is drawn from
 * @param url      where this answer is published (the FAQ page, or its anchor, an import read it from), an http or
 *                 https URL ({@link SourceDocument#isWebLink}); it wins over the document's own {@code url}
 */
public record Source(String document, String excerpt, Optional<String> url) {
    public Source {
        Objects.requireNonNull(document, "document must not be null");
        Objects.requireNonNull(excerpt, "excerpt must not be null");
        Objects.requireNonNull(url, "url must not be null (use Optional.empty())");
        url.ifPresent(link -> {
            if (!SourceDocument.isWebLink(link)) {
                throw new IllegalArgumentException("url must be an http or https URL, was " + link);
            }
        });
    }

    /** A passage of a document, with no link of its own. */
    public Source(String document, String excerpt) {
        this(document, excerpt, Optional.empty());
    }

    /** The link a visitor follows to read this answer: the source's own, else its document's, if either has one. */
    public Optional<String> linkIn(SourceDocument document) {
        return url.or(document::url);
    }
}
