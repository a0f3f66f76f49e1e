package dev.parley.nlu;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

import dev.parley.text.Phrasing;

/**
 * Turns raw user text into the lower-case words the classifier sees: Unicode compatibility forms folded, accents
 * dropped, control and invisible characters made word breaks, acronyms with dots joined ("U.N." becomes "un"),
 * punctuation removed. ({@link #clean}, for the encoder, removes invisible characters instead, so the two split a
 * word with a zero-width space in it differently.) Stateless and thread-safe.
 */
public final class TextNormalizer {

    /**
     * The most UTF-16 chars that {@link #normalize} and {@link #clean} make of one code point: compatibility folding
     * expands U+FDFA (the Arabic ligature "sallallahou alayhe wasallam") to 18; the next largest is U+FDFB, at 8.
     * Lower-casing cannot add to it (U+0130, the one letter that lower-cases to two chars, is decomposed first), and
     * the other steps only drop or merge characters. Storage sizes its columns by it.
     */
    public static final int MAX_EXPANSION = 18;

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern FORMAT = Pattern.compile("[\\p{Cf}\\p{Co}\\p{Cn}]");

    /**
     * The words of {@code text}, normalised; empty for text with no letters or digits. They are the words of the
     * rule for "the same phrasing" ({@link Phrasing}), so the classifier reads as one what the loader and curation
     * take for one.
     */
    public List<String> words(String text) {
        return Phrasing.words(text);
    }

    /**
     * The text as a sentence encoder should read it: compatibility forms folded (full-width letters become ASCII),
     * control characters made spaces, invisible format characters (zero-width spaces, soft hyphens, direction
     * overrides) removed so they cannot split a word, runs of white space made one; case, accents and punctuation
     * kept, since the encoder's own tokenizer reads them.
     */
    public String clean(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        folded = CONTROL.matcher(folded).replaceAll(" ");
        folded = FORMAT.matcher(folded).replaceAll("");
        return WHITE_SPACE.matcher(folded).replaceAll(" ").strip();
    }

    /** The normalised words joined by single spaces: the form stored and compared, e.g. for duplicates. */
    public String normalize(String text) {
        return Phrasing.comparable(text);
    }
}
