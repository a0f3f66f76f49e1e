package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class EnglishStemsTest {

    @Test
    void reducesAWordToItsEnglishSnowballStem() {
        UnaryOperator<String> stemmer = EnglishStems.stemmer();

        assertThat(stemmer.apply("refugees")).isEqualTo(stemmer.apply("refugee")).isEqualTo("refuge");
        assertThat(stemmer.apply("rights")).isEqualTo("right");
        assertThat(stemmer.apply("referral")).isEqualTo("referr");
    }

    @Test
    void contentStemsAreTheStemsOfTheContentWords() {
        UnaryOperator<String> stemmer = EnglishStems.stemmer();

        assertThat(new ContentStems().of("What are refugees' rights?"))
                .containsExactly(stemmer.apply("refugees"), stemmer.apply("rights"))
                .isEqualTo(new ContentStems().of("refugee right"));
    }
}
