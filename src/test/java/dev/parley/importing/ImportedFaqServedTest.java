package dev.parley.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testing.ApiClient;
import dev.parley.testing.CommandRun;
import tools.jackson.databind.JsonNode;

/**
 * The README's "Your own FAQ in ten minutes", step by step: the example table of {@code docs/examples} imported into
 * empty folders with the README's command, the server started on them, asked over REST. Two more imports into the
 * same folders show what else an import brings: a QnA Maker table's links, and ids in Arabic, through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportedFaqServedTest {

    static final Path EXAMPLE_FAQ = Path.of("docs/examples/bike-shop-faq.csv");
    static final Path EXAMPLE_TEST = Path.of("docs/examples/bike-shop-test.tsv");
    private static final String ARABIC_ID = "كيف-أستعير-كتابا";

    @TempDir
    static Path myFaq;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void importedKnowledge(DynamicPropertyRegistry registry) {
        for (Path source : new Path[] {EXAMPLE_FAQ, ImportCommandTest.fixture("qna-maker.tsv"),
                ImportCommandTest.fixture("arabic.csv")}) {
            CommandRun run = CommandRun.of("import", source.toString(), "--intents",
                    myFaq.resolve("intents").toString(), "--seeds", myFaq.resolve("seeds").toString());
            assertThat(run.exit()).as("import " + source + "\n" + run.output()).isZero();
        }
        registry.add("parley.knowledge.intents-dir", () -> myFaq.resolve("intents").toString());
        registry.add("parley.knowledge.seeds-dir", () -> myFaq.resolve("seeds").toString());
    }

    @Test
    void aQuestionOfTheFaqReworded() throws IOException {
        JsonNode reply = ApiClient.anonymous(port).replyTo("how much does renting a bike cost");

        assertThat(reply.get("fallback").asBoolean()).as(reply.toString()).isFalse();
        assertThat(reply.get("intent").asString()).isEqualTo("cost-rent-bike");
        assertThat(reply.get("answer").asString()).isEqualTo(answerInTheTable("How much does it cost to rent a bike?"));
        JsonNode source = reply.get("sources").get(0);
        assertThat(source.get("document").asString()).isEqualTo("bike-shop-faq.csv");
        assertThat(source.get("title").asString()).isEqualTo("Bike shop faq");
        assertThat(source.get("excerpt").asString()).isEqualTo(reply.get("answer").asString());
        assertThat(source.get("url").isNull()).isTrue();
    }

    @Test
    void anUnrelatedQuestionFallsBack() {
        JsonNode reply = ApiClient.anonymous(port).replyTo("what's the weather in Paris tomorrow");

        assertThat(reply.get("fallback").asBoolean()).as(reply.toString()).isTrue();
        assertThat(reply.get("intent").isNull()).isTrue();
    }

    @Test
    void anImportedAnswerLinksThePageItCameFrom() {
        JsonNode reply = ApiClient.anonymous(port).ask("{\"question\":\"How do I reset my password?\","
                + "\"intent\":\"reset-password\"}").json();

        assertThat(reply.get("sources").get(0).get("url").asString())
                .isEqualTo("https://help.example.org/account#password");
    }

    @Test
    void anArabicIdRoundTripsThroughTheApi() {
        var api = ApiClient.anonymous(port);

        ApiClient.Response entry = api.get("/api/v1/intents/" + URLEncoder.encode(ARABIC_ID, StandardCharsets.UTF_8));
        assertThat(entry.status()).as(entry.body()).isEqualTo(200);
        assertThat(entry.json().get("id").asString()).isEqualTo(ARABIC_ID);
        assertThat(entry.json().get("question").asString()).isEqualTo("كيف أستعير كتابا؟");

        ApiClient.Response picked = api.ask("{\"question\":\"كيف أستعير كتابا؟\",\"intent\":\"" + ARABIC_ID + "\"}");
        assertThat(picked.status()).as(picked.body()).isEqualTo(200);
        assertThat(picked.json().get("intent").asString()).isEqualTo(ARABIC_ID);
        assertThat(picked.json().get("answer").asString()).startsWith("يمكنك استعارة الكتب");
    }

    /** The README's evaluate step: its test questions name the ids the import made. */
    @Test
    void theExampleTestSetEvaluates() {
        CommandRun run = CommandRun.of("evaluate", "--test", EXAMPLE_TEST.toString(),
                "--set=parley.knowledge.intents-dir=" + myFaq.resolve("intents"),
                "--set=parley.knowledge.seeds-dir=" + myFaq.resolve("seeds"));

        assertThat(run.exit()).as(run.output()).isZero();
    }

    private static String answerInTheTable(String question) throws IOException {
        try (var parser = CSVFormat.RFC4180.builder().setHeader().get()
                .parse(java.nio.file.Files.newBufferedReader(EXAMPLE_FAQ))) {
            return parser.stream().filter(row -> row.get("Question").equals(question)).map(CSVRecord::toMap)
                    .map(row -> row.get("Answer")).findFirst().orElseThrow();
        }
    }
}
