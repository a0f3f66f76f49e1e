package dev.parley.knowledge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a document in {@code seeds/} is named to visitors: its title, and a link to where it is published, if any, as
 * the index file {@value SeedDocuments#INDEX_FILE} gives them. A document the index leaves out is
 * {@linkplain #untitled(String) titled after its file name}, so a knowledge base without an index still starts.
 *
 * @param name  the file name in {@code seeds/}, which intents' sources name ({@code 000_14061bbafc9ccbc5.txt})
 * @param title what visitors see instead of the file name: one line of at most {@value #MAX_TITLE_LENGTH} characters
 * @param url   where the document can be read, an absolute http or https URL; empty when it has none
 */
public record SourceDocument(String name, String title, Optional<String> url) {

    /** The longest title, in characters: a title is a line, not the document's first paragraph. */
    public static final int MAX_TITLE_LENGTH = 200;

    public SourceDocument {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(url, "url must not be null (use Optional.empty())");
        url.ifPresent(link -> {
            if (!isWebLink(link)) {
                throw new IllegalArgumentException("url must be an http or https URL, was " + link);
            }
        });
    }

    /**
     * The document as shown when the index gives it no title: its file name without extension, with underscores and
     * hyphens as spaces ({@code un-treaty_bodies.txt} reads "Un treaty bodies"), and no link.
     */
    public static SourceDocument untitled(String name) {
        String words = name.replaceFirst("\\.[^.]*$", "").replaceAll("[_\\-\\s]+", " ").strip();
        if (words.isEmpty()) {
            words = name;
        }
        String title = words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
        return new SourceDocument(name, title, Optional.empty());
    }

    /**
     * Whether a link may be given to visitors: an absolute http or https URL with a host. Anything else
     * ({@code javascript:}, {@code data:}, a relative path) could run script or lead nowhere on a host page.
     */
    public static boolean isWebLink(String text) {
        if (text == null || text.isBlank() || !text.strip().equals(text)) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
