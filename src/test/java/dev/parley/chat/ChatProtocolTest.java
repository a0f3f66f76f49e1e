package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.socket.CloseStatus;

import dev.parley.conversation.Channel;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.UserMessage;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.chat.rate-limit.burst=5", "parley.chat.max-frame-chars=4096"})
class ChatProtocolTest {

    @LocalServerPort
    int port;

    @Autowired
    ConversationService conversation;

    @Autowired
    ChatSessions sessions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void welcomesWithASessionAGreetingAndStarterQuestions() {
        try (var chat = ChatClient.connect(port, "")) {
            JsonNode welcome = chat.next();

            assertThat(welcome.get("type").asString()).isEqualTo("welcome");
            assertThat(welcome.get("sessionId").asString()).matches(ConversationService.SESSION_ID_FORMAT);
            assertThat(welcome.get("text").asString()).startsWith("Hello! I'm Parley.");
            assertThat(welcome.get("suggestions").valueStream().map(s -> s.get("intent").asString()))
                    .containsExactlyInAnyOrder("icc-referral", "migration-overview", "un-role", "unhcr");
        }
    }

    @Test
    void answersAnAskWithTypingThenTheSameAnswerAsTheRestApi() {
        try (var chat = ChatClient.connect(port, "")) {
            String session = chat.next().get("sessionId").asString();

            chat.ask("c1", "who can refer cases to the ICC?");
            JsonNode typing = chat.next();
            JsonNode answer = chat.next();

            assertThat(typing.get("type").asString()).isEqualTo("typing");
            assertThat(typing.get("replyTo").asString()).isEqualTo("c1");
            assertThat(answer.get("type").asString()).isEqualTo("answer");
            assertThat(answer.get("replyTo").asString()).isEqualTo("c1");
            assertThat(answer.get("sessionId").asString()).isEqualTo(session);
            var rest = conversation.reply(new UserMessage("who can refer cases to the ICC?",
                    java.util.Optional.of(session), Channel.REST));
            assertThat(answer.get("intent").asString()).isEqualTo(rest.intent()).isEqualTo("icc-referral");
            assertThat(answer.get("answer").asString()).isEqualTo(rest.answer());
            assertThat(answer.get("confidence").asDouble()).isEqualTo(rest.confidence());
            assertThat(answer.get("fallback").asBoolean()).isFalse();
            assertThat(answer.get("sources").get(0).get("excerpt").asString()).isEqualTo(
                    rest.sources().get(0).excerpt());
            assertThat(answer.get("sources").get(0).get("title").asString()).isEqualTo(rest.sources().get(0).title())
                    .isEqualTo("The role of international organizations in enforcing human rights");
            assertThat(answer.get("sources").get(0).get("url").isNull()).isTrue();
            assertThat(answer.get("suggestions").size()).isEqualTo(rest.suggestions().size());
        }
    }

    @Test
    void fallsBackOverWebSocketToo() {
        try (var chat = ChatClient.connect(port, "")) {
            chat.next();
            chat.ask("c2", "what is the weather in Paris?");

            JsonNode answer = chat.next("answer");

            assertThat(answer.get("fallback").asBoolean()).isTrue();
            assertThat(answer.get("intent").isNull()).isTrue();
            assertThat(answer.get("suggestions")).hasSize(3);
        }
    }

    @Test
    void clarifiesAndAnswersThePickedCandidate() {
        try (var chat = ChatClient.connect(port, "")) {
            chat.next();
            chat.ask("c10", "tell me about international organizations");
            JsonNode clarification = chat.next("answer");
            assertThat(clarification.get("clarification").asBoolean()).isTrue();
            JsonNode candidate = clarification.get("suggestions").get(0);

            chat.send("{\"type\":\"ask\",\"id\":\"c11\",\"text\":\"" + candidate.get("question").asString()
                    + "\",\"intent\":\"" + candidate.get("intent").asString() + "\"}");
            JsonNode answer = chat.next("answer");

            assertThat(answer.get("intent").asString()).isEqualTo(candidate.get("intent").asString());
            assertThat(answer.get("clarification").asBoolean()).isFalse();
        }
    }

    @Test
    void aFollowUpTheConnectionsSessionWasJustAnsweredIsNotOfferedAgain() {
        try (var chat = ChatClient.connect(port, "")) {
            chat.next();
            chat.ask("r1", "What does the International Criminal Court do?");
            assertThat(chat.next("answer").get("intent").asString()).isEqualTo("icc-role");

            chat.ask("r2", "who can refer cases to the ICC?");
            JsonNode referral = chat.next("answer");

            assertThat(referral.get("intent").asString()).isEqualTo("icc-referral");
            assertThat(referral.get("suggestions").valueStream().map(s -> s.get("intent").asString()))
                    .as("icc-referral's follow-ups but icc-role, answered a turn ago").containsExactly("legal-action");
        }
    }

    @Test
    void followUpsAndTellMeMoreUseTheConversationSoFar() {
        try (var chat = ChatClient.connect(port, "")) {
            chat.next();
            chat.ask("c20", "What does the UNHCR do?");
            JsonNode first = chat.next("answer");
            chat.ask("c21", "and the IOM?");
            JsonNode iom = chat.next("answer");
            chat.ask("c22", "tell me more");
            JsonNode more = chat.next("answer");

            assertThat(first.get("suggestions").get(0).get("intent").asString()).isEqualTo("forced-migration");
            assertThat(iom.get("intent").asString()).isEqualTo("iom");
            assertThat(more.get("intent").asString()).as("the IOM's first follow-up")
                    .isEqualTo("migration-capacity-building");
        }
    }

    @Test
    void takesFeedbackOnAnAnswer() {
        try (var chat = ChatClient.connect(port, "")) {
            chat.next();
            chat.ask("c30", "who can refer cases to the ICC?");
            String answerId = chat.next("answer").get("answerId").asString();

            chat.send("{\"type\":\"feedback\",\"id\":\"f1\",\"answerId\":\"" + answerId
                    + "\",\"helpful\":false,\"comment\":\"I wanted the Rome Statute article\"}");
            JsonNode received = chat.next();

            assertThat(received.get("type").asString()).isEqualTo("feedback-received");
            chat.send("{\"type\":\"feedback\",\"id\":\"f6\",\"answerId\":\"" + answerId.toUpperCase()
                    + "\",\"helpful\":false,\"comment\":\"I wanted the Rome Statute article\"}");
            assertThat(chat.next().get("type").asString()).as("an id in capitals names the same answer")
                    .isEqualTo("feedback-received");
            assertThat(received.get("replyTo").asString()).isEqualTo("f1");
            assertThat(received.get("answerId").asString()).isEqualTo(answerId);
            assertThat(jdbc.sql("select helpful, comment from feedback where answer_id = ?").param(answerId)
                    .query((row, n) -> row.getBoolean(1) + "|" + row.getString(2)).single())
                    .isEqualTo("false|I wanted the Rome Statute article");
        }
    }

    @Test
    void answersPing() {
        try (var chat = ChatClient.connect(port, "")) {
            chat.next();
            chat.send("{\"type\":\"ping\",\"id\":\"p1\"}");

            assertThat(chat.next().toString()).isEqualTo("{\"type\":\"pong\",\"replyTo\":\"p1\"}");
        }
    }

    @Test
    void resumesTheSessionItIsGiven() {
        try (var first = ChatClient.connect(port, "")) {
            String session = first.next().get("sessionId").asString();

            try (var again = ChatClient.connect(port, "?sessionId=" + session)) {
                assertThat(again.next().get("sessionId").asString()).isEqualTo(session);
                again.ask("c1", "what does the UNHCR do?");
                assertThat(again.next("answer").get("sessionId").asString()).isEqualTo(session);
            }
        }
    }

    @Test
    void startsANewSessionWhenTheResumedIdIsMalformed() {
        try (var chat = ChatClient.connect(port, "?sessionId=..%2F..%2Fetc")) {
            assertThat(chat.next().get("sessionId").asString()).matches(ConversationService.SESSION_ID_FORMAT);
        }
    }

    @Test
    void closesWithGoingAwaySoClientsReconnect() {
        try (var chat = ChatClient.connect(port, "")) {
            chat.next();

            sessions.closeAll(CloseStatus.GOING_AWAY);

            assertThat(chat.closeCode()).isEqualTo(1001);
        }
    }

    @Nested
    class Origins {

        @Test
        void allowsLocalhostPagesForDevelopment() {
            try (var chat = ChatClient.connectFrom(port, "http://localhost:5500")) {
                assertThat(chat.next().get("type").asString()).isEqualTo("welcome");
            }
        }

        @Test
        void allowsItsOwnOrigin() {
            try (var chat = ChatClient.connectFrom(port, "http://localhost:" + port)) {
                assertThat(chat.next().get("type").asString()).isEqualTo("welcome");
            }
        }

        @Test
        void refusesOtherOrigins() {
            assertThatThrownBy(() -> ChatClient.connectFrom(port, "https://evil.example"))
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse()
                            .statusCode()).isEqualTo(403));
        }
    }

    @Nested
    class ErrorsKeepTheConnectionOpen {

        @Test
        void malformedJson() {
            assertError("{\"type\":\"ask\", oops", null, "malformed-json");
        }

        @Test
        void jsonThatIsNoObject() {
            assertError("[1,2,3]", null, "malformed-json");
        }

        @Test
        void unknownType() {
            assertError("{\"type\":\"dance\",\"id\":\"x1\"}", "x1", "unknown-type");
        }

        @Test
        void missingType() {
            assertError("{\"id\":\"x2\",\"text\":\"hi\"}", "x2", "unknown-type");
        }

        @Test
        void blankText() {
            assertError("{\"type\":\"ask\",\"id\":\"x3\",\"text\":\"   \"}", "x3", "blank-text");
        }

        @Test
        void onlyInvisibleCharacters() {
            assertError("{\"type\":\"ask\",\"id\":\"x6\",\"text\":\"\\u00A0\\u200B\"}", "x6", "blank-text");
        }

        @Test
        void aNumberAsText() {
            assertError("{\"type\":\"ask\",\"id\":\"x7\",\"text\":42}", null, "malformed-json");
        }

        @Test
        void missingText() {
            assertError("{\"type\":\"ask\",\"id\":\"x4\"}", "x4", "blank-text");
        }

        @Test
        void textOverTheLimit() {
            assertError("{\"type\":\"ask\",\"id\":\"x5\",\"text\":\"" + "a".repeat(UserMessage.MAX_LENGTH + 1) + "\"}",
                    "x5", "text-too-long");
        }

        @Test
        void feedbackOnAnAnswerNeverGiven() {
            assertError("{\"type\":\"feedback\",\"id\":\"f2\",\"answerId\":"
                    + "\"00000000-0000-0000-0000-000000000000\",\"helpful\":true}", "f2", "unknown-answer");
        }

        @Test
        void feedbackWithoutAVerdict() {
            assertError("{\"type\":\"feedback\",\"id\":\"f3\",\"answerId\":"
                    + "\"00000000-0000-0000-0000-000000000000\"}", "f3", "bad-feedback");
        }

        @Test
        void feedbackWithAStringForAVerdict() {
            assertError("{\"type\":\"feedback\",\"id\":\"f5\",\"answerId\":"
                    + "\"00000000-0000-0000-0000-000000000000\",\"helpful\":\"yes\"}", "f5", "bad-feedback");
        }

        @Test
        void feedbackWithAMalformedAnswerId() {
            assertError("{\"type\":\"feedback\",\"id\":\"f4\",\"answerId\":\"1 or 1=1\",\"helpful\":true}",
                    "f4", "bad-feedback");
        }

        @Test
        void halfASurrogatePair() {
            assertError("{\"type\":\"ask\",\"id\":\"x9\",\"text\":\"icc \\udc00\"}", "x9", "malformed-text");
        }

        @Test
        void aMalformedIntent() {
            assertError("{\"type\":\"ask\",\"id\":\"x8\",\"text\":\"hi\",\"intent\":\"NOT an id\"}", "x8",
                    "bad-intent");
        }

        @Test
        void overlongId() {
            assertError("{\"type\":\"ping\",\"id\":\"" + "i".repeat(65) + "\"}", null, "bad-id");
        }

        @Test
        void tooManyMessagesTooFast() {
            try (var chat = ChatClient.connect(port, "")) {
                chat.next();
                for (int i = 0; i < 5; i++) {
                    chat.send("{\"type\":\"ping\",\"id\":\"p" + i + "\"}");
                    assertThat(chat.next().get("type").asString()).isEqualTo("pong");
                }

                chat.send("{\"type\":\"ping\",\"id\":\"p5\"}");
                JsonNode error = chat.next();

                assertThat(error.get("code").asString()).isEqualTo("rate-limited");
                assertThat(chat.isOpen()).isTrue();
            }
        }

        @Test
        void binaryFrames() {
            try (var chat = ChatClient.connect(port, "")) {
                chat.next();

                chat.sendBinary(new byte[] {1, 2, 3});
                JsonNode error = chat.next();

                assertThat(error.get("code").asString()).isEqualTo("binary-not-supported");
                chat.ask("after", "what does the UNHCR do?");
                assertThat(chat.next("answer").get("intent").asString()).isEqualTo("unhcr");
            }
        }

        @Test
        void aFrameOverTheSizeLimitClosesWithMessageTooBig() {
            try (var chat = ChatClient.connect(port, "")) {
                chat.next();

                chat.send("{\"type\":\"ask\",\"id\":\"big\",\"text\":\"" + "a".repeat(5000) + "\"}");

                assertThat(chat.closeCode()).isEqualTo(1009);
            }
        }

        private void assertError(String frame, String replyTo, String code) {
            try (var chat = ChatClient.connect(port, "")) {
                chat.next();

                chat.send(frame);
                JsonNode error = chat.next();

                assertThat(error.get("type").asString()).isEqualTo("error");
                assertThat(error.get("code").asString()).isEqualTo(code);
                assertThat(error.get("message").asString()).isNotBlank();
                if (replyTo == null) {
                    assertThat(error.get("replyTo").isNull()).isTrue();
                } else {
                    assertThat(error.get("replyTo").asString()).isEqualTo(replyTo);
                }
                chat.ask("after", "what does the UNHCR do?");
                assertThat(chat.next("answer").get("intent").asString()).as("connection still answers")
                        .isEqualTo("unhcr");
            }
        }
    }
}
