package dev.parley.nlu;

import java.util.List;
import java.util.function.UnaryOperator;

import dev.parley.text.Phrasing;

/**
 * The stems of what a question is about: its normalised words without the function words that only frame it
 * ("what is", "tell me about"), each reduced to its English Snowball stem, in order. "What are refugees' rights?" and
 * "refugee right" give the same stems. Used only to compare questions with each other (the review loop's grouping
 * of unanswered questions, {@code review/QuestionGrouping}), with the words of "the same phrasing" and the stems the
 * maxent classifier's features use ({@link EnglishStems}); no classifier reads it. Stateless and thread-safe.
 */
public final class ContentStems {

    /** The content stems of raw or normalised text; empty when it holds only function words or no words. */
    public List<String> of(String text) {
        // The stemmer keeps state between calls, so each call makes its own.
        UnaryOperator<String> stemmer = EnglishStems.stemmer();
        return Phrasing.words(text).stream()
                .filter(word -> !FunctionWords.contains(word))
                .map(stemmer)
                .toList();
    }
}
