package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.socket.CloseStatus;

import dev.parley.conversation.BotReply;
import dev.parley.conversation.Channel;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.SourceExcerpt;
import dev.parley.conversation.Suggestion;
import dev.parley.conversation.UserMessage;
import dev.parley.knowledge.bot.Contact;
import dev.parley.testing.ApiClient;
import dev.parley.text.UserText;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.chat.rate-limit.burst=5", "parley.chat.max-frame-chars=4096"})
@ExtendWith(OutputCaptureExtension.class)
class ChatProtocolTest {

    @LocalServerPort
    int port;

    @Autowired
    ConversationService conversation;

    @Autowired
    ChatSessions sessions;

    @Autowired
    ChatAnswering answering;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServletContext servletContext;

    @Autowired
    JsonMapper json;

    @Test
    void theWebSocketContainerTakesItsLimitsFromTheChatSettings() {
        var container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());

        assertThat(container.getDefaultMaxSessionIdleTimeout()).isEqualTo(Duration.ofMinutes(10).toMillis());
    }

    /** Regression: a buffer as large as the frame limit in every connection was most of what an idle chat cost. */
    @Test
    void theContainersBuffersPerConnectionAreSmallerThanTheFrameLimit() {
        var container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());

        assertThat(container.getDefaultMaxTextMessageBufferSize()).isEqualTo(ChatConfiguration.TEXT_BUFFER_CHARS)
                .isLessThan(4096);
        assertThat(container.getDefaultMaxBinaryMessageBufferSize()).isEqualTo(ChatConfiguration.BINARY_BUFFER_BYTES);
    }

    @Nested
    class MessagesLargerThanTheContainersBuffer {

        /** Unknown fields are ignored: padding makes a frame larger than the buffer without a longer question. */
        private static final String PADDING = "x".repeat(ChatConfiguration.TEXT_BUFFER_CHARS * 3);

        @Test
        void areJoinedAndAnsweredUpToTheFrameLimit() {
            try (var chat = ChatClient.connect(port, "")) {
                chat.next();
                String frame = "{\"type\":\"ask\",\"id\":\"long\",\"pad\":\"" + PADDING
                        + "\",\"text\":\"what does the UNHCR do?\"}";
                assertThat(frame.length()).isGreaterThan(ChatConfiguration.TEXT_BUFFER_CHARS).isLessThan(4096);

                chat.send(frame);

                JsonNode answer = chat.next("answer");
                assertThat(answer.get("replyTo").asString()).isEqualTo("long");
                assertThat(answer.get("intent").asString()).isEqualTo("unhcr");
            }
        }

        @Test
        void sentAsSeveralFramesAreOneMessage() {
            try (var chat = ChatClient.connect(port, "")) {
                chat.next();

                chat.sendInFrames("{\"type\":\"ask\",\"id\":\"parts\",\"pad\":\"" + PADDING, "\",\"text\":\"what does",
                        " the UNHCR do?\"}");

                JsonNode answer = chat.next("answer");
                assertThat(answer.get("replyTo").asString()).isEqualTo("parts");
                assertThat(answer.get("intent").asString()).isEqualTo("unhcr");
            }
        }

        @Test
        void closeWithMessageTooBigWhenTheirFramesTogetherPassTheLimit() {
            try (var chat = ChatClient.connect(port, "")) {
                chat.next();

                // no last frame: the server must close on the part that passes the limit, not wait for the end
                // (sending an end after the close would race the close: "Output closed")
                chat.sendUnfinished("{\"type\":\"ask\",\"id\":\"big\",\"pad\":\"" + "x".repeat(3000),
                        "x".repeat(1100));

                assertThat(chat.closeCode()).isEqualTo(1009);
            }
        }

        @Test
        void aBinaryMessagePastTheFrameLimitClosesWithMessageTooBig() {
            try (var chat = ChatClient.connect(port, "")) {
                chat.next();

                chat.sendBinary(new byte[4097]);

                assertThat(chat.closeCode()).isEqualTo(1009);
            }
        }

        @Test
        void aBinaryMessageLargerThanItsBufferGetsOneError() {
            try (var chat = ChatClient.connect(port, "")) {
                chat.next();

                chat.sendBinary(new byte[ChatConfiguration.BINARY_BUFFER_BYTES * 10]);

                assertThat(chat.next().get("code").asString()).isEqualTo("binary-not-supported");
                chat.ask("after", "what does the UNHCR do?");
                assertThat(chat.next().get("type").asString()).as("no second error for the same message")
                        .isEqualTo("typing");
            }
        }
    }

    @Test
    void welcomesWithASessionAGreetingAndStarterQuestions() {
        try (var chat = ChatClient.connect(port, "")) {
            JsonNode welcome = chat.next();

            assertThat(welcome.get("type").asString()).isEqualTo("welcome");
            assertThat(welcome.get("sessionId").asString()).matches(ConversationService.SESSION_ID_FORMAT);
            assertThat(welcome.get("text").asString()).isEqualTo("Hello! I'm Parley. Ask me how international"
                    + " organizations enforce human rights or address migration.");
            assertThat(welcome.get("name").asString()).isEqualTo("Parley");
            assertThat(welcome.get("language").asString()).isEqualTo("en");
            assertThat(welcome.get("direction").asString()).isEqualTo("ltr");
            assertThat(welcome.get("strings").get("placeholder").asString()).isEqualTo("Ask a question…");
            assertThat(welcome.get("suggestions").valueStream().map(s -> s.get("intent").asString()))
                    .containsExactlyInAnyOrder("icc-referral", "migration-overview", "un-role", "unhcr");
        }
    }

    /** The widget reads these rather than a copy of its own (docs/protocol.md). */
    @Test
    void welcomesWithTheLimitsTheServerAppliesToQuestionsAndComments() {
        try (var chat = ChatClient.connect(port, "")) {
            JsonNode limits = chat.next().get("limits");

            assertThat(limits.toString()).isEqualTo("{\"questionCharacters\":1000,\"commentCharacters\":1000}");
            assertThat(limits.get("questionCharacters").asInt()).isEqualTo(UserText.MAX_LENGTH);
            assertThat(limits.get("commentCharacters").asInt()).isEqualTo(UserText.MAX_LENGTH);
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

    /** docs/protocol.md: the answer frame is the REST reply's object with {@code type} and {@code replyTo} first. */
    @Test
    void anAnswerFrameIsTheRestReplyAfterItsTypeAndReplyTo() {
        var reply = new BotReply("5b0e2c4a-1f2e-4d3c-8b7a-0123456789ab", "Any **state party** can refer cases.",
                "icc-referral", 0.85, false, false, List.of(new Suggestion("icc-role", "What does the ICC do?")),
                List.of(new SourceExcerpt("rights.txt", "Rights", null, "Any state party can refer cases.")), null,
                "session-1");
        var fallback = new BotReply("5b0e2c4a-1f2e-4d3c-8b7a-0123456789ac", "I don't know that one yet.", null,
                1.0E-5, true, false, List.of(), List.of(), new Contact("Write to us", "mailto:help@example.org"),
                "session-1");

        assertThat(json.writeValueAsString(ServerMessages.Answer.to("c1", reply))).isEqualTo("""
                {"type":"answer","replyTo":"c1","answerId":"5b0e2c4a-1f2e-4d3c-8b7a-0123456789ab",\
                "answer":"Any **state party** can refer cases.","intent":"icc-referral","confidence":0.85,\
                "fallback":false,"clarification":false,\
                "suggestions":[{"intent":"icc-role","question":"What does the ICC do?"}],\
                "sources":[{"document":"rights.txt","title":"Rights","url":null,\
                "excerpt":"Any state party can refer cases."}],"contact":null,"sessionId":"session-1"}""");
        assertThat(json.writeValueAsString(ServerMessages.Answer.to(null, fallback))).isEqualTo("""
                {"type":"answer","replyTo":null,"answerId":"5b0e2c4a-1f2e-4d3c-8b7a-0123456789ac",\
                "answer":"I don't know that one yet.","intent":null,"confidence":1.0E-5,"fallback":true,\
                "clarification":false,"suggestions":[],"sources":[],\
                "contact":{"label":"Write to us","url":"mailto:help@example.org"},"sessionId":"session-1"}""");
        assertThat(json.writeValueAsString(ServerMessages.Answer.to("c1", reply)))
                .isEqualTo("{\"type\":\"answer\",\"replyTo\":\"c1\"," + json.writeValueAsString(reply).substring(1));
    }

    @Test
    void anAnswerFrameOverTheWireHasTheDocumentedFieldsInOrder() {
        try (var chat = ChatClient.connect(port, "")) {
            chat.next();
            chat.ask("c1", "what does the UNHCR do?");

            assertThat(chat.next("answer").propertyNames()).containsExactly("type", "replyTo", "answerId", "answer",
                    "intent", "confidence", "fallback", "clarification", "suggestions", "sources", "contact",
                    "sessionId");
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
            assertThat(answer.get("contact").isNull()).as("the seed's bot file gives no contact").isTrue();

            chat.ask("c3", "can I speak to a human?");
            JsonNode person = chat.next("answer");
            assertThat(person.get("contact").isNull()).as("no contact: no bundled talk-to-a-person").isTrue();
            assertThat(person.get("intent").isNull() || !person.get("intent").asString().equals("talk-to-a-person"))
                    .isTrue();
        }
    }

    /** An id in another script is an id: a picked intent the bot does not know is ignored, never an error. */
    @Test
    void takesAPickedIntentWhoseIdIsInAnotherScript() {
        try (var chat = ChatClient.connect(port, "")) {
            chat.next();
            chat.send("{\"type\":\"ask\",\"id\":\"c9\",\"text\":\"who can refer cases to the ICC?\","
                    + "\"intent\":\"كيف-أستعير-كتابا\"}");

            assertThat(chat.next().get("type").asString()).as("no bad-intent error").isEqualTo("typing");
            assertThat(chat.next("answer").get("intent").asString()).isEqualTo("icc-referral");
        }
    }

    @Test
    void clarifiesAndAnswersThePickedCandidate() {
        try (var chat = ChatClient.connect(port, "")) {
            chat.next();
            chat.ask("c10", "what do international organizations do");
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

    /** ChatAnswering: one connection's questions are answered in turn, even when sent without waiting. */
    @Test
    void questionsSentWithoutWaitingAreAnsweredInOrderEachInTheLightOfTheOneBefore() {
        try (var chat = ChatClient.connect(port, "")) {
            chat.next();
            chat.ask("c23", "What does the UNHCR do?");
            chat.ask("c24", "and the IOM?");
            chat.ask("c25", "tell me more");
            JsonNode first = chat.next("answer");
            JsonNode second = chat.next("answer");
            JsonNode third = chat.next("answer");

            assertThat(List.of(first, second, third)).extracting(frame -> frame.get("replyTo").asString())
                    .containsExactly("c23", "c24", "c25");
            assertThat(second.get("intent").asString()).isEqualTo("iom");
            assertThat(third.get("intent").asString()).as("the IOM's first follow-up")
                    .isEqualTo("migration-capacity-building");
        }
    }

    @Test
    void takesFeedbackOnAnAnswer() {
        try (var chat = ChatClient.connect(port, "")) {
            chat.next();
            String answerId = chat.answerIdFor("c30", "who can refer cases to the ICC?");

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

    /**
     * Regression test: 250 x U+FDFA normalises to 4,500 chars, more than the database column held, so the answer was
     * given but its exchange not stored, and feedback on it was refused as an unknown answer.
     */
    @Test
    void takesFeedbackOnTheAnswerToAQuestionThatNormalisationExpandsEighteenfold() {
        try (var chat = ChatClient.connect(port, "")) {
            chat.next();
            String answerId = chat.answerIdFor("c31", "\uFDFA".repeat(250));

            chat.send("{\"type\":\"feedback\",\"id\":\"f7\",\"answerId\":\"" + answerId + "\",\"helpful\":true}");

            assertThat(chat.next().get("type").asString()).isEqualTo("feedback-received");
        }
    }

    /** An answer id handed out names a stored exchange: when storing fails, the chat gets an error, no answer. */
    @Test
    void answersAnErrorAndNoAnswerWhenTheExchangeCannotBeStored() {
        String refused = "refused-" + java.util.UUID.randomUUID();
        jdbc.sql("alter table exchange add constraint chat_refused_in_test check (session_id <> '" + refused + "')")
                .update();
        try (var chat = ChatClient.connect(port, "?sessionId=" + refused)) {
            chat.next();
            chat.ask("c32", "who can refer cases to the ICC?");

            assertUnavailable(chat, "internal-error", "c32");
            chat.ask("c33", "ping?");
            assertThat(chat.next().get("type").asString()).as("the connection stays open").isEqualTo("typing");
        } finally {
            jdbc.sql("alter table exchange drop constraint chat_refused_in_test").update();
        }
    }

    /** A server that takes no more chat questions (full, or stopping) says so and stores nothing. */
    @Test
    void answersBusyAndStoresNothingWhenNoMoreQuestionsAreTaken() {
        String sessionId = "busy-" + java.util.UUID.randomUUID();
        try (var chat = ChatClient.connect(port, "?sessionId=" + sessionId)) {
            chat.next();
            answering.finish(Duration.ZERO);
            try {
                chat.ask("c34", "who can refer cases to the ICC?");

                assertUnavailable(chat, "busy", "c34");
                assertThat(jdbc.sql("select count(*) from exchange where session_id = ?").param(sessionId)
                        .query(Long.class).single()).isZero();
            } finally {
                answering.resume();
            }
            chat.ask("c35", "who can refer cases to the ICC?");
            assertThat(chat.next("answer").get("replyTo").asString()).as("the connection stays open").isEqualTo("c35");
        }
    }

    /** The question was taken (typing), then refused with the code given and the bot file's unavailable text. */
    private static void assertUnavailable(ChatClient chat, String code, String replyTo) {
        chat.next("typing");
        JsonNode error = chat.next();

        assertThat(error.get("type").asString()).isEqualTo("error");
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("replyTo").asString()).isEqualTo(replyTo);
        assertThat(error.get("message").asString()).as("the bot file's unavailable text")
                .isEqualTo("Something went wrong on our side. Please try again.");
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

    @Test
    void theOpenChatsAreNoPublicApi() {
        // Only shutdown closes them all; tests elsewhere go through the test side's ChatConnections.
        assertThat(Modifier.isPublic(ChatSessions.class.getModifiers())).isFalse();
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
            assertRefused("https://evil.example");
        }

        @Test
        void logsARefusedOriginOnceWithTheSettingThatAdmitsIt(CapturedOutput output) {
            assertRefused("https://shop.example.org");
            assertRefused("https://shop.example.org");

            assertThat(output.getOut().lines().filter(line -> line.contains("WARN")
                    && line.contains("Refused a chat connection from a page on 'https://shop.example.org'")))
                    .singleElement().satisfies(line -> assertThat(line)
                            .contains("parley.widget.allowed-origins (PARLEY_WIDGET_ALLOWEDORIGINS)")
                            .contains("[http://localhost:[*], http://127.0.0.1:[*]]")
                            .contains("replaces the localhost defaults"));
        }

        @Test
        // The flood uses up the hour's budget of named origins for this application context: no later test may
        // share it, or its own refused origin would go unnamed.
        @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
        void namesAtMostAHundredRefusedOriginsSoThatForgedOnesCannotFloodTheLog(CapturedOutput output) {
            for (int i = 0; i <= ChatOrigins.MAX_ORIGINS_LOGGED; i++) {
                assertRefused("https://forged-" + i + ".example");
            }
            assertRefused("https://forged-last.example");

            assertThat(output.getOut()).contains("Refused chat connections from more than 100 origins")
                    .doesNotContain("forged-last");
        }

        @Test
        void tellsAnyPageWhetherItMayChat() throws Exception {
            var api = ApiClient.anonymous(port);
            for (var origin : List.of("https://evil.example", "http://localhost:5500")) {
                var response = api.send(api.request("/api/v1/chat/access").header("Origin", origin).GET());

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
                assertThat(response.body()).isEqualTo("{\"origin\":\"" + origin + "\",\"allowed\":"
                        + !origin.contains("evil") + "}");
            }
        }

        private void assertRefused(String origin) {
            assertThatThrownBy(() -> ChatClient.connectFrom(port, origin))
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
        void aNoncharacterOrAControlCharacterInAQuestion() {
            assertError("{\"type\":\"ask\",\"id\":\"x10\",\"text\":\"icc \\ufffe\"}", "x10", "malformed-text");
            assertError("{\"type\":\"ask\",\"id\":\"x11\",\"text\":\"icc \\u001b[2J\"}", "x11", "malformed-text");
        }

        @Test
        void aFeedbackCommentWithHalfASurrogatePairIsRefusedAndNotKept() {
            try (var chat = ChatClient.connect(port, "")) {
                chat.next();
                String answerId = chat.answerIdFor("c40", "who can refer cases to the ICC?");

                chat.send("{\"type\":\"feedback\",\"id\":\"f7\",\"answerId\":\"" + answerId
                        + "\",\"helpful\":false,\"comment\":\"bad \\ud800 answer\"}");
                JsonNode error = chat.next();

                assertThat(error.get("type").asString()).isEqualTo("error");
                assertThat(error.get("code").asString()).isEqualTo("bad-feedback");
                assertThat(error.get("replyTo").asString()).isEqualTo("f7");
                assertThat(error.get("message").asString())
                        .isEqualTo("'comment' must be well-formed Unicode text (it holds half of a surrogate pair).");
                assertThat(jdbc.sql("select count(*) from feedback where answer_id = ?").param(answerId)
                        .query(Integer.class).single()).isZero();
                chat.send("{\"type\":\"feedback\",\"id\":\"f8\",\"answerId\":\"" + answerId
                        + "\",\"helpful\":false,\"comment\":\"bad 🙂 answer\"}");
                assertThat(chat.next().get("type").asString()).as("connection still takes feedback")
                        .isEqualTo("feedback-received");
            }
        }

        /** C0 AF is an overlong '/', 80 a continuation byte with nothing to continue (docs/protocol.md names both). */
        @ParameterizedTest
        @ValueSource(strings = {"\u00C0\u00AF", "\u0080"})
        void aTextFrameThatIsNotValidUtf8ClosesWithInvalidPayload(String badBytes) throws Exception {
            // RFC 6455 makes invalid UTF-8 in a text frame fatal: close 1007, no reply.
            byte[] frame = "{\"type\":\"ask\",\"id\":\"u1\",\"text\":\"icc\u0000\"}".replace("\u0000", badBytes)
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            try (var chat = new RawChatSocket(port)) {
                assertThat(chat.nextText()).contains("\"type\":\"welcome\"");

                chat.sendText(frame);

                assertThat(chat.awaitCloseCode()).isEqualTo(CloseStatus.BAD_DATA.getCode());
            }
        }

        @Test
        void aMalformedIntent() {
            assertError("{\"type\":\"ask\",\"id\":\"x8\",\"text\":\"hi\",\"intent\":\"NOT an id\"}", "x8",
                    "bad-intent");
        }

        /** One wording of the intent-id rule ({@code Intent.NOT_AN_ID}) for both channels. */
        @Test
        void aMalformedIntentIsExplainedInTheWordsOfTheRestApi() {
            JsonNode rest = ApiClient.anonymous(port)
                    .ask("{\"question\":\"hi\",\"intent\":\"NOT an id\"}").json();
            try (var chat = ChatClient.connect(port, "")) {
                chat.next();
                chat.send("{\"type\":\"ask\",\"id\":\"x12\",\"text\":\"hi\",\"intent\":\"NOT an id\"}");

                assertThat(chat.next().get("message").asString())
                        .isEqualTo("'intent' " + rest.get("errors").get(0).get("message").asString() + ".");
            }
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
                assertThat(error.get("message").asString()).as("the bot file's rate-limited text, with the wait")
                        .matches("Too many messages; try again in \\d+ s\\.");
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
