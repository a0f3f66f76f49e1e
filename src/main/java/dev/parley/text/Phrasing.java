package dev.parley.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When two texts are the same phrasing, in one place: they are when they have the same {@linkplain #words words},
 * the lower-case words the classifier learns from and reads. Unicode compatibility forms are folded, accents
 * dropped, control and invisible characters made word breaks, apostrophes removed ("what's" is "whats"), the dots
 * of an acronym joined ("U.N." is "un", as "UN" is), and every other character that is no letter or digit made a
 * word break. So "What does the U.N. do?" is the same phrasing as "what does the UN do", and not as "what does the
 * u n do", which the classifier reads as other words.
 *
 * <p>The intent loader refuses an example that repeats another by this rule, curation skips a proposed one that
 * does, and the classifier reads text through it: what curation accepts a reload accepts too. Dependency-free and
 * stateless.
 */
public final class Phrasing {

    /**
     * The characters no reader sees, in one place: control characters, format characters (zero-width spaces, soft
     * hyphens, direction overrides), private-use and unassigned code points. The words break at them; the sentence
     * the encoder reads ({@code nlu/TextNormalizer.clean}) has its control characters made spaces first and the rest
     * of them removed, so a zero-width space inside a word splits it here and not there.
     */
    public static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern ACRONYM_DOTS = Pattern.compile("(?<=\\b\\p{L})\\.(?=\\p{L}\\b|\\s|$)");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Phrasing() {
    }

    /** The words of {@code text}, normalised; empty for text with no letters or digits. */
    public static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        folded = INVISIBLE.matcher(folded).replaceAll(" ");
        folded = ACCENTS.matcher(folded).replaceAll("");
        folded = folded.toLowerCase(Locale.ROOT);
        folded = APOSTROPHES.matcher(folded).replaceAll("");
        folded = ACRONYM_DOTS.matcher(folded).replaceAll("");
        folded = NOT_WORD.matcher(folded).replaceAll(" ").strip();
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /** The words joined by single spaces: equal for two texts exactly when they are the same phrasing. */
    public static String comparable(String text) {
        return comparable(words(text));
    }

    /** {@link #comparable(String)} of a text whose {@link #words} are already at hand. */
    public static String comparable(List<String> words) {
        return String.join(" ", words);
    }

    /** Whether two texts are the same phrasing (what {@link #comparable} is for). */
    static boolean same(String one, String other) {
        return comparable(one).equals(comparable(other));
    }
}
