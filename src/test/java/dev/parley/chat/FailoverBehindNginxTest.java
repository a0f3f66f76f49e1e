package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.WebSocketHandshakeException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ForkedServer;
import dev.parley.testing.KnowledgeFixture;
import dev.parley.testing.NginxProxy;
import dev.parley.testing.PostgresTestDatabase;
import dev.parley.testing.Requirement;
import dev.parley.testing.Requires;
import tools.jackson.databind.JsonNode;

/**
 * Two real server processes on one PostgreSQL behind a real nginx running the README's configuration: a visitor
 * whose instance is killed (SIGKILL) mid-conversation reconnects through nginx with the session id, reaches the
 * other instance, and the follow-up is still understood in context; no sticky sessions. A page served through nginx on
 * its port may chat, as the server's own origin.
 */
@Requires(Requirement.POSTGRES)
class FailoverBehindNginxTest {

    private static final String SCHEMA = "parley_failover";

    @Test
    @Requires(Requirement.NGINX)
    void aChatWhoseInstanceIsKilledContinuesOnTheOtherThroughNginx(@TempDir Path folder) throws Exception {
        PostgresTestDatabase database = PostgresTestDatabase.required();
        String[] onPostgres = {"--spring.datasource.url=" + database.freshSchema(SCHEMA),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                // behind the proxy, as the README's "Running several instances" says
                "--server.forward-headers-strategy=native", "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
                // no localhost defaults: a page of nginx's own address may chat only as the server's own origin
                "--parley.widget.allowed-origins=https://www.example.org"};
        // A copy of the project's knowledge base, for its follow-ups ("tell me more"): the working copy may change.
        Path intents = KnowledgeFixture.copyFiles(Path.of("intents"), folder.resolve("intents"));
        Path seeds = KnowledgeFixture.copyFiles(Path.of("seeds"), folder.resolve("seeds"));
        Files.createDirectories(folder.resolve("a"));
        Files.createDirectories(folder.resolve("b"));
        Files.createDirectories(folder.resolve("nginx"));
        try (ForkedServer a = ForkedServer.start(folder.resolve("a"), intents, seeds, onPostgres);
             ForkedServer b = ForkedServer.start(folder.resolve("b"), intents, seeds, onPostgres);
             NginxProxy nginx = NginxProxy.inFrontOf(folder.resolve("nginx"), a.port(), b.port())) {
            // A page served through nginx, on nginx's port: the instances must see that origin as their own.
            try (ChatClient page = ChatClient.connectFrom(nginx.port(), "http://localhost:" + nginx.port())) {
                assertThat(page.next("welcome").get("sessionId").asString()).isNotBlank();
            }
            assertThatThrownBy(() -> ChatClient.connectFrom(nginx.port(), "http://localhost:" + (nginx.port() + 1)))
                    .as("another port is another origin").isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(WebSocketHandshakeException.class);
            // One nginx worker takes the instances in turn: one chat on each.
            try (ChatClient first = ChatClient.connect(nginx.port(), "");
                 ChatClient second = ChatClient.connect(nginx.port(), "")) {
                var sessions = new HashMap<ChatClient, String>();
                for (ChatClient chat : List.of(first, second)) {
                    sessions.put(chat, chat.next("welcome").get("sessionId").asString());
                    chat.ask("c1", "What does the IOM do?");
                    JsonNode iom = chat.next("answer");
                    assertThat(iom.get("intent").asString()).as("%s", iom).isEqualTo("iom");
                }

                // REST asks through nginx first, so that it holds kept-alive connections to both instances
                var api = ApiClient.anonymous(nginx.port());
                for (int i = 0; i < 4; i++) {
                    assertThat(api.intentFor("who can refer cases to the ICC?")).isEqualTo("icc-referral");
                }

                assertThat(a.kill()).as("SIGKILL").isEqualTo(128 + 9);

                ChatClient dropped = first.endsWithin(Duration.ofSeconds(10)) ? first : second;
                ChatClient kept = dropped == first ? second : first;
                assertThat(dropped.endsWithin(Duration.ofSeconds(10))).as("the chat on the killed instance ended")
                        .isTrue();
                assertThat(kept.endsWithin(Duration.ofSeconds(1))).as("the chat on the instance still running").isFalse();
                String sessionId = sessions.get(dropped);
                try (ChatClient reconnected = ChatClient.connect(nginx.port(), "?sessionId=" + sessionId)) {
                    assertThat(reconnected.next("welcome").get("sessionId").asString()).isEqualTo(sessionId);
                    reconnected.ask("c3", "tell me more");
                    JsonNode more = reconnected.next("answer");
                    assertThat(more.get("intent").asString()).as("the IOM's first follow-up, read from the context "
                            + "the killed instance kept; nginx said: %s", nginx.errors())
                            .isEqualTo("migration-capacity-building");
                }
                kept.ask("c3", "tell me more");
                assertThat(kept.next("answer").get("intent").asString()).isEqualTo("migration-capacity-building");
            }
            // The bot API through nginx, with one instance gone (and nginx's kept connections to it with it): every
            // request is answered by the other.
            var api = ApiClient.anonymous(nginx.port());
            for (int i = 0; i < 4; i++) {
                assertThat(api.intentFor("who can refer cases to the ICC?")).isEqualTo("icc-referral");
            }
        }
    }
}
