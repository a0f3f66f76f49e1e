package dev.parley.nlu.maxent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import opennlp.tools.doccat.FeatureGenerator;

import dev.parley.nlu.EnglishStems;
import dev.parley.nlu.FeatureSettings;
import dev.parley.nlu.FunctionWords;

/**
 * The features of one normalised question: word stems, stem bigrams and character n-grams of each word (these carry
 * misspelt words to their intended stem). Function words can be kept to their word feature, see {@link FeatureSettings}. Used for training and for classification, so both see the
 * same features. Thread-safe: the stemmer ({@link EnglishStems}) keeps state, so each call makes its own.
 */
final class QuestionFeatures implements FeatureGenerator {

    private final FeatureSettings settings;

    QuestionFeatures(FeatureSettings settings) {
        this.settings = settings;
    }

    @Override
    public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInformation) {
        UnaryOperator<String> stemmer = EnglishStems.stemmer();
        List<String> features = new ArrayList<>();
        String previous = null;
        for (String word : words) {
            String stem = stemmer.apply(word);
            features.add("w=" + stem);
            // A question's frame ("tell me about the ...") must not outvote its subject: a function word gives its word
            // feature but no character n-grams, and starts no bigram with the word before it. It does remain the left
            // half of the next word's bigram ("about_refuge"), which ties a subject to how it was asked.
            boolean plain = settings.plainFunctionWords() && FunctionWords.contains(word);
            if (settings.stemBigrams() && previous != null && !plain) {
                features.add("b=" + previous + "_" + stem);
            }
            previous = stem;
            if (settings.charNgrams() && !plain) {
                addCharacterNgrams("<" + word + ">", features);
            }
        }
        return features;
    }

    private void addCharacterNgrams(String boundedWord, List<String> features) {
        for (int n = settings.charNgramMin(); n <= settings.charNgramMax(); n++) {
            for (int start = 0; start + n <= boundedWord.length(); start++) {
                features.add("c=" + boundedWord.substring(start, start + n));
            }
        }
    }
}
