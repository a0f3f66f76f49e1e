package dev.parley.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.parley.ParleyApplication;

/**
 * A Parley server in a process of its own, started as a user would start it: the application's own settings (the
 * test class path's in-memory database override is left out, so the default H2 file database is the one in use), in
 * a working folder of its own, where that database lives under {@code data/}.
 */
public final class ForkedServer implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final List<String> log = new ArrayList<>();
    private final CompletableFuture<Void> logEnded = new CompletableFuture<>();
    private final int port;

    private ForkedServer(Process process) throws Exception {
        this.process = process;
        this.port = awaitPort().get(3, TimeUnit.MINUTES);
    }

    /**
     * Starts a server in {@code workDir} on a free port and waits until it listens.
     *
     * @param extraArguments more {@code --key=value} arguments, e.g. another datasource URL
     */
    public static ForkedServer start(Path workDir, String... extraArguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(), "-cp", applicationClassPath(),
                ParleyApplication.class.getName(), "--server.port=0",
                "--parley.nlu.classifier=maxent",     // the fastest start; the database is what is tested
                "--parley.api.rate-limit.per-minute=0", // one test client asks as fast as it can
                // The tests' own knowledge base: a working copy with edited intents must not stop the server.
                "--parley.knowledge.intents-dir=" + KnowledgeFixture.intents(),
                "--parley.knowledge.seeds-dir=" + KnowledgeFixture.seeds()));
        command.addAll(Arrays.asList(extraArguments));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        try {
            return new ForkedServer(process);
        } catch (Exception e) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** Ends the process with SIGKILL (what {@link Process#destroyForcibly()} sends on Linux); returns its exit code. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not end within 30 s of SIGKILL");
        }
        return process.exitValue();
    }

    /** What the server printed so far, for a failure message. */
    public String log() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            // SIGTERM through the handle: Process.destroy() would also close our end of the server's output, and the
            // log of its orderly stop would be lost.
            process.toHandle().destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
        try {
            logEnded.get(10, TimeUnit.SECONDS); // the last lines of the log, read to the end of the stream
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // The log stays as read so far; a test that needs its last lines says what it missed.
        }
    }

    /** The test JVM's class path without the test classes: their configuration would swap in an in-memory database. */
    private static String applicationClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Reads the server's log until it says which port it listens on; completes exceptionally if it exits first. */
    private CompletableFuture<Integer> awaitPort() {
        var listening = new CompletableFuture<Integer>();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (log) {
                        log.add(line);
                    }
                    Matcher matcher = PORT.matcher(line);
                    if (matcher.find()) {
                        listening.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            } finally {
                logEnded.complete(null);
            }
            listening.completeExceptionally(new IllegalStateException("the server exited before it listened:\n"
                    + log()));
        }, "forked-server-log");
        reader.setDaemon(true);
        reader.start();
        return listening;
    }
}
