package dev.parley.nlu;

import java.text.Normalizer;
import java.util.regex.Pattern;

import dev.parley.text.Phrasing;

/**
 * Prepares raw user text as the sentence encoder reads it ({@link #clean}), and bounds how long either form of a
 * question may grow ({@link #MAX_EXPANSION}). The words the classifier reads, and the form kept with an exchange, are
 * "the same phrasing" rule's ({@link Phrasing}); which characters are invisible is that rule's too
 * ({@link Phrasing#INVISIBLE}). Stateless and thread-safe.
 */
public final class TextNormalizer {

    /**
     * The most UTF-16 chars that {@link Phrasing#comparable(String)} and {@link #clean} make of one code point:
     * compatibility folding expands U+FDFA (the Arabic ligature "sallallahou alayhe wasallam") to 18; the next largest
     * is U+FDFB, at 8. Lower-casing cannot add to it (U+0130, the one letter that lower-cases to two chars, is
     * decomposed first), and the other steps only drop or merge characters. Storage sizes its columns by it.
     */
    public static final int MAX_EXPANSION = 18;

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    /**
     * The text as a sentence encoder should read it: compatibility forms folded (full-width letters become ASCII),
     * control characters made spaces, the other invisible characters ({@link Phrasing#INVISIBLE}: zero-width spaces,
     * soft hyphens, direction overrides) removed so they cannot split a word, runs of white space made one; case,
     * accents and punctuation kept, since the encoder's own tokenizer reads them.
     */
    public String clean(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        // control characters first, as spaces: what is invisible after them is removed
        folded = CONTROL.matcher(folded).replaceAll(" ");
        folded = Phrasing.INVISIBLE.matcher(folded).replaceAll("");
        return WHITE_SPACE.matcher(folded).replaceAll(" ").strip();
    }
}
