package dev.parley.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ChunkedPost;
import dev.parley.testing.KnowledgeFixture;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/admin/proposals} against the running app, with the intents in a folder of the test's own. */
class ProposalApiTest extends EditableIntentsApp {

    // The fixture's model falls back on it; once it is an example of icc-referral, the bot answers it.
    private static final String UNANSWERED = "who triggers a rome statute docket";
    private static final String LAST_SEED_EXAMPLE = "  - so who gets to send cases to the icc?\n";

    Path iccReferral;

    @BeforeEach
    void findTheReferralIntent() {
        iccReferral = intents.resolve("icc-referral.yaml");
    }


    @Test
    void addsTheNewExamplesAndLeavesEveryOtherLineOfTheFileAsItWas() {
        String curated = curatedIccReferral();
        KnowledgeFixture.write(iccReferral, curated);
        assertThat(admin.reload().status()).isEqualTo(200);
        assertThat(admin.intentFor(UNANSWERED)).isNotEqualTo("icc-referral");

        ApiClient.Response response = admin.propose("icc-referral", UNANSWERED,
                "who may bring a matter before the international criminal court", "ICC referrals",
                "what does the ICC do?", "Who triggers a Rome Statute docket!", "Who can refer cases to the "
                        + "International Criminal Court");

        assertThat(response.status()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("intent").asString()).isEqualTo("icc-referral");
        assertThat(texts(result.get("added"))).containsExactly(UNANSWERED,
                "who may bring a matter before the international criminal court");
        assertThat(skipped(result)).containsExactly(
                "ICC referrals | is already an example of this intent",
                "what does the ICC do? | is already an example of intent 'icc-role'",
                "Who triggers a Rome Statute docket! | repeats an earlier example of this proposal",
                "Who can refer cases to the International Criminal Court | is already the question of this intent");
        assertThat(result.get("reload").get("examples").asInt()).isEqualTo(IntentsFolder.seedExampleCount() + 2);
        assertThat(IntentsFolder.read(iccReferral)).isEqualTo(curated.replace(LAST_SEED_EXAMPLE, LAST_SEED_EXAMPLE
                + "  - " + UNANSWERED + "\n  - who may bring a matter before the international criminal court\n"));
        assertThat(examplesOnFile(iccReferral)).endsWith("so who gets to send cases to the icc?", UNANSWERED,
                "who may bring a matter before the international criminal court");
        assertThat(admin.intentFor(UNANSWERED)).isEqualTo("icc-referral");
    }

    @Test
    void quotesAnExampleThatYamlWouldOtherwiseReadAsSomethingElse() {
        ApiClient.Response response = admin.propose("icc-referral", "icc: who refers? # really");

        assertThat(response.status()).isEqualTo(200);
        assertThat(IntentsFolder.read(iccReferral)).contains(LAST_SEED_EXAMPLE + "  - 'icc: who refers? # really'\n");
        assertThat(examplesOnFile(iccReferral)).endsWith("icc: who refers? # really");
    }

    @Test
    void dropsInvisibleCharactersFromTheExampleItWrites() {
        ApiClient.Response response = admin.propose("icc-referral", "\uFEFFwho sends\u200B cases to\u202E the hague");

        assertThat(response.status()).isEqualTo(200);
        assertThat(IntentsFolder.read(iccReferral)).contains(LAST_SEED_EXAMPLE + "  - who sends cases to the hague\n");
    }

    @Test
    void writesNothingWhenEveryExampleIsKnownAlready() {
        String before = IntentsFolder.read(iccReferral);

        ApiClient.Response response = admin.propose("icc-referral", "icc referrals", "What does the ICC do");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("added")).isEmpty();
        assertThat(response.json().get("skipped")).hasSize(2);
        assertThat(response.json().get("reload").isNull()).isTrue();
        assertThat(IntentsFolder.read(iccReferral)).isEqualTo(before);
    }

    @Test
    void skipsAQuestionTheKnowledgeBaseListsAsOutOfScope() {
        String before = IntentsFolder.read(iccReferral);

        ApiClient.Response response = admin.propose("icc-referral", "ICC seat city?");

        assertThat(response.status()).isEqualTo(200);
        assertThat(skipped(response.json())).containsExactly("ICC seat city? | is already a question this knowledge "
                + "base does not answer (intents/_out-of-scope.yaml)");
        assertThat(IntentsFolder.read(iccReferral)).isEqualTo(before);
    }

    /**
     * Regression: curation compared phrasings as the classifier reads them and the reload by a rule of its own, which
     * read "U.N." as the letters "u n"; so this proposal was added, and then refused by the reload as a repeat (422).
     */
    @Test
    void aProposalCurationAcceptsIsOneTheReloadAccepts() {
        KnowledgeFixture.write(iccReferral, IntentsFolder.read(iccReferral).replace(LAST_SEED_EXAMPLE,
                LAST_SEED_EXAMPLE + "  - what does the u n do\n"));
        assertThat(admin.reload().status()).isEqualTo(200);

        ApiClient.Response response = admin.propose("icc-referral", "What does the U.N. do?");

        assertThat(response.status()).isEqualTo(200);
        assertThat(texts(response.json().get("added"))).containsExactly("What does the U.N. do?");
        assertThat(examplesOnFile(iccReferral)).endsWith("what does the u n do", "What does the U.N. do?");
    }

    /** The other way round: what curation skips as the same phrasing, the reload refuses as a repeat. */
    @Test
    void aProposalCurationSkipsAsTheSamePhrasingIsOneTheReloadRefuses() {
        String withAcronym = IntentsFolder.read(iccReferral).replace(LAST_SEED_EXAMPLE,
                LAST_SEED_EXAMPLE + "  - What does the U.N. do?\n");
        KnowledgeFixture.write(iccReferral, withAcronym);
        assertThat(admin.reload().status()).isEqualTo(200);

        ApiClient.Response response = admin.propose("icc-referral", "what does the UN do");

        assertThat(response.status()).isEqualTo(200);
        assertThat(skipped(response.json())).containsExactly("what does the UN do | is already an example of this "
                + "intent");
        KnowledgeFixture.write(iccReferral, withAcronym.replace("  - What does the U.N. do?\n",
                "  - What does the U.N. do?\n  - what does the UN do\n"));
        ApiClient.Response byHand = admin.reload();
        assertThat(byHand.status()).isEqualTo(422);
        assertThat(byHand.json().get("errors").get(0).get("reason").asString())
                .startsWith("repeats examples[").endsWith("]: 'what does the UN do'");
    }

    @Test
    void putsTheFileBackAndKeepsTheModelWhenTheReloadFails() throws IOException {
        String before = IntentsFolder.read(iccReferral);
        KnowledgeFixture.write(intents.resolve("no-answer.yaml"),
                "question: Who?\nexamples: [a, b, c, d, e, f, g, h, i, j, k, l]\n");

        ApiClient.Response response = admin.propose("icc-referral", UNANSWERED);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> errors = new ArrayList<>();
        response.json().get("errors").forEach(error -> errors.add(Path.of(error.get("file").asString()).getFileName()
                + " | " + error.get("field").asString() + " | " + error.get("reason").asString()));
        assertThat(errors).contains("no-answer.yaml | answer | is missing");
        assertThat(IntentsFolder.read(iccReferral)).isEqualTo(before);
        try (Stream<Path> files = Files.list(intents)) {
            assertThat(files.map(file -> file.getFileName().toString())).allMatch(name -> name.endsWith(".yaml"));
        }
        assertThat(admin.intentFor(UNANSWERED)).isNotEqualTo("icc-referral");
        assertThat(admin.intentFor("who can refer cases to the ICC?")).isEqualTo("icc-referral");
    }

    @Test
    void appliesProposalsThatArriveTogetherOneAfterAnother() throws Exception {
        List<String> examples = List.of("icc mandate in a nutshell", "purpose of the hague criminal court",
                "what is the icc there for", "icc in plain words");
        ExecutorService curators = Executors.newFixedThreadPool(examples.size());
        List<Future<ApiClient.Response>> responses = new ArrayList<>();
        for (String example : examples) {
            responses.add(curators.submit(() -> ApiClient.asAdmin(port).propose("icc-role", example)));
        }
        curators.shutdown();

        for (Future<ApiClient.Response> response : responses) {
            assertThat(response.get().status()).isEqualTo(200);
        }
        // Had two proposals edited the file at once, one would have written over the other's example.
        assertThat(examplesOnFile(intents.resolve("icc-role.yaml"))).containsAll(examples);
    }

    @Test
    void takesTheBiggestValidProposal() {
        String body = biggestValidProposal();
        int examplesBefore = examplesOnFile(iccReferral).size();

        ApiClient.Response response = admin.post("/api/v1/admin/proposals", body);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("added")).hasSize(ExampleProposal.MAX_EXAMPLES);
        assertThat(response.json().get("skipped")).isEmpty();
        assertThat(examplesOnFile(iccReferral)).hasSize(examplesBefore + ExampleProposal.MAX_EXAMPLES);
    }

    @Test
    void refusesAChunkedBodyOverTheProposalLimit() {
        String before = IntentsFolder.read(iccReferral);
        String proposal = biggestValidProposal();
        long limit = 1024 * 1024;
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (ApiClient.ADMIN + ":" + ApiClient.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

        // A valid proposal with an unknown field (ignored) that takes it one byte over the limit.
        ChunkedPost.Response response = ChunkedPost.send(port, "POST", "/api/v1/admin/proposals",
                Map.of("Content-Type", "application/json", "Authorization", authorization),
                ChunkedPost.padded(proposal.substring(0, proposal.length() - 1) + ",\"padding\":\"", limit + 1,
                        "\"}"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("The request body is larger than " + limit + " bytes.");
        assertThat(IntentsFolder.read(iccReferral)).isEqualTo(before);
    }

    /**
     * The most bytes a valid proposal can take: 50 examples of 1,000 characters, each character outside the Basic
     * Multilingual Plane (4 bytes of UTF-8) and sent as the JSON escape of its surrogate pair (12 bytes); letters
     * (CJK Extension B), so that each example is new and teaches the classifier something.
     */
    private static String biggestValidProposal() {
        var body = new StringBuilder("{\"intent\":\"icc-referral\",\"examples\":[");
        for (int i = 0; i < ExampleProposal.MAX_EXAMPLES; i++) {
            body.append(i == 0 ? "\"" : ",\"");
            for (int j = 0; j < dev.parley.conversation.UserMessage.MAX_LENGTH; j++) {
                for (char unit : Character.toChars(0x20000 + i * 7 + j)) {
                    body.append(String.format("\\u%04x", (int) unit));
                }
            }
            body.append('"');
        }
        String json = body.append("]}").toString();
        assertThat(json.length()).isGreaterThan(ExampleProposal.MAX_EXAMPLES * 1000 * 12);
        return json;
    }

    @Test
    void refusesRequestsWithoutAdminCredentials() {
        String before = IntentsFolder.read(iccReferral);
        for (ApiClient stranger : List.of(ApiClient.anonymous(port),
                ApiClient.withCredentials(port, "admin", "wrong"))) {
            ApiClient.Response response = stranger.propose("icc-referral", UNANSWERED);

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(IntentsFolder.read(iccReferral)).isEqualTo(before);
    }

    @Nested
    class RefusesBadProposals {

        @Test
        void forAnUnknownIntentWith404() {
            ApiClient.Response response = admin.propose("icc-refferal", UNANSWERED);

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).isEqualTo("No intent with the id 'icc-refferal'.");
        }

        @ParameterizedTest
        @MethodSource("dev.parley.curation.ProposalApiTest#badBodies")
        void with400(String body, String detail) {
            String before = IntentsFolder.read(iccReferral);

            ApiClient.Response response = admin.post("/api/v1/admin/proposals", body);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains(detail);
            assertThat(IntentsFolder.read(iccReferral)).isEqualTo(before);
        }
    }

    static Stream<Arguments> badBodies() {
        String fiftyOne = IntStream.range(0, 51).mapToObj(i -> "\"question number " + i + "\"")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        return Stream.of(
                args("{\"intent\":\"icc-referral\",\"examples\":[]}", "'examples' must hold 1 to 50 examples"),
                args("{\"intent\":\"icc-referral\",\"examples\":[" + fiftyOne + "]}", "must hold 1 to 50 examples"),
                args("{\"intent\":\"icc-referral\"}", "'examples' must"),
                args("{\"intent\":\"icc-referral\",\"examples\":[\"ok\",\" \\u200b \"]}",
                        "'examples[1]' must not be blank"),
                args("{\"intent\":\"icc-referral\",\"examples\":[null]}", "'examples[0]' must not be blank"),
                args("{\"intent\":\"icc-referral\",\"examples\":[\"x\\ud800y\"]}",
                        "'examples[0]' must be well-formed Unicode text"),
                // The same words as a question with a noncharacter gets, not a 422 about the file.
                args("{\"intent\":\"icc-referral\",\"examples\":[\"ok\",\"who sends\uFFFE cases\"]}",
                        "'examples[1]' must not hold U+FFFE, a Unicode noncharacter"),
                args("{\"intent\":\"icc-referral\",\"examples\":[\"who sends\\u0007 cases\"]}",
                        "'examples[0]' must not hold control characters other than tab and line breaks"),
                args("{\"intent\":\"icc-referral\",\"examples\":[\"" + "x".repeat(1001) + "\"]}",
                        "'examples[0]' must be at most 1000 characters long"),
                args("{\"examples\":[\"" + UNANSWERED + "\"]}", "'intent' must not be blank"),
                args("{\"intent\":\"_out-of-scope\",\"examples\":[\"what is the weather\"]}", "out-of-scope class"),
                args("{\"intent\":\"icc-referral\",\"examples\":\"" + UNANSWERED + "\"}", "\"examples\": ["),
                args("{\"intent\":\"icc-referral\",\"examples\":[42]}", "\"examples\": ["),
                args("{\"intent\":", "\"examples\": ["));
    }

    private static Arguments args(String body, String detail) {
        return Arguments.of(body, detail);
    }

    // The fixture's file as a curator would keep it: comments, a quoted example, a trailing comment on a line.
    private static String curatedIccReferral() {
        String seed = IntentsFolder.read(KnowledgeFixture.intents().resolve("icc-referral.yaml"));
        assertThat(seed).contains(LAST_SEED_EXAMPLE + "answer: |\n").contains("  - ICC referrals\n");
        return "# Reviewed by the legal team, 2026-11.\n"
                + seed.replace("  - ICC referrals\n", "  - \"ICC referrals\"   # the shortest way to ask\n")
                        .replace(LAST_SEED_EXAMPLE + "answer: |\n",
                                LAST_SEED_EXAMPLE + "\n# Keep the answer to what the source says.\nanswer: |\n");
    }

    private static List<String> examplesOnFile(Path file) {
        Map<String, Object> fields = new Yaml().load(IntentsFolder.read(file));
        return ((List<?>) fields.get("examples")).stream().map(String.class::cast).toList();
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    private static List<String> skipped(JsonNode result) {
        var skipped = new ArrayList<String>();
        result.get("skipped").forEach(item -> skipped.add(item.get("example").asString() + " | "
                + item.get("reason").asString()));
        return skipped;
    }
}
