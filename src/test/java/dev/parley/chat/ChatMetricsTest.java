package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.PrometheusScrape;

/** What {@code /actuator/prometheus} shows of the chat: the chats open now, and its questions under its channel. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatMetricsTest {

    private static final String OPEN = "parley_chats_open";
    private static final String CHAT = "{channel=\"websocket\"}";
    private static final String REST = "{channel=\"rest\"}";
    // the server learns of a close a moment after the client sends it: generous, not a timing claim
    private static final Duration CLOSE_NOTICED = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Test
    void theOpenChatsGaugeGoesUpWithAConnectionAndBackDownWhenItCloses() {
        double before = PrometheusScrape.of(port).value(OPEN);

        try (var first = ChatClient.connect(port, ""); var second = ChatClient.connect(port, "")) {
            first.next("welcome");
            second.next("welcome");
            assertThat(PrometheusScrape.of(port).value(OPEN)).isEqualTo(before + 2);

            second.close();
            await().atMost(CLOSE_NOTICED).untilAsserted(
                    () -> assertThat(PrometheusScrape.of(port).value(OPEN)).isEqualTo(before + 1));
        }
        await().atMost(CLOSE_NOTICED).untilAsserted(
                () -> assertThat(PrometheusScrape.of(port).value(OPEN)).isEqualTo(before));
    }

    @Test
    void chatQuestionsAreCountedUnderTheirOwnChannel() {
        PrometheusScrape before = PrometheusScrape.of(port);

        try (var chat = ChatClient.connect(port, "")) {
            chat.next("welcome");
            chat.ask("1", "who can refer cases to the ICC?");
            assertThat(chat.next("answer").get("intent").asString()).isEqualTo("icc-referral");
            chat.ask("2", "what is the weather in Paris?");
            assertThat(chat.next("answer").get("fallback").asBoolean()).isTrue();
        }
        PrometheusScrape after = PrometheusScrape.of(port);

        assertThat(after.value("parley_questions_total" + CHAT) - before.value("parley_questions_total" + CHAT))
                .isEqualTo(2);
        assertThat(after.value("parley_answers_total" + CHAT) - before.value("parley_answers_total" + CHAT))
                .isEqualTo(1);
        assertThat(after.value("parley_fallbacks_total" + CHAT) - before.value("parley_fallbacks_total" + CHAT))
                .isEqualTo(1);
        assertThat(after.value("parley_questions_total" + REST))
                .isEqualTo(before.value("parley_questions_total" + REST));
        // both answered, so none is still counted as waiting for an answer (it leaves the count just after sending)
        await().atMost(CLOSE_NOTICED).untilAsserted(
                () -> assertThat(PrometheusScrape.of(port).value("parley_chat_questions_waiting")).isZero());
        // no connection of this test left for the gauge's test to count
        await().atMost(CLOSE_NOTICED).untilAsserted(
                () -> assertThat(PrometheusScrape.of(port).value(OPEN)).isEqualTo(before.value(OPEN)));
    }
}
