package dev.parley.chat;

import static dev.parley.chat.ChatFixtures.answering;
import static dev.parley.chat.ChatFixtures.worked;
import static dev.parley.testing.Gate.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.testing.Gate;

/** The chats' own answering threads: one connection's questions in turn, a cap on what waits, a stop that drains. */
class ChatAnsweringTest {

    private final List<Gate> gates = Collections.synchronizedList(new ArrayList<>());
    private ChatAnswering answering;

    @AfterEach
    void openGatesAndStop() throws InterruptedException {
        gates.forEach(Gate::open);
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
            assertThat(answering.take(first, worked(() -> answered.add("first " + n)))).isTrue();
            assertThat(answering.take(second, worked(() -> answered.add("second " + n)))).isTrue();
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

        answering.take(slow, worked(gate::pass));
        answering.take(slow, worked(() -> afterSlow.complete(null)));
        answering.take(other, worked(() -> ofOther.complete(null)));

        assertThat(ofOther).succeedsWithin(PATIENCE);
        assertThat(afterSlow).isNotDone();
        gate.open();
        assertThat(afterSlow).succeedsWithin(PATIENCE);
    }

    @Test
    void aThreadGoesOnWhileAReplyWaitsForItsCommitAndTheConnectionsNextQuestionWaitsForItsSending() {
        answering = answering(1, 1_000);
        var waitingForCommit = new ChatAnswering.Line();
        var other = new ChatAnswering.Line();
        var commit = new CompletableFuture<Runnable>();
        var sentOn = new CompletableFuture<String>();
        var nextBegun = new CompletableFuture<Boolean>();
        var ofOther = new CompletableFuture<Void>();

        answering.take(waitingForCommit, () -> commit);
        answering.take(waitingForCommit, worked(() -> nextBegun.complete(sentOn.isDone())));
        answering.take(other, worked(() -> ofOther.complete(null)));

        assertThat(ofOther).as("the one thread was not held by the commit").succeedsWithin(PATIENCE);
        assertThat(nextBegun).isNotDone();
        commit.complete(() -> sentOn.complete(Thread.currentThread().getName()));
        assertThat(sentOn).succeedsWithin(PATIENCE).asString().startsWith("parley-chat-send-");
        assertThat(nextBegun).as("begun after the reply before it was sent").succeedsWithin(PATIENCE).isEqualTo(true);
    }

    @Test
    void aSendingThatHangsHoldsNoAnsweringThread() {
        answering = answering(1, 1_000);
        var gate = gate();
        var sendHeld = new AtomicBoolean(true);
        var ofOther = new CompletableFuture<Boolean>();

        answering.take(new ChatAnswering.Line(), () -> CompletableFuture.completedFuture(() -> {
            gate.pass();
            sendHeld.set(false);
        }));
        answering.take(new ChatAnswering.Line(), worked(() -> ofOther.complete(sendHeld.get())));

        // had the send held the one answering thread, the other question would run only once the gate gave up
        assertThat(ofOther).as("answered while the send was held").succeedsWithin(PATIENCE).isEqualTo(true);
        // the other question's place is given back once its (empty) sending is done; the hanging one keeps its own
        await().atMost(PATIENCE).until(() -> answering.waiting() == 1);
        gate.open();
        await().atMost(PATIENCE).until(() -> answering.waiting() == 0);
    }

    @Test
    void aQuestionThatFailsDoesNotStopTheConnectionsNextOne() {
        answering = answering(1, 10);
        var line = new ChatAnswering.Line();
        var next = new CompletableFuture<Void>();

        answering.take(line, worked(() -> {
            throw new IllegalStateException("answering failed");
        }));
        answering.take(line, worked(() -> {
            throw new StackOverflowError("answering failed harder");
        }));
        answering.take(line, () -> CompletableFuture.failedFuture(new IllegalStateException("not kept")));
        answering.take(line, () -> CompletableFuture.completedFuture(() -> {
            throw new IllegalStateException("the send failed");
        }));
        answering.take(line, worked(() -> next.complete(null)));

        assertThat(next).succeedsWithin(PATIENCE);
        await().atMost(PATIENCE).until(() -> answering.waiting() == 0);
    }

    @Test
    void takesNoMoreThanMaxWaitingQuestionsAtOnceAndTakesAgainOnceOneIsAnswered() {
        answering = answering(1, 2);
        var gate = gate();
        var line = new ChatAnswering.Line();

        assertThat(answering.take(line, worked(gate::pass))).isTrue();
        assertThat(answering.take(new ChatAnswering.Line(), worked(() -> { }))).isTrue();
        assertThat(answering.waiting()).isEqualTo(2);
        assertThat(answering.take(new ChatAnswering.Line(), worked(() -> { }))).as("a third while two wait").isFalse();

        gate.open();
        await().atMost(PATIENCE).until(() -> answering.waiting() == 0);
        assertThat(answering.take(line, worked(() -> { }))).isTrue();
    }

    @Test
    void finishingAnswersWhatWasTakenAndThenTakesNothing() {
        answering = answering(1, 10);
        var gate = gate();
        var line = new ChatAnswering.Line();
        var waiting = new CompletableFuture<Void>();
        answering.take(line, worked(gate::pass));
        answering.take(line, worked(() -> waiting.complete(null)));
        var answeredWhenFinished = new AtomicBoolean();

        var finished = CompletableFuture.runAsync(() -> {
            answering.finish(PATIENCE);
            answeredWhenFinished.set(waiting.isDone());
        });
        // once it takes nothing more the stop has begun, and the first question is still held at its gate
        await().atMost(PATIENCE).until(() -> !answering.take(new ChatAnswering.Line(), worked(() -> { })));
        gate.open();

        assertThat(finished).succeedsWithin(PATIENCE);
        assertThat(answeredWhenFinished).as("the question waiting behind the held one was answered first").isTrue();
        assertThat(answering.take(new ChatAnswering.Line(), worked(() -> { }))).isFalse();
    }

    @Test
    void aStopThatCannotWaitForEveryQuestionDropsThoseNotBegunAndGivesTheirPlacesBack() {
        answering = answering(1, 10);
        var gate = gate();
        var line = new ChatAnswering.Line();
        var notBegun = new AtomicBoolean(true);
        answering.take(line, worked(gate::pass));
        answering.take(line, worked(() -> notBegun.set(false)));

        answering.finish(Duration.ofMillis(1));
        gate.open();

        await().atMost(PATIENCE).until(() -> answering.waiting() == 0);
        assertThat(notBegun).as("not answered after the stop gave up").isTrue();
        answering.resume();
        var answered = new CompletableFuture<Void>();
        assertThat(answering.take(line, worked(() -> answered.complete(null)))).isTrue();
        assertThat(answered).as("every place given back: the line answers again").succeedsWithin(PATIENCE);
    }

    @Test
    void takesNothingOnceTheApplicationHasEnded() throws InterruptedException {
        answering = answering(1, 10);
        answering.destroy();

        assertThat(answering.take(new ChatAnswering.Line(), worked(() -> { }))).isFalse();
        assertThat(answering.waiting()).isZero();
    }

    @Test
    void takesQuestionsAgainWhenStartedAfterAStop() {
        answering = answering(1, 10);
        answering.finish(PATIENCE);
        answering.resume();
        var answered = new CompletableFuture<Void>();

        assertThat(answering.take(new ChatAnswering.Line(), worked(() -> answered.complete(null)))).isTrue();
        assertThat(answered).succeedsWithin(PATIENCE);
    }

    @Test
    void refusesSettingsThatCouldNotAnswerAnything() {
        assertThatThrownBy(() -> new ChatProperties.Answering(-1, 10)).hasMessageContaining("threads");
        assertThatThrownBy(() -> new ChatProperties.Answering(0, 0)).hasMessageContaining("max-waiting");
    }

    private Gate gate() {
        var gate = new Gate();
        gates.add(gate);
        return gate;
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + " " + i);
        }
        return names;
    }
}
