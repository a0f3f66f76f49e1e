package dev.parley.nlu;

import java.util.function.UnaryOperator;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * The one way a normalised word is reduced to its stem: English Snowball ("refugees" and "refugee" share one
 * stem). The maxent classifier's features and the content stems that compare questions ({@link ContentStems}) both
 * stem with it, so the two agree on what one word is. OpenNLP's stemmer stays behind it, inside {@code nlu}.
 */
public final class EnglishStems {

    private EnglishStems() {
    }

    /**
     * A stemmer of its own: the Snowball stemmer keeps state between calls, so it must not be shared between
     * threads. Make one per call (a question's words), never a shared one.
     */
    public static UnaryOperator<String> stemmer() {
        var stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);
        return word -> stemmer.stem(word).toString();
    }
}
