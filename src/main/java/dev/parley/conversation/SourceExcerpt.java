package dev.parley.conversation;

import dev.parley.knowledge.Source;
import dev.parley.knowledge.SourceDocument;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The passage an answer is drawn from, and the document it stands in, as a visitor should see it named.
 *
 * @param document the seed document's file name: stable, for programs; not for showing to visitors
 * @param title    the document's title, to show instead of the file name
 * @param url      where the passage can be read, an http or https URL: the intent's own source link, else its
 *                 document's; {@code null} when neither has one
 * @param excerpt  the quoted passage
 */
public record SourceExcerpt(
        @Schema(description = "The source document's file name, a stable key for programs. Show `title` instead.",
                example = "shipping-and-returns.txt", requiredMode = Schema.RequiredMode.REQUIRED)
        String document,
        @Schema(description = "The document's title, to show to visitors.",
                example = "Shipping and returns",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String title,
        @Schema(description = "Where the passage can be read: an absolute http or https URL (the page the answer "
                + "was imported from, else the document's link), or null when there is none.", example = "https://www.example.org/report", nullable = true,
                requiredMode = Schema.RequiredMode.REQUIRED)
        String url,
        @Schema(description = "The passage the answer is drawn from, quoted word for word.",
                example = "Orders ship within two working days.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String excerpt) {

    /** The passage an intent quotes, with its document's title, and its own link or else its document's. */
    static SourceExcerpt of(Source source, SourceDocument document) {
        return new SourceExcerpt(source.document(), document.title(), source.linkIn(document).orElse(null),
                source.excerpt());
    }
}
