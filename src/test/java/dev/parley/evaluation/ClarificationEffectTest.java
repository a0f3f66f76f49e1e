package dev.parley.evaluation;

import dev.parley.nlu.training.LabelledQuestion;
import dev.parley.nlu.training.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.conversation.ClarificationPolicy;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;

class ClarificationEffectTest {

    private static final ClarificationPolicy POLICY = new ClarificationPolicy(0.6, 0.5, 3);

    private static ScoredIntent scored(String intent, double score) {
        return new ScoredIntent(intent, score);
    }

    private static Outcome answered(String label, ScoredIntent... ranking) {
        return new Outcome(new LabelledQuestion(label, "a question"), new Prediction(List.of(ranking)), false);
    }

    private static Outcome fellBack(String label, ScoredIntent... ranking) {
        return new Outcome(new LabelledQuestion(label, "a question"), new Prediction(List.of(ranking)), true);
    }

    @Test
    void sortsEveryAnswerByWhatAskingWouldDoToIt() {
        List<Outcome> outcomes = List.of(
                answered("icc-role", scored("icc-role", 0.9), scored("icc-referral", 0.1)), // sure and right
                answered("icc-role", scored("icc-referral", 0.9), scored("icc-role", 0.1)), // sure and wrong
                answered("icc-role", scored("icc-role", 0.5), scored("icc-referral", 0.4), scored("echr", 0.1)),
                answered("icc-role", scored("echr", 0.5), scored("icc-role", 0.4), scored("icc-referral", 0.1)),
                answered("icc-role", scored("echr", 0.5), scored("unhcr", 0.4), scored("icc-role", 0.1)),
                answered("oos", scored("echr", 0.5), scored("unhcr", 0.45), scored("iom", 0.05)),
                fellBack("oos", scored("_out-of-scope", 0.5), scored("echr", 0.45), scored("iom", 0.05)));

        // asked instead of: one right answer, two wrong ones (one offering the right intent), one out of scope;
        // the fallback takes no part

        ClarificationEffect effect = ClarificationEffect.measure(outcomes, POLICY, id -> !id.startsWith("_"));

        assertThat(effect).isEqualTo(new ClarificationEffect(1, 1, 1, 2, 1, 1));
    }

    @Test
    void smallTalkIsNeverOffered() {
        List<Outcome> outcomes = List.of(
                answered("thanks", scored("thanks", 0.5), scored("goodbye", 0.45), scored("echr", 0.05)));

        ClarificationEffect effect = ClarificationEffect.measure(outcomes, POLICY,
                id -> !List.of("thanks", "goodbye").contains(id));

        assertThat(effect).isEqualTo(new ClarificationEffect(1, 0, 0, 0, 0, 0));
    }
}
