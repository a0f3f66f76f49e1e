package dev.parley.testing;

import java.util.ArrayList;
import java.util.List;

import dev.parley.nlu.Prediction;
import dev.parley.nlu.TrainingExample;

/** Stand-ins for the tests of training: a word-per-dimension embedding and a small shop's examples. */
public final class StandIns {

    private StandIns() {
    }

    /**
     * A sentence as a stand-in for an embedding: one dimension per known word (its count), and one constant
     * dimension so that no sentence is the zero vector.
     */
    public static float[] wordVector(List<String> words, String sentence) {
        float[] vector = new float[words.size() + 1];
        vector[words.size()] = 0.1f;
        for (String word : sentence.toLowerCase().split("\\W+")) {
            int index = words.indexOf(word);
            if (index >= 0) {
                vector[index] += 1;
            }
        }
        return vector;
    }

    /** Two intents of a shop (order status, returns) of five phrasings each, and five out-of-scope questions. */
    public static List<TrainingExample> shopExamples() {
        var examples = new ArrayList<TrainingExample>();
        for (String text : List.of("where is my parcel", "track my order", "when will my order arrive",
                "has my package shipped", "order status please")) {
            examples.add(new TrainingExample("order-status", text));
        }
        for (String text : List.of("how do I return an item", "send a product back", "refund for a return",
                "return policy", "can I exchange this")) {
            examples.add(new TrainingExample("returns", text));
        }
        for (String text : List.of("what is the weather", "tell me a joke", "who won the match", "play music",
                "set an alarm")) {
            examples.add(new TrainingExample(Prediction.OUT_OF_SCOPE, text));
        }
        return examples;
    }
}
