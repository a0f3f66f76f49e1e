package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

import dev.parley.knowledge.InvalidKnowledgeException;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.training.KnowledgeTrainer;
import dev.parley.testing.KnowledgeFixture;
import dev.parley.testing.NluFixtures;

/** Readiness' knowledge component, while the first model trains (held here by the training itself) and after. */
class KnowledgeHealthIndicatorTest {

    private static final NluProperties NLU = NluFixtures.builder().classifier(ClassifierKind.MAXENT).uncalibrated()
            .fallback(new FallbackPolicy(0.04, 0)).encoderRegression(0.5, 1e-4).encoderThreads(0).maxentWeight(0.5)
            .build();

    @Test
    void downWhileTheFirstModelTrainsAndUpOnceItIsInService() throws InterruptedException {
        var release = new CountDownLatch(1);
        var active = ActiveKnowledge.trainingInBackground(() -> {
            awaitQuietly(release);
            return new KnowledgeTrainer(KnowledgeFixture.settings(KnowledgeFixture.intents(),
                    KnowledgeFixture.seeds()), NLU).train();
        });
        var health = new KnowledgeHealthIndicator(active);

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("reason", "the first model is not in service yet");

        release.countDown();
        active.get();

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void upThroughAReplacement() {
        var active = ActiveKnowledge.trainingInBackground(() -> new KnowledgeTrainer(KnowledgeFixture.settings(
                KnowledgeFixture.intents(), KnowledgeFixture.seeds()), NLU).train());
        var health = new KnowledgeHealthIndicator(active);

        active.replace(active.get());

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downForGoodWhenTheFirstTrainingFails(@TempDir Path empty) {
        var active = ActiveKnowledge.trainingInBackground(() -> new KnowledgeTrainer(
                KnowledgeFixture.settings(empty, empty), NLU).train());
        var health = new KnowledgeHealthIndicator(active);

        assertThatThrownBy(active::get).isInstanceOf(InvalidKnowledgeException.class);

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the training");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
