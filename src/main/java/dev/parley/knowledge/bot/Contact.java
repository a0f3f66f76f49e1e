package dev.parley.knowledge.bot;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A way to a person, from the bot file's {@code contact}: offered with every fallback and whenever a visitor asks for
 * a human.
 *
 * @param label what the link says ("Write to our team")
 * @param url   where it leads: an http or https page, or a {@code mailto:} address
 */
@Schema(description = "A way to a person: offered with every fallback and when the visitor asks for a human; null "
        + "when the bot file names none.")
public record Contact(
        @Schema(description = "What the link says.", example = "Write to our team",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String label,
        @Schema(description = "Where it leads: an http or https URL, or a mailto: address.",
                example = "mailto:help@example.org", requiredMode = Schema.RequiredMode.REQUIRED)
        String url) {

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    public Contact {
        Objects.requireNonNull(label, "label must not be null");
        if (!isContactLink(url)) {
            throw new IllegalArgumentException("url must be an http, https or mailto URL, was " + url);
        }
    }

    /**
     * Whether a link may be offered to visitors as a contact: an absolute http or https URL with a host, or a
     * {@code mailto:} URL with an address. Anything else ({@code javascript:}, {@code data:}, {@code tel:}, a relative
     * path) is refused: it could run script on a host page, or lead nowhere.
     */
    public static boolean isContactLink(String text) {
        if (text == null || text.isBlank() || !text.strip().equals(text)) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
                return false;
            }
            if (scheme.equalsIgnoreCase("mailto")) {
                String address = uri.getSchemeSpecificPart();
                return address != null && address.matches("[^@\\s?]+@[^@\\s?]+(\\?.*)?");
            }
            return uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
