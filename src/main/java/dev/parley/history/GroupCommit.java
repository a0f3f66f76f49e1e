package dev.parley.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Writes what many request threads hand in at the same moment in one transaction, and tells each of them, by a
 * future, once its own row is committed: durable before the reply leaves, but one commit (one chunk of the H2
 * file, one fsync on PostgreSQL) for all the exchanges that arrived while the previous commit was being written,
 * rather than one each. When a group fails, its rows are written again one by one, so that one bad row withholds
 * only its own reply. One writer thread; {@link #close} writes what is waiting, then refuses more. A row not
 * committed within the longest wait fails its future (its reply is withheld, as a pooled connection's timeout did
 * before grouping), and however the writer ends, every row still waiting fails rather than waiting forever.
 *
 * @param <T> what is written
 */
final class GroupCommit<T> implements AutoCloseable {

    /** Rows at most in one transaction: enough to share a commit among every request thread at full load. */
    static final int MAX_GROUP = 256;


    private final Consumer<List<T>> writeInOneTransaction;
    private final BlockingQueue<Pending<T>> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final Duration maxWait;
    private boolean closed;

    /**
     * @param writeInOneTransaction writes every row given and commits them together, or throws and writes none
     * @param maxWait               how long a request waits for its commit, and {@link #close} for the writer
     */
    GroupCommit(String name, Consumer<List<T>> writeInOneTransaction, Duration maxWait) {
        this.writeInOneTransaction = writeInOneTransaction;
        this.maxWait = maxWait;
        this.writer = new Thread(this::writeUntilClosed, name);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Hands the row in and returns at once, so that a caller with other work goes on while it is written.
     *
     * @return completes once the row is committed; fails with what writing it threw (it is not kept), or with an
     *         {@link IllegalStateException} after {@link #close} or when it is not committed within the longest wait
     */
    CompletableFuture<Void> submit(T row) {
        var pending = new Pending<T>(row, new CompletableFuture<>());
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("the writer is closed: " + writer.getName()));
            }
            waiting.add(pending);
        }
        // a stalled database withholds the reply, as a pooled connection's own timeout did before grouping
        return pending.committed().copy().orTimeout(maxWait.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        unwrapped(failure) instanceof TimeoutException
                                ? new IllegalStateException("not committed within " + maxWait.toSeconds() + " s: "
                                        + writer.getName() + " has " + waiting.size() + " row(s) waiting")
                                : unwrapped(failure)));
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : failure;
    }

    private void writeUntilClosed() {
        var group = new ArrayList<Pending<T>>(MAX_GROUP);
        try {
            while (true) {
                Pending<T> first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    synchronized (this) {
                        if (closed && waiting.isEmpty()) {
                            return;
                        }
                    }
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, MAX_GROUP - 1);
                writeGroup(group);
                group.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // however the writer ends, nobody is left waiting for a commit that will not come
            refuseWhatIsLeft(group, "the writer stopped: " + writer.getName());
        }
    }

    private void refuseWhatIsLeft(List<Pending<T>> group, String why) {
        synchronized (this) {
            closed = true;
        }
        var left = new ArrayList<>(group);
        waiting.drainTo(left);
        var refused = new IllegalStateException(why);
        left.forEach(pending -> pending.committed().completeExceptionally(refused));
    }

    private void writeGroup(List<Pending<T>> group) {
        try {
            writeInOneTransaction.accept(group.stream().map(Pending::row).toList());
            group.forEach(pending -> pending.committed().complete(null));
        } catch (RuntimeException | Error groupFailed) {
            if (group.size() == 1) {
                group.get(0).committed().completeExceptionally(groupFailed);
                return;
            }
            for (Pending<T> pending : group) {
                try {
                    writeInOneTransaction.accept(List.of(pending.row()));
                    pending.committed().complete(null);
                } catch (RuntimeException | Error failed) {
                    pending.committed().completeExceptionally(failed);
                }
            }
        }
    }

    /** Rows handed in and not yet taken into a transaction. */
    int waiting() {
        return waiting.size();
    }

    /** Writes what is waiting, then stops the writer; later rows fail at once. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            writer.join(maxWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt(); // its loop then refuses what it still holds
        }
    }

    private record Pending<T>(T row, CompletableFuture<Void> committed) {
    }
}
