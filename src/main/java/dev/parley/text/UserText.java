package dev.parley.text;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What text a person may send, in one place: every channel (REST, chat) and every kind of text (a question, a
 * feedback comment, an example proposed for an intent, an example in an intent file) is checked by this rule, so
 * they accept and refuse the same text with the same words.
 *
 * <p>Accepted text is a sequence of Unicode scalar values (no lone surrogate, which no encoding can store or
 * export), holds no noncharacter (U+FFFE, U+FFFF, U+FDD0..U+FDEF and the last two code points of every plane,
 * which Unicode reserves for a program's internal use and YAML refuses), and no control character but tab and line
 * breaks (CR, LF): a NUL cannot be stored in PostgreSQL, and escapes and other controls mean nothing in a question
 * but act on the terminals and spreadsheets the history is read in. Any other text is accepted, emoji,
 * right-to-left scripts, combining marks and invisible format characters included; normalisation deals with those.
 *
 * <p>Dependency-free, so that every package may use it.
 */
public final class UserText {

    /** The longest text anyone may send in one piece, in characters (code points: an emoji counts once). */
    public static final int MAX_LENGTH = 1000;

    // Spaces of every kind and invisible format characters (zero-width space, direction marks) are not text.
    private static final Pattern NOT_TEXT = Pattern.compile("[\\p{Z}\\p{Cc}\\p{Cf}\\s]");

    private UserText() {
    }

    /** The kinds of problem, for channels that answer each with a code of their own. */
    public enum Kind {
        BLANK, MALFORMED, NONCHARACTER, CONTROL, TOO_LONG
    }

    /**
     * Why a text cannot be accepted.
     *
     * @param kind        which rule it breaks
     * @param description the problem in words for the user, to follow the field's name: "must not be blank"
     */
    public record Problem(Kind kind, String description) {
    }

    /**
     * What is wrong with a text that must be given, if anything.
     *
     * @param maxLength the most characters (code points) it may hold
     * @return empty when the text is acceptable
     */
    public static Optional<Problem> problemWith(String text, int maxLength) {
        if (isBlank(text)) {
            return Optional.of(new Problem(Kind.BLANK, "must not be blank"));
        }
        return problemWithCharacters(text, maxLength);
    }

    /**
     * What is wrong with a text that may be left out, if anything: null or blank is no problem (there is no text).
     *
     * @return empty when the text is acceptable or absent
     */
    public static Optional<Problem> problemWithOptional(String text, int maxLength) {
        return isBlank(text) ? Optional.empty() : problemWithCharacters(text, maxLength);
    }

    /** Whether there is no text: null, empty, or only spaces, controls and invisible format characters. */
    public static boolean isBlank(String text) {
        return text == null || NOT_TEXT.matcher(text).replaceAll("").isEmpty();
    }

    private static Optional<Problem> problemWithCharacters(String text, int maxLength) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                return Optional.of(new Problem(Kind.MALFORMED,
                        "must be well-formed Unicode text (it holds half of a surrogate pair)"));
            }
            if (isNoncharacter(c)) {
                return Optional.of(new Problem(Kind.NONCHARACTER,
                        "must not hold " + name(c) + ", a Unicode noncharacter"));
            }
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(new Problem(Kind.CONTROL,
                        "must not hold control characters other than tab and line breaks (it holds " + name(c) + ")"));
            }
            i += Character.charCount(c);
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            return Optional.of(new Problem(Kind.TOO_LONG, "must be at most " + maxLength + " characters long"));
        }
        return Optional.empty();
    }

    private static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    private static String name(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }
}
