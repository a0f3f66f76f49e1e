package dev.parley.api;

import static dev.parley.testing.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.ApiClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AskApiTest {

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.anonymous(port);
    }

    @Test
    void answersTheIccReferralQuestionWithItsCuratedAnswer() {
        ApiClient.Response response = api.ask(body("question", "who can refer cases to the ICC?"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode reply = response.json();
        assertThat(reply.get("intent").asString()).isEqualTo("icc-referral");
        assertThat(reply.get("fallback").asBoolean()).isFalse();
        assertThat(reply.get("answer").asString()).contains("state party").contains("UN Security Council")
                .contains("ICC prosecutor");
        assertThat(reply.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(reply.get("sources").get(0).get("document").asString()).isEqualTo("000_14061bbafc9ccbc5.txt");
        assertThat(reply.get("sources").get(0).get("excerpt").asString()).contains("can refer cases");
        assertThat(reply.get("suggestions")).isNotEmpty();
        assertThat(reply.get("suggestions").get(0).has("intent")).isTrue();
        assertThat(reply.get("suggestions").get(0).has("question")).isTrue();
        assertThat(reply.get("sessionId").asString()).matches("[A-Za-z0-9_-]{8,64}");
    }

    @Test
    void aSourceNamesItsDocumentByTitleFromTheSeedsIndexBesideTheFileName() {
        JsonNode source = api.ask(body("question", "who can refer cases to the ICC?")).json().get("sources").get(0);

        assertThat(source.propertyNames()).containsExactly("document", "title", "url", "excerpt");
        assertThat(source.get("document").asString()).isEqualTo("000_14061bbafc9ccbc5.txt");
        assertThat(source.get("title").asString())
                .isEqualTo("The role of international organizations in enforcing human rights");
        assertThat(source.get("url").isNull()).as("the seed documents have no link").isTrue();
    }

    @Test
    void fallsBackOnTheWeatherWithQuestionsItCanAnswer() {
        JsonNode reply = api.ask(body("question", "what is the weather in Paris?")).json();

        assertThat(reply.get("fallback").asBoolean()).isTrue();
        assertThat(reply.get("intent").isNull()).isTrue();
        assertThat(reply.get("answer").asString()).startsWith("I don't know that one yet");
        assertThat(reply.get("suggestions")).hasSize(3);
        assertThat(reply.get("sources")).isEmpty();
        assertThat(reply.get("contact").isNull()).as("the seed's bot file gives no contact").isTrue();
    }

    /** Without a contact in the bot file there is no bundled talk-to-a-person intent, and no contact to offer. */
    @Test
    void withoutAContactAskingForAPersonGetsNoContact() {
        JsonNode reply = api.replyTo("can I speak to a human?");

        assertThat(reply.get("intent").isNull() || !reply.get("intent").asString().equals("talk-to-a-person"))
                .isTrue();
        assertThat(reply.get("contact").isNull()).isTrue();
    }

    @Test
    void keepsTheSessionTheClientPassesBack() {
        String session = api.ask(body("question", "hello")).json().get("sessionId").asString();

        JsonNode next = api.ask(body("question", "what does the UNHCR do?", "sessionId", session)).json();

        assertThat(next.get("sessionId").asString()).isEqualTo(session);
        assertThat(next.get("intent").asString()).isEqualTo("unhcr");
    }

    @Test
    void ignoresUnknownFields() {
        ApiClient.Response response = api.ask("{\"question\":\"what does the UNHCR do?\",\"locale\":\"en\",\"x\":[1]}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("intent").asString()).isEqualTo("unhcr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"🙂🙂🙂", "ما هو دور الأمم المتحدة؟", "\uD83D\uDC4D the ICC 👍", "'; DROP TABLE intents; --",
            "<img src=x onerror=alert(1)>"})
    void handlesAnyUnicodeText(String question) {
        ApiClient.Response response = api.ask(body("question", question));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("answer").asString()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ｗｈｏ ｃａｎ ｒｅｆｅｒ ｃａｓｅｓ ｔｏ ｔｈｅ ＩＣＣ？", "who\u200B can refer\u202E cases to the ICC?",
            "WHO CAN REFER CASES TO THE ICC", "  who   can refer cases to the icc  "})
    void normalisesDisguisedFormsOfTheSameQuestion(String question) {
        assertThat(api.ask(body("question", question)).json().get("intent").asString()).isEqualTo("icc-referral");
    }

    @ParameterizedTest
    @ValueSource(strings = {"👩🏽‍⚖️ who can refer cases to the ICC? 🇺🇳", "من يستطيع إحالة القضايا إلى المحكمة الجنائية الدولية؟",
            "who can re\u0301fer ca\u0308ses to the ICC?", "who can refer\ncases\tto the ICC?\r\n"})
    void acceptsEmojiRightToLeftScriptsCombiningMarksAndLineBreaks(String question) {
        ApiClient.Response response = api.ask(body("question", question));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("answerId").asString()).isNotBlank();
    }

    @Test
    void aQuestionOfExactlyTheLimitIsAnswered() {
        assertThat(api.ask(body("question", "a".repeat(AskRequest.MAX_QUESTION_LENGTH))).status()).isEqualTo(200);
    }

    @Test
    void theLimitCountsCharactersNotUtf16Units() {
        assertThat(api.ask(body("question", "🙂".repeat(AskRequest.MAX_QUESTION_LENGTH))).status()).isEqualTo(200);
    }

    @Test
    void textWithoutAnyKnownWordIsOfferedTheStarterQuestions() {
        JsonNode reply = api.ask(body("question", "🙂🙂🙂")).json();

        assertThat(reply.get("fallback").asBoolean()).isTrue();
        assertThat(reply.get("suggestions").valueStream().map(s -> s.get("intent").asString()))
                .containsExactlyInAnyOrder("icc-referral", "migration-overview", "un-role", "unhcr");
    }

    @Test
    void concurrentQuestionsGetTheSameAnswersAsSequentialOnes() {
        List<String> questions = List.of("who can refer cases to the ICC?", "what does the UNHCR do?",
                "what is the weather in Paris?", "hello");
        List<String> sequential = questions.stream().map(q -> intentOf(api.ask(body("question", q)).json())).toList();

        List<String> concurrent = IntStream.range(0, 40).parallel()
                .mapToObj(i -> intentOf(api.ask(body("question", questions.get(i % 4))).json())).toList();

        assertThat(concurrent).isEqualTo(IntStream.range(0, 40).mapToObj(i -> sequential.get(i % 4)).toList());
    }

    private static String intentOf(JsonNode reply) {
        return reply.get("fallback").asBoolean() ? "fallback" : reply.get("intent").asString();
    }

    @Nested
    class BadInputGetsProblemDetails {

        @Test
        void blankQuestion() {
            assertBadRequest(api.ask(body("question", "   ")), "'question' must not be blank");
        }

        @Test
        void missingQuestion() {
            assertBadRequest(api.ask("{}"), "'question' must not be blank");
        }

        @Test
        void nullQuestion() {
            assertBadRequest(api.ask("{\"question\":null}"), "'question' must not be blank");
        }

        @Test
        void questionOverTheLimit() {
            assertBadRequest(api.ask(body("question", "a".repeat(AskRequest.MAX_QUESTION_LENGTH + 1))),
                    "'question' must be at most 1000 characters long");
            assertBadRequest(api.ask(body("question", "🙂".repeat(AskRequest.MAX_QUESTION_LENGTH + 1))),
                    "'question' must be at most 1000 characters long");
        }

        @Test
        void onlyInvisibleOrSpaceCharacters() {
            assertBadRequest(api.ask(body("question", "\u00A0\u200B\u2003\u202E")), "'question' must not be blank");
        }

        @Test
        void halfASurrogatePair() {
            // A JSON escape can carry half a surrogate pair: text no encoding can write, in storage or intent files.
            assertBadRequest(api.ask("{\"question\": \"who can refer \\ud800 cases?\"}"),
                    "'question' must be well-formed Unicode text");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\uFFFE", "\uFFFF", "\uFDD0", "\uFDEF", "\uD83F\uDFFF", "\uDBFF\uDFFE"})
        void aNoncharacter(String noncharacter) {
            assertBadRequest(api.ask(body("question", "who can refer " + noncharacter + " cases?")),
                    "'question' must not hold U+" + Integer.toHexString(noncharacter.codePointAt(0))
                            .toUpperCase(java.util.Locale.ROOT) + ", a Unicode noncharacter");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u0000", "\u0007", "\u001B[2J", "\u007F", "\u0085", "\u000B"})
        void aControlCharacterOtherThanTabAndLineBreaks(String control) {
            assertBadRequest(api.ask(body("question", "who can refer " + control + " cases?")),
                    "'question' must not hold control characters other than tab and line breaks");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"C0AF", "E080AF", "F08080AF", "EDA080", "F4908080", "FF", "E282", "80"})
        void aBodyThatIsNotValidUtf8(String hex) {
            // C0 AF is an overlong '/': the JSON parser alone would read it as '/', so it must never get that far.
            byte[] body = bytes("{\"question\":\"who can refer cases to the ICC",
                    java.util.HexFormat.of().parseHex(hex), "?\"}");

            assertBadRequest(api.post("/api/v1/ask", "application/json", body), "The body is not valid UTF-8.");
        }

        private static byte[] bytes(String before, byte[] middle, String after) {
            var out = new java.io.ByteArrayOutputStream();
            out.writeBytes(before.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.writeBytes(middle);
            out.writeBytes(after.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        @Test
        void aNumberIsNoQuestion() {
            assertBadRequest(api.ask("{\"question\": 42}"),
                    "not valid JSON of the expected shape: 'question' must be text (a JSON string)");
        }

        @Test
        void aBooleanIsNoQuestion() {
            assertBadRequest(api.ask("{\"question\": true}"), "not valid JSON of the expected shape");
        }

        @Test
        void anObjectIsNoQuestion() {
            assertBadRequest(api.ask("{\"question\": {\"text\": \"hi\"}}"), "not valid JSON of the expected shape");
        }

        @Test
        void aFieldGivenTwice() {
            assertBadRequest(api.ask("{\"question\": \"  \", \"question\": \"who can refer cases?\"}"),
                    "not valid JSON of the expected shape: a field is given twice");
        }

        @Test
        void aNumberAsSessionId() {
            assertBadRequest(api.ask("{\"question\": \"hi\", \"sessionId\": 12345678}"), "not valid JSON");
        }

        @Test
        void aBodyLargerThanAnyValidRequest() {
            ApiClient.Response response = api.ask(body("question", "hi", "padding", "x".repeat(100_000)));

            assertProblem(response, 413);
            assertThat(response.json().get("detail").asString()).contains("16384 bytes");
        }

        @Test
        void theErrorPathItself() {
            assertProblem(api.get("/error"), 404);
        }

        @Test
        void malformedSessionId() {
            assertBadRequest(api.ask(body("question", "hi", "sessionId", "../../etc")),
                    "'sessionId' must be 8 to 64 letters, digits, '-' or '_'");
        }

        @Test
        void malformedJson() {
            assertBadRequest(api.ask("{\"question\": \"unterminated"), "not valid JSON");
        }

        @Test
        void jsonOfTheWrongShape() {
            assertBadRequest(api.ask("[\"who can refer cases?\"]"), "not valid JSON of the expected shape");
        }

        @Test
        void emptyBody() {
            assertBadRequest(api.ask(""), "missing");
        }

        /** The ask declares its example where the other endpoints do, not inside the exception handler. */
        @Test
        void anEmptyBodyIsExplainedWithTheExampleTheAskDeclares() {
            String example = AskController.class.getAnnotation(dev.parley.system.BodyExample.class).value();

            assertThat(api.ask("").json().get("detail").asString()).isEqualTo(
                    "The request body is missing or is not valid JSON of the expected shape, e.g. " + example + ".");
        }

        @Test
        void wrongContentType() {
            ApiClient.Response response = api.post("/api/v1/ask", "text/plain", "who can refer cases?");

            assertProblem(response, 415);
            assertThat(response.json().get("detail").asString()).contains("text/plain");
        }

        @Test
        void wrongMethod() {
            assertProblem(api.get("/api/v1/ask"), 405);
        }

        @Test
        void unknownPath() {
            assertProblem(api.get("/api/v1/nothing-here"), 404);
        }

        private void assertBadRequest(ApiClient.Response response, String detail) {
            assertProblem(response, 400);
            assertThat(response.json().get("detail").asString()).contains(detail);
        }

        private void assertProblem(ApiClient.Response response, int status) {
            assertThat(response.status()).isEqualTo(status);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ")
                    .doesNotContain("trace");
        }
    }
}
