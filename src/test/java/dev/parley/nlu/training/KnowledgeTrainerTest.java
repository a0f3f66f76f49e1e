package dev.parley.nlu.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.Question;
import dev.parley.nlu.TrainedKnowledge;
import dev.parley.testing.KnowledgeFixture;
import dev.parley.testing.NluFixtures;

/** The one way a model is made for service, at start-up and at every reload: timed, and logged once. */
@ExtendWith(OutputCaptureExtension.class)
class KnowledgeTrainerTest {

    private static final FallbackPolicy FALLBACK = new FallbackPolicy(0.04, 0);
    private static final NluProperties MAXENT = NluFixtures.builder().classifier(ClassifierKind.MAXENT)
            .fallback(FALLBACK).build();

    @Test
    void eachTrainingIsTimedAndLoggedOnce(CapturedOutput output) {
        var trainer = new KnowledgeTrainer(
                KnowledgeFixture.projectSettings(), MAXENT);

        TrainedKnowledge first = trainer.train();
        TrainedKnowledge second = trainer.train();

        assertThat(first.trainingTime()).isPositive();
        assertThat(second.classifier().classify(Question.of("who can refer cases to the icc")).top().intent())
                .isEqualTo("icc-referral");
        assertThat(second.policy()).isEqualTo(FALLBACK);
        assertThat(output.getOut().lines().filter(line -> line.contains("and trained the classifier in")))
                .hasSize(2).allSatisfy(line -> assertThat(line).contains("Loaded " + first.knowledge().size()
                        + " intents from " + Path.of("intents").toAbsolutePath()));
    }
}
