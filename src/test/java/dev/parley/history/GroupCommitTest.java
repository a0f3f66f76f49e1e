package dev.parley.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private static final Duration LONG_WAIT = Duration.ofSeconds(30);
    private static final Duration SHORT_WAIT = Duration.ofMillis(200);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Commits groups as a database would; a row "bad" fails the whole transaction it is in. */
    private static final class Store {

        final List<List<String>> transactions = Collections.synchronizedList(new ArrayList<>());
        final List<String> committed = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstWriteStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void write(List<String> rows) {
            transactions.add(rows);
            firstWriteStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (rows.contains("bad")) {
                throw new IllegalArgumentException("cannot store 'bad'");
            }
            committed.addAll(rows);
        }
    }

    @Test
    void aRowsFutureCompletesOnlyOnceItIsCommitted() throws Exception {
        var store = new Store();
        try (var commits = new GroupCommit<String>("test-writer", store::write, LONG_WAIT)) {
            Future<?> write = commits.submit("first");
            store.firstWriteStarted.await();

            assertThat(write).isNotDone();
            assertThat(store.committed).isEmpty();
            store.release.countDown();
            write.get();
            assertThat(store.committed).containsExactly("first");
        }
    }

    @Test
    void rowsHandedInWhileACommitIsBeingWrittenShareTheNextOne() throws Exception {
        var store = new Store();
        try (var commits = new GroupCommit<String>("test-writer", store::write, LONG_WAIT)) {
            var writes = new ArrayList<Future<?>>();
            writes.add(commits.submit("first"));
            store.firstWriteStarted.await();
            for (String row : List.of("a", "b", "c", "d")) {
                writes.add(commits.submit(row));
            }
            while (commitsWaiting(commits) < 4) {
                Thread.onSpinWait();
            }
            store.release.countDown();
            for (Future<?> write : writes) {
                write.get();
            }

            assertThat(store.transactions).hasSize(2);
            assertThat(store.transactions.get(1)).containsExactlyInAnyOrder("a", "b", "c", "d");
            assertThat(store.committed).containsExactlyInAnyOrder("first", "a", "b", "c", "d");
        }
    }

    @Test
    void aRowThatCannotBeStoredFailsOnlyItsOwnFuture() throws Exception {
        var store = new Store();
        try (var commits = new GroupCommit<String>("test-writer", store::write, LONG_WAIT)) {
            Future<?> first = commits.submit("first");
            store.firstWriteStarted.await();
            Future<?> good = commits.submit("good");
            Future<?> bad = commits.submit("bad");
            while (commitsWaiting(commits) < 2) {
                Thread.onSpinWait();
            }
            store.release.countDown();
            first.get();
            good.get();

            assertThatThrownBy(bad::get).hasCauseInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot store 'bad'");
            assertThat(store.committed).containsExactlyInAnyOrder("first", "good");
        }
    }

    @Test
    void closingWritesWhatIsWaitingAndThenRefusesMore() throws Exception {
        var store = new Store();
        var commits = new GroupCommit<String>("test-writer", store::write, LONG_WAIT);
        Future<?> first = commits.submit("first");
        store.firstWriteStarted.await();
        Future<?> waiting = commits.submit("waiting");
        while (commitsWaiting(commits) < 1) {
            Thread.onSpinWait();
        }

        Future<?> closed = threads.submit(commits::close);
        store.release.countDown();
        closed.get();

        first.get();
        waiting.get();
        assertThat(store.committed).containsExactly("first", "waiting");
        assertThatThrownBy(() -> commits.submit("after").join()).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aCommitThatDoesNotComeInTimeFailsItsFutureInsteadOfHangingIt() {
        var store = new Store();
        try (var commits = new GroupCommit<String>("test-writer", store::write, SHORT_WAIT)) {
            assertThatThrownBy(() -> commits.submit("stalled").join()).hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not committed within");
            store.release.countDown();
        }
    }

    @Test
    void aWriterStoppedMidCommitFailsEveryRowStillWaitingAndRefusesMore() throws Exception {
        var started = new CountDownLatch(1);
        var commits = new GroupCommit<String>("test-writer", rows -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(); // a database that never answers, until the writer is interrupted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }, SHORT_WAIT);
        Future<?> first = commits.submit("first");
        started.await();
        Future<?> waiting = commits.submit("waiting");
        while (commitsWaiting(commits) < 1) {
            Thread.onSpinWait();
        }

        commits.close(); // the writer does not finish within the wait: it is interrupted

        for (Future<?> write : List.of(first, waiting)) {
            assertThatThrownBy(write::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> commits.submit("after").join()).hasCauseInstanceOf(IllegalStateException.class);
    }

    private static int commitsWaiting(GroupCommit<String> commits) {
        return commits.waiting();
    }
}
