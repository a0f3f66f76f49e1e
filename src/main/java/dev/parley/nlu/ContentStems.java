package dev.parley.nlu;

import java.util.List;

import dev.parley.text.Phrasing;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * The stems of what a question is about: its normalised words without the function words that only frame it
 * ("what is", "tell me about"), each reduced to its English Snowball stem, in order. "What are refugees' rights?" and
 * "refugee right" give the same stems. Used to compare questions with each other (the review loop's grouping of
 * unanswered questions) with the same normalisation and stemming the classifier uses. Stateless and thread-safe.
 */
public final class ContentStems {

    /** The content stems of raw or normalised text; empty when it holds only function words or no words. */
    public List<String> of(String text) {
        // The Snowball stemmer keeps state between calls, so each call makes its own.
        var stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);
        return Phrasing.words(text).stream()
                .filter(word -> !FunctionWords.contains(word))
                .map(word -> stemmer.stem(word).toString())
                .toList();
    }
}
