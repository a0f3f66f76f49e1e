package dev.parley.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.conversation.ClarificationPolicy;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;

class ClarificationEffectTest {

    private static final ClarificationPolicy POLICY = new ClarificationPolicy(0.6, 0.5, 3);

    private static Outcome outcome(String label, boolean fallback, Object... ranking) {
        var scored = new java.util.ArrayList<ScoredIntent>();
        for (int i = 0; i < ranking.length; i += 2) {
            scored.add(new ScoredIntent((String) ranking[i], (Double) ranking[i + 1]));
        }
        return new Outcome(new LabelledQuestion(label, "a question"), new Prediction(scored), fallback);
    }

    @Test
    void sortsEveryAnswerByWhatAskingWouldDoToIt() {
        List<Outcome> outcomes = List.of(
                outcome("icc-role", false, "icc-role", 0.9, "icc-referral", 0.1),          // sure and right
                outcome("icc-role", false, "icc-referral", 0.9, "icc-role", 0.1),          // sure and wrong
                outcome("icc-role", false, "icc-role", 0.5, "icc-referral", 0.4, "echr", 0.1),   // right, asked
                outcome("icc-role", false, "echr", 0.5, "icc-role", 0.4, "icc-referral", 0.1),   // wrong, asked, offered
                outcome("icc-role", false, "echr", 0.5, "unhcr", 0.4, "icc-role", 0.1),          // wrong, asked
                outcome("oos", false, "echr", 0.5, "unhcr", 0.45, "iom", 0.05),                  // out of scope, asked
                outcome("oos", true, "_out-of-scope", 0.5, "echr", 0.45, "iom", 0.05));          // fell back: no part

        ClarificationEffect effect = ClarificationEffect.measure(outcomes, POLICY, id -> !id.startsWith("_"));

        assertThat(effect).isEqualTo(new ClarificationEffect(1, 1, 1, 2, 1, 1));
    }

    @Test
    void smallTalkIsNeverOffered() {
        List<Outcome> outcomes = List.of(outcome("thanks", false, "thanks", 0.5, "goodbye", 0.45, "echr", 0.05));

        ClarificationEffect effect = ClarificationEffect.measure(outcomes, POLICY,
                id -> !List.of("thanks", "goodbye").contains(id));

        assertThat(effect).isEqualTo(new ClarificationEffect(1, 0, 0, 0, 0, 0));
    }
}
