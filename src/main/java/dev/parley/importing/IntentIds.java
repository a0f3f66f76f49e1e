package dev.parley.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.parley.knowledge.Intent;
import dev.parley.nlu.FunctionWords;

/**
 * An intent id made from its question, in any script: the question's words, lower case, joined by '-'
 * ({@link Intent#ID_FORMAT}). English function words are dropped ("How do I return a bike?" is
 * {@code return-bike}) unless nothing else is left, then words are kept while the id stays within
 * {@value #MAX_LENGTH} characters (a first word longer than that, as a Chinese question written without spaces, is
 * cut). Apostrophes join ("what's" is "whats"); accents and other scripts' letters are kept as written (NFKC).
 */
final class IntentIds {

    /** Short enough to read in a file listing, and far within a file name's 255 bytes in any script. */
    static final int MAX_LENGTH = 48;

    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern NOT_ID_CHARACTER = Pattern.compile("[^\\p{Ll}\\p{Lo}\\p{Lm}\\p{Nd}\\p{M}]+");
    private static final Pattern LEADING_MARKS = Pattern.compile("^\\p{M}+");
    private static final String NO_WORDS = "question";

    private IntentIds() {
    }

    /** The id {@code question} gives, before it is made unique. */
    static String of(String question) {
        String text = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = APOSTROPHES.matcher(text).replaceAll("");
        var words = new ArrayList<String>();
        for (String word : NOT_ID_CHARACTER.split(text)) {
            String stripped = LEADING_MARKS.matcher(word).replaceAll("");
            if (!stripped.isEmpty()) {
                words.add(stripped);
            }
        }
        List<String> content = words.stream().filter(word -> !FunctionWords.contains(word)).toList();
        List<String> kept = content.isEmpty() ? words : content;
        if (kept.isEmpty()) {
            return NO_WORDS;
        }
        var id = new StringBuilder(cut(kept.get(0)));
        for (String word : kept.subList(1, kept.size())) {
            if (id.length() + 1 + word.length() > MAX_LENGTH) {
                break;
            }
            id.append('-').append(word);
        }
        return id.toString();
    }

    /** {@link #of} made unique among {@code taken} with a suffix -2, -3, ...; the id is added to {@code taken}. */
    static String unique(String question, Set<String> taken) {
        String base = of(question);
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        taken.add(id);
        return id;
    }

    // at a code point boundary, and never between a letter and the combining marks that belong to it
    private static String cut(String word) {
        if (word.length() <= MAX_LENGTH) {
            return word;
        }
        int[] codePoints = word.codePoints().toArray();
        int end = 0;
        int length = 0;
        while (end < codePoints.length && length + Character.charCount(codePoints[end]) <= MAX_LENGTH) {
            length += Character.charCount(codePoints[end++]);
        }
        while (end > 1 && isMark(codePoints[end])) {
            end--;
        }
        return new String(codePoints, 0, end);
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
