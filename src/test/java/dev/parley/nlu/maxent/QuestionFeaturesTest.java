package dev.parley.nlu.maxent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.nlu.FeatureSettings;

class QuestionFeaturesTest {

    @Test
    void stemsBigramsAndCharacterNgramsOfContentWords() {
        var features = new QuestionFeatures(new FeatureSettings(true, 4, 4, true));

        assertThat(features.extractFeatures(new String[] {"tell", "me", "about", "refugees"}, Map.of()))
                .containsExactly("w=tell", "w=me", "w=about",
                        "w=refuge", "b=about_refuge", "c=<ref", "c=refu", "c=efug", "c=fuge", "c=ugee", "c=gees",
                        "c=ees>");
    }

    @Test
    void functionWordsGetNgramsTooWhenAskedTo() {
        var features = new QuestionFeatures(new FeatureSettings(true, 4, 4, false));

        assertThat(features.extractFeatures(new String[] {"about", "icc"}, Map.of()))
                .containsExactly("w=about", "c=<abo", "c=abou", "c=bout", "c=out>", "w=icc", "b=about_icc",
                        "c=<icc", "c=icc>");
    }

    @Test
    void wordsOnlyWhenBigramsAndNgramsAreOff() {
        var features = new QuestionFeatures(new FeatureSettings(false, 0, 0, true));

        assertThat(features.extractFeatures(new String[] {"migrants", "rights"}, Map.of()))
                .containsExactly("w=migrant", "w=right");
    }
}
