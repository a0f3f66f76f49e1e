package dev.parley.nlu.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.ParleyApplication;
import dev.parley.testing.ApiClient;

/**
 * The server starts and answers with the sentence encoder while it cannot reach any network: it runs in a JVM of its
 * own whose HTTP, HTTPS and SOCKS proxies point at a closed local port, so any download or usage report fails, and
 * whose working and home folders are empty, so nothing downloaded earlier can stand in. Start-up would then fail,
 * and with it this test.
 */
class EncoderStartsOfflineTest {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final String CLOSED_PORT = "9";

    @Test
    void theHybridServerStartsAndAnswersWithoutANetwork(@TempDir Path workDir) throws Exception {
        Path home = Files.createDirectories(workDir.resolve("home"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + CLOSED_PORT,
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + CLOSED_PORT,
                "-DsocksProxyHost=127.0.0.1", "-DsocksProxyPort=" + CLOSED_PORT,
                "-Dhttp.nonProxyHosts=", "-Duser.home=" + home,
                ParleyApplication.class.getName(), "--server.port=0", "--parley.nlu.classifier=hybrid",
                "--parley.knowledge.intents-dir=" + Path.of("intents").toAbsolutePath(),
                "--parley.knowledge.seeds-dir=" + Path.of("seeds").toAbsolutePath());
        Process server = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        var log = new ArrayList<String>();
        try {
            int port = awaitPort(server, log).get(3, TimeUnit.MINUTES);

            String reply = ask(port, "who can refer cases to the ICC?");

            assertThat(reply).contains("\"intent\":\"icc-referral\"");
            // data/ alone would prove nothing: the embedded database creates it too.
            assertThat(workDir.resolve("data/djl")).as("the encoder's native cache, inside the app's data folder")
                    .isDirectory();
            assertThat(home.resolve(".djl.ai")).as("DJL's default cache, in the home folder").doesNotExist();
        } catch (Exception | AssertionError e) {
            synchronized (log) {
                throw new AssertionError("server log:\n" + String.join("\n", log), e);
            }
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** Reads the server's log until it says which port it listens on; completes exceptionally if it exits first. */
    private static CompletableFuture<Integer> awaitPort(Process server, List<String> log) {
        var port = new CompletableFuture<Integer>();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (log) {
                        log.add(line);
                    }
                    Matcher matcher = PORT.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the server exited before it listened"));
        }, "server-log");
        reader.setDaemon(true);
        reader.start();
        return port;
    }

    private static String ask(int port, String question) {
        // The test's own client goes direct (ApiClient never uses a proxy): only the server's JVM has the dead ones.
        return ApiClient.anonymous(port).ask(ApiClient.body("question", question)).body();
    }
}
