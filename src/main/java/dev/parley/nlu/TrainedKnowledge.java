package dev.parley.nlu;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;

/**
 * A knowledge base together with the classifier trained on it: the unit that is swapped as a whole when the intents
 * change, so that an answer is never looked up in a knowledge base other than the one its intent was predicted from.
 *
 * @param knowledge  the intents
 * @param classifier trained on exactly those intents
 * @param kind       which classifier it is ({@code parley.nlu.classifier} when it was trained), kept with every
 *                   exchange it answers so that the review loop can compare classifiers
 * @param policy     when to fall back
 * @param trainedAt  when training finished
 * @param trainingTime how long reading, validating and training took ({@code KnowledgeTrainer}, nlu.training)
 */
public record TrainedKnowledge(KnowledgeBase knowledge, IntentClassifier classifier, ClassifierKind kind,
                               FallbackPolicy policy, Instant trainedAt, Duration trainingTime) {
    public TrainedKnowledge {
        Objects.requireNonNull(knowledge, "knowledge must not be null");
        Objects.requireNonNull(classifier, "classifier must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(policy, "policy must not be null");
        Objects.requireNonNull(trainingTime, "training time must not be null");
    }

    /**
     * What the classifier learns from: every intent's canonical question and examples, labelled with its id; for an
     * intent with fewer phrasings than {@link Intent#RECOMMENDED_PHRASINGS}, also the sentences of its answer
     * ({@link TrainingExample.Evidence#ANSWER}), which say what it talks about where too few phrasings do; and, when
     * the settings say so, the out-of-scope questions: the generic ones bundled with Parley and the knowledge base's
     * own.
     */
    public static List<TrainingExample> trainingExamples(KnowledgeBase knowledge, NluProperties nluSettings) {
        var examples = new ArrayList<TrainingExample>();
        for (Intent intent : knowledge.intents()) {
            examples.add(new TrainingExample(intent.id(), intent.question()));
            intent.examples().forEach(text -> examples.add(new TrainingExample(intent.id(), text)));
            if (intent.phrasings() < Intent.RECOMMENDED_PHRASINGS) {
                AnswerSentences.of(intent.answer()).forEach(sentence -> examples.add(
                        new TrainingExample(intent.id(), sentence, TrainingExample.Evidence.ANSWER)));
            }
        }
        knowledge.outOfScopeExamples().forEach(text ->
                examples.add(new TrainingExample(Prediction.OUT_OF_SCOPE, text)));
        return trainingExamples(examples, nluSettings);
    }

    /**
     * What the classifier learns from labelled examples that are not intent files (an evaluation's training file):
     * the same as for a knowledge base with those phrasings, its own out-of-scope questions labelled
     * {@link Prediction#OUT_OF_SCOPE} among them.
     */
    public static List<TrainingExample> trainingExamples(List<TrainingExample> labelled, NluProperties nluSettings) {
        if (!nluSettings.learnOutOfScope()) {
            return labelled.stream().filter(example -> !Prediction.OUT_OF_SCOPE.equals(example.intent())).toList();
        }
        var examples = new ArrayList<TrainingExample>(labelled.size() + 400);
        labelled.stream().filter(example -> !Prediction.OUT_OF_SCOPE.equals(example.intent())).forEach(examples::add);
        examples.addAll(OutOfScopeExamples.bundledFor(examples));
        labelled.stream().filter(example -> Prediction.OUT_OF_SCOPE.equals(example.intent())).forEach(examples::add);
        return List.copyOf(examples);
    }
}
