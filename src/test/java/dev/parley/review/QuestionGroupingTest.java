package dev.parley.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.text.Phrasing;

/**
 * Measures and guards the grouping of unanswered questions on realistic paraphrases (typos, framing, word order) and
 * near misses (a shared subject word, a shared frame).
 */
class QuestionGroupingTest {

    static final List<String> WEATHER = List.of("what is the weather in Paris?", "whats the weather like in paris",
            "Paris weather today", "wether in paris", "how is the weather in Paris right now");
    static final List<String> PASSPORT = List.of("how do I renew my passport", "passport renewal",
            "where can I renew a passport?", "renewing passports", "I need to renew my pasport");
    static final List<String> VISA = List.of("do I need a visa to work in Germany", "work visa for germany",
            "german work visa requirements");
    static final List<String> HOTELS = List.of("cheap hotels in Paris", "hotel in paris near the station");

    private final QuestionGrouping grouping = new QuestionGrouping(ReviewProperties.DEFAULT_GROUP_SIMILARITY);

    /**
     * The measurement behind the default threshold: on these questions every pair of paraphrases scores at least
     * 0.44 and every pair of different questions at most 0.34 (weather in Paris vs hotels in Paris), so 0.4 sits in
     * the gap.
     */
    @Test
    void theDefaultThresholdSeparatesParaphrasesFromDifferentQuestions() {
        List<List<String>> sets = List.of(WEATHER, PASSPORT, VISA, HOTELS);
        double lowestWithin = 1;
        double highestAcross = 0;
        for (List<String> set : sets) {
            for (List<String> other : sets) {
                for (String a : set) {
                    for (String b : other) {
                        double similarity = grouping.similarity(a, b);
                        if (set == other) {
                            lowestWithin = Math.min(lowestWithin, similarity);
                        } else {
                            highestAcross = Math.max(highestAcross, similarity);
                        }
                    }
                }
            }
        }

        assertThat(lowestWithin).isGreaterThan(ReviewProperties.DEFAULT_GROUP_SIMILARITY).isCloseTo(0.44, within(0.01));
        assertThat(highestAcross).isLessThan(ReviewProperties.DEFAULT_GROUP_SIMILARITY).isCloseTo(0.34, within(0.01));
    }

    @Test
    void putsParaphrasesTogetherAndKeepsDifferentQuestionsApart() {
        var questions = new ArrayList<UnansweredQuestion>();
        int second = 0;
        for (List<String> paraphrases : List.of(WEATHER, PASSPORT, VISA, HOTELS)) {
            for (String text : paraphrases) {
                questions.add(question(text, second++));
            }
        }

        List<List<String>> groups = grouping.group(questions).stream()
                .map(group -> group.stream().map(UnansweredQuestion::question).sorted().toList()).toList();

        assertThat(groups).containsExactlyInAnyOrder(sorted(WEATHER), sorted(PASSPORT), sorted(VISA), sorted(HOTELS));
    }

    @Test
    void countsRepeatsOfOneQuestionInOneGroupAndPutsTheLargestGroupFirst() {
        var questions = List.of(question("passport renewal", 1), question("Passport renewal!", 2),
                question("what is the weather in Paris?", 3), question("renew my passport", 4));

        List<List<UnansweredQuestion>> groups = grouping.group(questions);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).extracting(UnansweredQuestion::question)
                .containsExactly("renew my passport", "Passport renewal!", "passport renewal");
        assertThat(groups.get(1)).extracting(UnansweredQuestion::question)
                .containsExactly("what is the weather in Paris?");
    }

    @Test
    void keepsQuestionsWithOnlyFunctionWordsApartFromEverythingElse() {
        var groups = grouping.group(List.of(question("what is it?", 1), question("what is the weather?", 2)));

        assertThat(groups).hasSize(2);
    }

    private static List<String> sorted(List<String> texts) {
        return texts.stream().sorted().toList();
    }

    static UnansweredQuestion question(String text, int second) {
        return new UnansweredQuestion(text, Phrasing.comparable(text),
                Instant.ofEpochSecond(1_700_000_000L + second), true, false, 0.05);
    }
}
