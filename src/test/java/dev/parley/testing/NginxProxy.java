package dev.parley.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx in a process of its own, running the README's configuration ({@code docs/examples/nginx.conf})
 * in front of instances on this machine: the file as it is, with only its ports and log paths changed, each change
 * checked to apply, so that the configuration a reader copies is the one tested.
 */
public final class NginxProxy implements AutoCloseable {

    /** The configuration the README shows. */
    public static final Path CONFIGURATION = Path.of("docs", "examples", "nginx.conf");

    private static final List<String> DOCUMENTED_UPSTREAMS = List.of("127.0.0.1:8081", "127.0.0.1:8082");

    private final Process process;
    private final int port;
    private final Path folder;

    private NginxProxy(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    /**
     * Starts nginx in {@code folder} in front of the instances listening on {@code ports} (as many as the
     * configuration names) and waits until it listens.
     */
    public static NginxProxy inFrontOf(Path folder, int... ports) throws Exception {
        if (ports.length != DOCUMENTED_UPSTREAMS.size()) {
            throw new IllegalArgumentException("the configuration names " + DOCUMENTED_UPSTREAMS.size() + " instances");
        }
        int port = freePort();
        String configuration = Files.readString(CONFIGURATION, StandardCharsets.UTF_8);
        for (int i = 0; i < ports.length; i++) {
            configuration = replace(configuration, "server " + DOCUMENTED_UPSTREAMS.get(i) + " ",
                    "server 127.0.0.1:" + ports[i] + " ");
        }
        configuration = replace(configuration, "listen 8080;", "listen 127.0.0.1:" + port + ";");
        configuration = replace(configuration, "/var/log/nginx/", folder.toAbsolutePath() + "/");
        // One worker, so that connections take the instances in turn, one after the other.
        configuration = replace(configuration, "worker_processes auto;", "worker_processes 1;");
        // Debian's compiled-in temporary folders are under /var/lib/nginx, which only root may write.
        String temporary = folder.toAbsolutePath() + "/temp-";
        configuration = replace(configuration, "http {\n", "http {\n    client_body_temp_path " + temporary + "body;\n"
                + "    proxy_temp_path " + temporary + "proxy;\n    fastcgi_temp_path " + temporary + "fastcgi;\n"
                + "    uwsgi_temp_path " + temporary + "uwsgi;\n    scgi_temp_path " + temporary + "scgi;\n");
        Path file = folder.resolve("nginx.conf");
        Files.writeString(file, configuration, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(Requirement.NGINX_BINARY.toString(), "-p", folder.toAbsolutePath() + "/",
                "-e", folder.resolve("startup-error.log").toAbsolutePath().toString(), "-c", file.toAbsolutePath().toString(),
                "-g", "daemon off; pid " + folder.resolve("nginx.pid").toAbsolutePath() + ";")
                .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
        var proxy = new NginxProxy(process, port, folder);
        try {
            proxy.awaitListening();
        } catch (Exception e) {
            proxy.close();
            throw e;
        }
        return proxy;
    }

    public int port() {
        return port;
    }

    /** What nginx logged of errors (an instance refusing a connection, say), for a failure message. */
    public String errors() throws IOException {
        Path log = folder.resolve("parley-error.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.toHandle().destroy(); // SIGTERM: nginx's fast shutdown
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": "
                        + Files.readString(folder.resolve("nginx.out")) + errors());
            }
            try (var socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within 10 s");
    }

    private static String replace(String text, String documented, String tested) {
        if (!text.contains(documented)) {
            throw new IllegalStateException(CONFIGURATION + " no longer holds '" + documented.strip()
                    + "': update NginxProxy with it");
        }
        return text.replace(documented, tested);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
