package dev.parley.nlu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeProperties;

/**
 * A knowledge base together with the classifier trained on it: the unit that is swapped as a whole when the intents
 * change, so that an answer is never looked up in a knowledge base other than the one its intent was predicted from.
 *
 * @param knowledge  the intents
 * @param classifier trained on exactly those intents
 * @param policy     when to fall back
 * @param trainedAt  when training finished
 */
public record TrainedKnowledge(KnowledgeBase knowledge, IntentClassifier classifier, FallbackPolicy policy,
                               Instant trainedAt) {
    public TrainedKnowledge {
        Objects.requireNonNull(knowledge, "knowledge must not be null");
        Objects.requireNonNull(classifier, "classifier must not be null");
        Objects.requireNonNull(policy, "policy must not be null");
    }

    /**
     * Loads the intents the knowledge settings name and trains the configured classifier on them, with that
     * classifier's own calibration and fallback thresholds.
     */
    public static TrainedKnowledge train(KnowledgeProperties knowledgeSettings, NluProperties nluSettings) {
        KnowledgeBase knowledge = knowledgeSettings.load();
        List<TrainingExample> examples = trainingExamples(knowledge, nluSettings);
        IntentClassifier classifier = switch (nluSettings.classifier()) {
            case MAXENT -> MaxentIntentClassifier.train(examples, nluSettings.maxent());
            case ENCODER -> EncoderIntentClassifier.train(examples, nluSettings.encoder().sentenceEncoder(),
                    nluSettings.encoder());
            case HYBRID -> hybrid(examples, nluSettings);
        };
        return new TrainedKnowledge(knowledge, classifier, nluSettings.servedFallback(), Instant.now());
    }

    private static HybridIntentClassifier hybrid(List<TrainingExample> examples, NluProperties nluSettings) {
        HybridSettings hybrid = nluSettings.hybrid();
        var words = MaxentIntentClassifier.train(examples, nluSettings.maxent())
                .withTemperature(hybrid.maxentTemperature());
        var meaning = EncoderIntentClassifier.train(examples, nluSettings.encoder().sentenceEncoder(),
                nluSettings.encoder()).withTemperature(hybrid.encoderTemperature());
        return new HybridIntentClassifier(words, meaning, hybrid.maxentWeight(), hybrid.temperature());
    }

    /**
     * What the classifier learns from: every intent's canonical question and examples, labelled with its id, and,
     * when the settings say so, the bundled out-of-scope questions.
     */
    public static List<TrainingExample> trainingExamples(KnowledgeBase knowledge, NluProperties nluSettings) {
        var examples = new ArrayList<TrainingExample>();
        for (Intent intent : knowledge.intents()) {
            examples.add(new TrainingExample(intent.id(), intent.question()));
            intent.examples().forEach(text -> examples.add(new TrainingExample(intent.id(), text)));
        }
        if (nluSettings.learnOutOfScope()) {
            examples.addAll(OutOfScopeExamples.bundled());
        }
        return List.copyOf(examples);
    }
}
