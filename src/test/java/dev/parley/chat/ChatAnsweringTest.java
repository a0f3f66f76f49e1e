package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chats' own answering threads: one connection's questions in turn, a cap on what waits, a stop that drains. */
class ChatAnsweringTest {

    // generous, not a timing claim: only how long a test waits for threads to get round to it
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<CountDownLatch> gates = Collections.synchronizedList(new ArrayList<>());
    private ChatAnswering answering;

    @AfterEach
    void openGatesAndStop() {
        gates.forEach(CountDownLatch::countDown);
        if (answering != null) {
            answering.destroy();
        }
    }

    @Test
    void answersOneConnectionsQuestionsInTheOrderTakenWhileOtherConnectionsGoOnBeside() {
        answering = answering(4, 1_000);
        var first = new ChatAnswering.Line();
        var second = new ChatAnswering.Line();
        List<String> answered = Collections.synchronizedList(new ArrayList<>());

        for (int i = 0; i < 200; i++) {
            int n = i;
            assertThat(answering.take(first, () -> answered.add("first " + n))).isTrue();
            assertThat(answering.take(second, () -> answered.add("second " + n))).isTrue();
        }

        await().atMost(PATIENCE).until(() -> answered.size() == 400);
        List<String> ofFirst = answered.stream().filter(a -> a.startsWith("first")).toList();
        List<String> ofSecond = answered.stream().filter(a -> a.startsWith("second")).toList();
        assertThat(ofFirst).containsExactlyElementsOf(numbered("first", 200));
        assertThat(ofSecond).containsExactlyElementsOf(numbered("second", 200));
    }

    @Test
    void aConnectionsSlowQuestionHoldsBackOnlyItsOwnLaterOnes() {
        answering = answering(2, 1_000);
        var slow = new ChatAnswering.Line();
        var other = new ChatAnswering.Line();
        var gate = gate();
        var afterSlow = new CompletableFuture<Void>();
        var ofOther = new CompletableFuture<Void>();

        answering.take(slow, () -> waitFor(gate));
        answering.take(slow, () -> afterSlow.complete(null));
        answering.take(other, () -> ofOther.complete(null));

        assertThat(ofOther).succeedsWithin(PATIENCE);
        assertThat(afterSlow).isNotDone();
        gate.countDown();
        assertThat(afterSlow).succeedsWithin(PATIENCE);
    }

    @Test
    void aQuestionThatFailsDoesNotStopTheConnectionsNextOne() {
        answering = answering(1, 10);
        var line = new ChatAnswering.Line();
        var next = new CompletableFuture<Void>();

        answering.take(line, () -> {
            throw new IllegalStateException("answering failed");
        });
        answering.take(line, () -> next.complete(null));

        assertThat(next).succeedsWithin(PATIENCE);
        await().atMost(PATIENCE).until(() -> answering.waiting() == 0);
    }

    @Test
    void takesNoMoreThanMaxWaitingQuestionsAtOnceAndTakesAgainOnceOneIsAnswered() {
        answering = answering(1, 2);
        var gate = gate();
        var line = new ChatAnswering.Line();

        assertThat(answering.take(line, () -> waitFor(gate))).isTrue();
        assertThat(answering.take(new ChatAnswering.Line(), () -> { })).isTrue();
        assertThat(answering.waiting()).isEqualTo(2);
        assertThat(answering.take(new ChatAnswering.Line(), () -> { })).as("a third while two wait").isFalse();

        gate.countDown();
        await().atMost(PATIENCE).until(() -> answering.waiting() == 0);
        assertThat(answering.take(line, () -> { })).isTrue();
    }

    @Test
    void finishingAnswersWhatWasTakenAndThenTakesNothing() throws Exception {
        answering = answering(1, 10);
        var gate = gate();
        var line = new ChatAnswering.Line();
        var waiting = new CompletableFuture<Void>();
        answering.take(line, () -> waitFor(gate));
        answering.take(line, () -> waiting.complete(null));

        var finished = CompletableFuture.runAsync(() -> answering.finish(PATIENCE));
        assertThat(finished).as("still answering").isNotDone();
        gate.countDown();

        assertThat(finished).succeedsWithin(PATIENCE);
        assertThat(waiting).as("the question waiting behind it was answered too").isDone();
        assertThat(answering.take(new ChatAnswering.Line(), () -> { })).isFalse();
    }

    @Test
    void takesQuestionsAgainWhenStartedAfterAStop() {
        answering = answering(1, 10);
        answering.finish(PATIENCE);
        answering.resume();
        var answered = new CompletableFuture<Void>();

        assertThat(answering.take(new ChatAnswering.Line(), () -> answered.complete(null))).isTrue();
        assertThat(answered).succeedsWithin(PATIENCE);
    }

    @Test
    void refusesSettingsThatCouldNotAnswerAnything() {
        assertThatThrownBy(() -> new ChatProperties.Answering(-1, 10)).hasMessageContaining("threads");
        assertThatThrownBy(() -> new ChatProperties.Answering(0, 0)).hasMessageContaining("max-waiting");
    }

    static ChatAnswering answering(int threads, int maxWaiting) {
        return new ChatAnswering(new ChatProperties(16_384, Duration.ofMinutes(10), new ChatProperties.RateLimit(10, 30),
                200, 120, new ChatProperties.Answering(threads, maxWaiting)));
    }

    private CountDownLatch gate() {
        var gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    static void waitFor(CountDownLatch gate) {
        try {
            if (!gate.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never opened its gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + " " + i);
        }
        return names;
    }
}
