package dev.parley.nlu;

import java.util.Set;

/**
 * English words that shape a question rather than say what it is about: articles, pronouns, auxiliaries,
 * prepositions and the frames people type to a chat box ("tell me about", "what is"). Normalised forms, as
 * {@link dev.parley.text.Phrasing#words} produces them ("whats", not "what's").
 */
public final class FunctionWords {

    private static final Set<String> WORDS = Set.of(
            "a", "an", "the", "this", "that", "these", "those", "some", "any", "much", "many", "more",
            "i", "me", "my", "you", "your", "it", "its", "they", "them", "their", "we", "us", "our",
            "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "can", "could", "would", "should",
            "will", "may", "might", "have", "has", "had",
            "what", "whats", "how", "hows", "who", "whos", "why", "when", "where", "which",
            "of", "to", "in", "on", "for", "with", "by", "at", "as", "from", "about", "into",
            "and", "or", "so", "there", "please", "tell", "explain");

    private FunctionWords() {
    }

    public static boolean contains(String normalisedWord) {
        return WORDS.contains(normalisedWord);
    }
}
