package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.parley.conversation.Decision.Answer;
import dev.parley.conversation.Decision.Clarify;
import dev.parley.conversation.Decision.ContinueTopic;
import dev.parley.conversation.Decision.Fallback;
import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.Source;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.Question;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TrainedKnowledge;

class DecisionReaderTest {

    private static final Source SOURCE = new Source("rights.txt", "Any state party can refer cases.");
    private static final KnowledgeBase KNOWLEDGE = new KnowledgeBase(List.of(
            intent("icc-referral", "Who can refer cases to the ICC?", List.of("icc-role", "icc-funding"), List.of()),
            intent("icc-role", "What does the ICC do?", List.of(), List.of()),
            intent("icc-funding", "How is the ICC funded?", List.of(), List.of()),
            intent("unhcr", "What does the UNHCR do?", List.of(), List.of()),
            intent("more", "Tell me more", List.of(), List.of(Intent.SMALL_TALK, Intent.CONTINUE)),
            intent("greeting", "Hello!", List.of(), List.of(Intent.SMALL_TALK))), List.of(), Map.of());
    private static final SessionContext AFTER_REFERRAL = new SessionContext(KNOWLEDGE.find("icc-referral"),
            Set.of("icc-referral"));

    private final DecisionReader reader = new DecisionReader(new ClarificationPolicy(0.6, 0.5, 3));

    @Test
    void answersTheBestIntentWhenItIsSure() {
        Decision decision = read("who can refer cases?", SessionContext.NONE,
                Map.of("who can refer cases?", ranking("icc-referral", 0.9, "icc-role", 0.1)));

        assertThat(decision).isEqualTo(new Answer(KNOWLEDGE.find("icc-referral").orElseThrow(), 0.9));
    }

    @Test
    void clarifiesAmongCloseContentIntentsOnly() {
        Decision decision = read("icc?", SessionContext.NONE,
                Map.of("icc?", ranking("icc-referral", 0.4, "greeting", 0.3, "icc-role", 0.3)));

        assertThat(decision).isInstanceOfSatisfying(Clarify.class, clarify -> {
            assertThat(clarify.candidates()).extracting(Intent::id).containsExactly("icc-referral", "icc-role");
            assertThat(clarify.confidence()).isEqualTo(0.4);
        });
    }

    @Test
    void fallsBackWithThePredictionToOfferTheClosestQuestionsFrom() {
        Prediction outOfScope = ranking(Prediction.OUT_OF_SCOPE, 0.8, "unhcr", 0.2);

        Decision decision = read("weather?", SessionContext.NONE, Map.of("weather?", outOfScope));

        assertThat(decision).isEqualTo(new Fallback(outOfScope, 0.2));
    }

    @Test
    void aPickedSuggestionIsAnsweredWithoutClassifying() {
        var classifier = new CountingClassifier(Map.of());

        Decision decision = reader.read(Question.of("What does the ICC do?"), Optional.of("icc-role"),
                SessionContext.NONE, trained(classifier));

        assertThat(decision).isEqualTo(new Answer(KNOWLEDGE.find("icc-role").orElseThrow(), 1.0));
        assertThat(classifier.asked).isEmpty();
    }

    @Test
    void tellMeMoreContinuesTheTopicWithItsNextFollowUpNotYetAnswered() {
        var context = new SessionContext(KNOWLEDGE.find("icc-referral"), Set.of("icc-referral", "icc-role"));

        Decision decision = read("tell me more", context, Map.of("tell me more", ranking("more", 0.9, "unhcr", 0.1)));

        assertThat(decision).isEqualTo(new ContinueTopic(KNOWLEDGE.find("icc-referral").orElseThrow(),
                KNOWLEDGE.find("icc-funding"), 0.9));
    }

    @Test
    void tellMeMoreWithoutATopicIsAnsweredAsItself() {
        Decision decision = read("tell me more", SessionContext.NONE,
                Map.of("tell me more", ranking("more", 0.9, "unhcr", 0.1)));

        assertThat(decision).isEqualTo(new Answer(KNOWLEDGE.find("more").orElseThrow(), 0.9));
    }

    @Test
    void aShortFollowUpIsReadAgainBesideTheTopicsQuestion() {
        var classifier = new CountingClassifier(Map.of(
                "how is it paid for?", ranking(Prediction.OUT_OF_SCOPE, 0.9, "unhcr", 0.1),
                "how is it paid for? Who can refer cases to the ICC?", ranking("icc-funding", 0.8, "icc-role", 0.2)));

        Decision decision = reader.read(Question.of("how is it paid for?"), Optional.empty(), AFTER_REFERRAL,
                trained(classifier));

        assertThat(decision).isEqualTo(new Answer(KNOWLEDGE.find("icc-funding").orElseThrow(), 0.8));
        assertThat(classifier.asked).containsExactly("how is it paid for?",
                "how is it paid for? Who can refer cases to the ICC?");
    }

    @Test
    void aContextualReadingThatOnlyRepeatsTheTopicDoesNotWin() {
        Prediction outOfScope = ranking(Prediction.OUT_OF_SCOPE, 0.9, "unhcr", 0.1);
        var classifier = new CountingClassifier(Map.of(
                "what about the weather?", outOfScope,
                "what about the weather? Who can refer cases to the ICC?", ranking("icc-referral", 0.9, "unhcr", 0.1)));

        Decision decision = reader.read(Question.of("what about the weather?"), Optional.empty(), AFTER_REFERRAL,
                trained(classifier));

        assertThat(decision).isEqualTo(new Fallback(outOfScope, 0.1));
    }

    @Test
    void aQuestionThatCarriesItsOwnSubjectIsClassifiedOnce() {
        var answered = new CountingClassifier(
                Map.of("what does the unhcr do?", ranking("unhcr", 0.9, "icc-role", 0.1)));
        var longer = new CountingClassifier(Map.of());

        reader.read(Question.of("what does the unhcr do?"), Optional.empty(), AFTER_REFERRAL, trained(answered));
        reader.read(Question.of("could you please tell me what the refugee agency does for people"),
                Optional.empty(), AFTER_REFERRAL, trained(longer));

        assertThat(answered.asked).as("answered alone, pointing nowhere").hasSize(1);
        assertThat(longer.asked).as("longer than a follow-up").hasSize(1);
    }

    private Decision read(String text, SessionContext context, Map<String, Prediction> predictions) {
        return reader.read(Question.of(text), Optional.empty(), context, trained(new CountingClassifier(predictions)));
    }

    /** Predicts what it is told for each text, out of scope for any other, and remembers what it was asked. */
    private static final class CountingClassifier implements IntentClassifier {
        private final Map<String, Prediction> predictions;
        private final List<String> asked = new ArrayList<>();

        CountingClassifier(Map<String, Prediction> predictions) {
            this.predictions = predictions;
        }

        @Override
        public Prediction classify(Question question) {
            asked.add(question.text());
            return predictions.getOrDefault(question.text(), ranking(Prediction.OUT_OF_SCOPE, 0.9, "unhcr", 0.1));
        }
    }

    private static TrainedKnowledge trained(IntentClassifier classifier) {
        return new TrainedKnowledge(KNOWLEDGE, classifier, ClassifierKind.MAXENT, new FallbackPolicy(0.04, 0),
                Instant.now(), Duration.ZERO);
    }

    private static Intent intent(String id, String question, List<String> followups, List<String> tags) {
        return new Intent(id, question, List.of(id.replace('-', ' ')), "About " + id + ".",
                tags.contains(Intent.SMALL_TALK) ? Optional.empty() : Optional.of(SOURCE), followups, tags);
    }

    private static Prediction ranking(Object... intentsAndScores) {
        var ranking = new ArrayList<ScoredIntent>();
        for (int i = 0; i < intentsAndScores.length; i += 2) {
            ranking.add(new ScoredIntent((String) intentsAndScores[i], (Double) intentsAndScores[i + 1]));
        }
        return new Prediction(ranking);
    }
}
