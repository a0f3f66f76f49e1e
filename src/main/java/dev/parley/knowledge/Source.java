package dev.parley.knowledge;

import java.util.Objects;

/**
 * Where an answer comes from: a document in {@code seeds/} and a passage quoted from it verbatim.
 *
 * @param document file name of the seed document, e.g. {@code 000_14061bbafc9ccbc5.txt}
 * @param excerpt  the quoted passage the answer is drawn from
 */
public record Source(String document, String excerpt) {
    public Source {
        Objects.requireNonNull(document, "document must not be null");
        Objects.requireNonNull(excerpt, "excerpt must not be null");
    }
}
