package dev.parley.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.knowledge.KnowledgeFiles;
import dev.parley.testing.ApiClient;
import dev.parley.testing.KnowledgeFixture;
import dev.parley.testing.OwnApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Knowledge versions on one instance with H2 and the intent files as the source (the default), over real HTTP:
 * what start-up imports, what a reload publishes, the list, the difference, a rollback, a stale base and the info
 * endpoint. The test methods run in order of a story, each on what the one before left.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@OwnApplicationContext
class KnowledgeVersionsApiTest {

    @TempDir
    static Path intents;

    @DynamicPropertySource
    static void intentsInATemporaryFolder(DynamicPropertyRegistry registry) {
        KnowledgeFixture.serveCopyIn(intents, registry);
    }

    @LocalServerPort
    int port;
    VersionsApi api;

    @BeforeEach
    void client() {
        api = new VersionsApi(port);
        KnowledgeFixture.copyIntentsTo(intents);
    }

    @Test
    void startUpImportsTheFilesAsTheVersionInServiceAndInfoShowsIt() {
        String files = KnowledgeFiles.readFrom(KnowledgeFixture.settings(intents, KnowledgeFixture.seeds())).version();
        // put the fixture back in service if an earlier test left another version
        assertThat(api.admin().reload().status()).isEqualTo(200);

        JsonNode info = api.info();

        assertThat(info.get("version").asString()).isEqualTo(files).matches("[0-9a-f]{64}");
        assertThat(info.get("publishedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode versions = api.versions();
        assertThat(versions.get("inService").get("version").asString()).isEqualTo(files);
        // the fixture's five intent files, small talk included
        assertThat(info.get("intents").asInt()).isEqualTo(versions.get("inService").get("intents").asInt())
                .isEqualTo(5);
        assertThat(publishers(versions)).contains("IMPORT");
    }

    @Test
    void aReloadPublishesAVersionOnTopOfTheOneInServiceAndTheDifferenceNamesTheIntents() throws IOException {
        assertThat(api.admin().reload().status()).isEqualTo(200);
        String before = api.versionInService();
        write("privacy.yaml", KnowledgeFixture.privacyIntent());
        Files.writeString(intents.resolve("greeting.yaml"),
                Files.readString(intents.resolve("greeting.yaml")).replace("examples:", "examples:\n  - hiya there"));
        Files.delete(intents.resolve("echr.yaml"));
        rewriteFollowUpsWithout("echr"); // legal-action names it

        ApiClient.Response reload = api.admin().reload();

        assertThat(reload.status()).isEqualTo(200);
        String after = reload.json().get("version").asString();
        assertThat(after).isNotEqualTo(before).isEqualTo(api.versionInService());
        JsonNode latest = api.versions().get("publications").get(0);
        assertThat(latest.get("version").asString()).isEqualTo(after);
        assertThat(latest.get("basedOn").asString()).isEqualTo(before);
        assertThat(latest.get("publishedBy").asString()).isEqualTo("RELOAD");
        JsonNode difference = api.difference(before, after).json();
        assertThat(strings(difference.get("added"))).containsExactly("privacy");
        assertThat(strings(difference.get("removed"))).containsExactly("echr");
        assertThat(strings(difference.get("edited"))).contains("greeting");
        assertThat(api.admin().intentFor("is this chat private?")).isEqualTo("privacy");
    }

    @Test
    void aRollbackPutsTheEarlierVersionInServiceAgainInOneCall() {
        assertThat(api.admin().reload().status()).isEqualTo(200);
        String fixture = api.versionInService();
        write("privacy.yaml", KnowledgeFixture.privacyIntent());
        String withPrivacy = api.admin().reload().json().get("version").asString();
        assertThat(api.admin().intentFor("is this chat private?")).isEqualTo("privacy");

        ApiClient.Response rollback = api.rollBack(fixture, withPrivacy);

        assertThat(rollback.status()).isEqualTo(200);
        assertThat(rollback.json().get("version").asString()).isEqualTo(fixture);
        assertThat(api.versionInService()).isEqualTo(fixture);
        assertThat(api.admin().intentFor("is this chat private?")).isNotEqualTo("privacy");
        JsonNode latest = api.versions().get("publications").get(0);
        assertThat(latest.get("publishedBy").asString()).isEqualTo("ROLLBACK");
        assertThat(latest.get("basedOn").asString()).isEqualTo(withPrivacy);
    }

    @Test
    void aPublicationOnAStaleBaseIsRefusedWith409AndNothingIsPublished() {
        assertThat(api.admin().reload().status()).isEqualTo(200);
        String stale = api.versionInService();
        write("privacy.yaml", KnowledgeFixture.privacyIntent());
        assertThat(api.admin().reload().status()).isEqualTo(200);
        String inService = api.versionInService();
        int publications = api.versions().get("publications").size();
        // files that differ from the version in service: a reload on the right base would publish them
        write("privacy.yaml", KnowledgeFixture.privacyIntent().replace("is this chat private", "is this chat secret"));

        ApiClient.Response reload = api.reload(stale);
        ApiClient.Response rollback = api.rollBack(stale, stale);

        for (ApiClient.Response refused : List.of(reload, rollback)) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("inService").asString()).isEqualTo(inService);
            assertThat(refused.json().get("base").asString()).isEqualTo(stale);
        }
        assertThat(api.versionInService()).isEqualTo(inService);
        assertThat(api.versions().get("publications").size()).isEqualTo(publications);
    }

    @Test
    void aProposalOnAStaleBaseIsAppliedToTheVersionInServiceWhereItsIntentStillIs() {
        assertThat(api.admin().reload().status()).isEqualTo(200);
        String stale = api.versionInService();
        write("privacy.yaml", KnowledgeFixture.privacyIntent());
        assertThat(api.admin().reload().status()).isEqualTo(200);

        ApiClient.Response applied = api.propose("greeting", stale, "a very good morning to the bot");
        ApiClient.Response refused = api.propose("not-an-intent", stale, "whatever this is");

        assertThat(applied.status()).isEqualTo(200);
        assertThat(strings(applied.json().get("added"))).containsExactly("a very good morning to the bot");
        assertThat(api.admin().intentFor("is this chat private?")).isEqualTo("privacy");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("base").asString()).isEqualTo(stale);
        assertThat(api.versions().get("publications").get(0).get("publishedBy").asString()).isEqualTo("PROPOSAL");
    }

    @Test
    void everyExchangeNamesTheVersionThatRepliedSoThatVersionsCanBeComparedAfterAPublishAndARollback() {
        assertThat(api.admin().reload().status()).isEqualTo(200);
        String fixture = api.versionInService();
        JsonNode fixtureBefore = statsOf(fixture);
        long askedBefore = fixtureBefore == null ? 0 : fixtureBefore.get("questions").asLong();
        long fallbacksBefore = fixtureBefore == null ? 0 : fixtureBefore.get("fallbacks").asLong();
        // an example no other test writes, so that this version is new and its figures are this test's alone
        String unique = "is this conversation between us only " + UUID.randomUUID();
        ApiClient visitor = ApiClient.anonymous(port);
        assertThat(visitor.replyTo("is this chat private?").get("fallback").asBoolean()).isTrue();

        write("privacy.yaml", KnowledgeFixture.privacyIntent().replace("examples:\n", "examples:\n  - " + unique + "\n"));
        String withPrivacy = api.admin().reload().json().get("version").asString();
        JsonNode answered = visitor.replyTo("is this chat private?");
        assertThat(answered.get("intent").asString()).isEqualTo("privacy");
        assertThat(visitor.feedback(answered.get("answerId").asString(), true, "").status()).isEqualTo(204);
        assertThat(visitor.replyTo("do you keep my questions").get("intent").asString()).isEqualTo("privacy");

        assertThat(api.rollBack(fixture, withPrivacy).status()).isEqualTo(200);
        assertThat(visitor.replyTo("is this chat private?").get("fallback").asBoolean()).isTrue();

        JsonNode report = api.admin().get("/api/v1/admin/version-stats?days=1").json();
        assertThat(report.get("inService").asString()).isEqualTo(fixture);
        JsonNode published = statsOf(withPrivacy);
        assertThat(published.get("questions").asLong()).isEqualTo(2);
        assertThat(published.get("answered").asLong()).isEqualTo(2);
        assertThat(published.get("fallbacks").asLong()).isZero();
        assertThat(published.get("helpful").asLong()).isEqualTo(1);
        assertThat(published.get("notHelpful").asLong()).isZero();
        assertThat(published.get("inService").asBoolean()).isFalse();
        assertThat(published.get("classifier").asString()).isEqualTo(api.info().get("classifier").asString());
        JsonNode rolledBackTo = statsOf(fixture);
        assertThat(rolledBackTo.get("inService").asBoolean()).isTrue();
        assertThat(rolledBackTo.get("questions").asLong()).isEqualTo(askedBefore + 2);
        assertThat(rolledBackTo.get("fallbacks").asLong()).isEqualTo(fallbacksBefore + 2);
        // the rollback published the fixture again: its latest publication is after the one with privacy
        assertThat(rolledBackTo.get("lastPublication").asLong())
                .isGreaterThan(published.get("lastPublication").asLong());
        // the version asked most recently comes first
        assertThat(report.get("versions").get(0).get("version").asString()).isEqualTo(fixture);
    }

    @Test
    void aVersionIsNamedByItsFirstTwelveDigitsAsThePageAndTheLogsShowIt() throws IOException {
        assertThat(api.admin().reload().status()).isEqualTo(200);
        String fixture = api.versionInService();
        write("privacy.yaml", KnowledgeFixture.privacyIntent());
        String withPrivacy = api.admin().reload().json().get("version").asString();

        ApiClient.Response difference = api.difference(fixture.substring(0, 12),
                withPrivacy.substring(0, 12).toUpperCase());
        var download = api.download(withPrivacy.substring(0, 8));
        ApiClient.Response rollback = api.rollBack(fixture.substring(0, 12), withPrivacy);

        assertThat(difference.status()).isEqualTo(200);
        assertThat(difference.json().get("from").asString()).isEqualTo(fixture);
        assertThat(strings(difference.json().get("added"))).containsExactly("privacy");
        assertThat(download).containsKey("intents/privacy.yaml");
        assertThat(rollback.status()).isEqualTo(200);
        assertThat(rollback.json().get("version").asString()).isEqualTo(fixture);
        ApiClient.Response tooShort = api.difference(fixture.substring(0, 7), withPrivacy);
        assertThat(tooShort.status()).isEqualTo(404);
        assertThat(tooShort.json().get("detail").asString()).contains("first 8 or more");
    }

    @Test
    void unknownVersionsAreAnswered404AndAMissingParameter400() {
        String unknown = "0".repeat(64);

        assertThat(api.rollBack(unknown, null).status()).isEqualTo(404);
        assertThat(api.difference(unknown, api.versionInService()).status()).isEqualTo(404);
        ApiClient.Response missing = api.admin().get(KnowledgeVersionController.PATH + "/difference?from=x");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(api.rollBack("", null).status()).isEqualTo(400);
    }

    @Test
    void theVersionsAreForAdminsOnly() {
        assertThat(ApiClient.anonymous(port).get(KnowledgeVersionController.PATH).status()).isEqualTo(401);
    }

    /** A version's entry in the version comparison of today; null when it replied to nothing today. */
    private JsonNode statsOf(String version) {
        ApiClient.Response report = api.admin().get("/api/v1/admin/version-stats?days=1");
        assertThat(report.status()).isEqualTo(200);
        for (JsonNode entry : report.json().get("versions")) {
            if (version.equals(entry.get("version").asString(null))) {
                return entry;
            }
        }
        return null;
    }

    private static List<String> publishers(JsonNode versions) {
        var by = new ArrayList<String>();
        versions.get("publications").forEach(publication -> by.add(publication.get("publishedBy").asString()));
        return by;
    }

    private static List<String> strings(JsonNode array) {
        var strings = new ArrayList<String>();
        array.forEach(item -> strings.add(item.asString()));
        return strings;
    }

    private static void rewriteFollowUpsWithout(String id) throws IOException {
        try (var files = Files.list(intents)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (text.contains("  - " + id + "\n")) {
                    Files.writeString(file, text.replace("  - " + id + "\n", ""));
                }
            }
        }
    }

    private static void write(String name, String text) {
        KnowledgeFixture.write(intents.resolve(name), text);
    }

}
