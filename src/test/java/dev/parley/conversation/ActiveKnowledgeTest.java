package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.knowledge.IntentProblem;
import dev.parley.knowledge.InvalidKnowledgeException;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.Question;
import dev.parley.nlu.TrainedKnowledge;
import dev.parley.nlu.training.KnowledgeTrainer;
import dev.parley.testing.KnowledgeFixture;
import dev.parley.testing.NluFixtures;

class ActiveKnowledgeTest {

    private static final FallbackPolicy FALLBACK = new FallbackPolicy(0.04, 0);
    private static final NluProperties NLU = NluFixtures.builder().classifier(ClassifierKind.MAXENT).uncalibrated()
            .fallback(FALLBACK).encoderRegression(0.5, 1e-4).encoderThreads(0).maxentWeight(0.5).build();

    @Test
    void backgroundTrainingOfTheSeedKnowledgeIsAwaitedByTheFirstGet() {
        var active = ActiveKnowledge.trainingInBackground(() -> new KnowledgeTrainer(
                KnowledgeFixture.projectSettings(), NLU).train());

        TrainedKnowledge trained = active.get();

        assertThat(trained.knowledge().find("icc-referral")).isPresent();
        assertThat(trained.classifier().classify(Question.of("who can refer cases to the icc")).top().intent())
                .isEqualTo("icc-referral");
        assertThat(active.get()).isSameAs(trained);
    }

    @Test
    void aFailedBackgroundTrainingSurfacesItsOwnExceptionOnGet(@TempDir Path empty) {
        var active = ActiveKnowledge.trainingInBackground(() -> new KnowledgeTrainer(
                KnowledgeFixture.settings(empty, empty), NLU).train());

        assertThatThrownBy(active::get).isInstanceOfSatisfying(InvalidKnowledgeException.class,
                e -> assertThat(e.problems()).containsExactly(
                        new IntentProblem(empty.toString(), "-", "holds no intent files (*.yaml)")));
    }

    @Test
    void replaceReturnsTheModelItReplaced() {
        TrainedKnowledge first = new KnowledgeTrainer(
                KnowledgeFixture.projectSettings(), NLU).train();
        TrainedKnowledge second = new TrainedKnowledge(first.knowledge(), first.classifier(), first.kind(),
                first.policy(), first.trainedAt().plusSeconds(1), first.trainingTime());
        var active = ActiveKnowledge.of(first);

        assertThat(active.replace(second)).isSameAs(first);
        assertThat(active.get()).isSameAs(second);
        assertThat(List.of(active.get().trainedAt())).containsExactly(second.trainedAt());
    }

    @Test
    void everyModelPutInServiceIsToldToTheListenerTheFirstBeforeGetReturnsIt() {
        var told = new CopyOnWriteArrayList<TrainedKnowledge>();
        var active = ActiveKnowledge.trainingInBackground(() -> new KnowledgeTrainer(
                KnowledgeFixture.projectSettings(), NLU).train(), model -> told.add(model.trained()));

        TrainedKnowledge first = active.get();
        assertThat(told).containsExactly(first);

        TrainedKnowledge second = new TrainedKnowledge(first.knowledge(), first.classifier(), first.kind(),
                first.policy(), first.trainedAt().plusSeconds(1), first.trainingTime());
        active.replace(second);

        assertThat(told).containsExactly(first, second);
    }

    @Test
    void aReadyModelIsHandedInOnlyByTestsOfThisPackage() throws NoSuchMethodException {
        // The application always starts by training (trainingInBackground); "of" exists for tests.
        assertThat(Modifier.isPublic(ActiveKnowledge.class.getDeclaredMethod("of", TrainedKnowledge.class)
                .getModifiers())).isFalse();
    }
}
