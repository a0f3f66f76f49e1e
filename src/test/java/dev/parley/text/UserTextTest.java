package dev.parley.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"who can refer cases to the ICC?", "👩🏽‍⚖️ 🇺🇳 🙂", "من يستطيع إحالة القضايا؟", "מי יכול להפנות?",
            "re\u0301fe\u0308r", "zero\u200Bwidth and \u202Edirection marks", "line\nbreaks\r\nand\ttabs",
            "\uD83D\uDE00 a pair is one character", "\uFFFD replacement character"})
    void acceptsAnyWellFormedText(String text) {
        assertThat(UserText.problemWith(text, 1000)).isEmpty();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertThat(UserText.problemWith("🙂".repeat(10), 10)).isEmpty();
        assertThat(UserText.problemWith("🙂".repeat(11), 10)).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(UserText.Kind.TOO_LONG);
            assertThat(problem.description()).isEqualTo("must be at most 10 characters long");
        });
    }

    @Nested
    class Refuses {

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\u00A0\u2003", "\u200B\u202E", "\u0000"})
        void blankText(String text) {
            assertThat(UserText.problemWith(text, 1000)).map(UserText.Problem::kind).hasValue(UserText.Kind.BLANK);
            assertThat(UserText.problemWith(null, 1000)).map(UserText.Problem::kind).hasValue(UserText.Kind.BLANK);
        }

        @ParameterizedTest
        @ValueSource(strings = {"a\uD800", "\uDC00a", "a\uDBFF b", "\uDE00\uD83D"})
        void halfASurrogatePair(String text) {
            assertThat(UserText.problemWith(text, 1000)).map(UserText.Problem::description)
                    .hasValue("must be well-formed Unicode text (it holds half of a surrogate pair)");
        }

        @ParameterizedTest
        @ValueSource(ints = {0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0x1FFFE, 0x1FFFF, 0x10FFFE, 0x10FFFF})
        void noncharacters(int noncharacter) {
            String text = "a" + Character.toString(noncharacter) + "b";

            assertThat(UserText.problemWith(text, 1000)).map(UserText.Problem::description)
                    .hasValue("must not hold U+" + Integer.toHexString(noncharacter).toUpperCase(java.util.Locale.ROOT)
                            + ", a Unicode noncharacter");
        }

        @Test
        void theCodePointsBesideTheNoncharacterRangesAreText() {
            assertThat(UserText.problemWith("a\uFDCF\uFDF0\uFFFD", 1000)).isEmpty();
            assertThat(UserText.problemWith("a" + Character.toString(0x1FFFD), 1000)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {0x00, 0x07, 0x0B, 0x0C, 0x1B, 0x7F, 0x85, 0x9F})
        void controlCharactersOtherThanTabAndLineBreaks(int control) {
            assertThat(UserText.problemWith("a" + (char) control + "b", 1000)).map(UserText.Problem::kind)
                    .hasValue(UserText.Kind.CONTROL);
        }
    }

    @Test
    void anOptionalTextMayBeMissingOrBlankButNotMalformed() {
        assertThat(UserText.problemWithOptional(null, 10)).isEmpty();
        assertThat(UserText.problemWithOptional("  \u200B", 10)).isEmpty();
        assertThat(UserText.problemWithOptional("bad\uD800", 10)).map(UserText.Problem::kind)
                .hasValue(UserText.Kind.MALFORMED);
    }
}
