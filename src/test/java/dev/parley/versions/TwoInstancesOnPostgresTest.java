package dev.parley.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.ParleyApplication;
import dev.parley.knowledge.KnowledgeFiles;
import dev.parley.testing.ApiClient;
import dev.parley.testing.KnowledgeFixture;
import dev.parley.testing.PostgresTestDatabase;
import dev.parley.testing.Requirement;
import dev.parley.testing.Requires;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the application on one PostgreSQL database (a schema of their own), as behind a load balancer:
 * the knowledge is published once and served by both. Instance B keeps its trained models in a folder of its own,
 * so that it serves A's versions only from what the database holds. The tests run in order, each on what the one
 * before published.
 */
@Requires(Requirement.POSTGRES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesOnPostgresTest {

    /** What the issue asks of every instance after a publication elsewhere. */
    private static final Duration IN_SERVICE_WITHIN = Duration.ofSeconds(5);
    /** A question the fixture does not answer with icc-referral (ProposalApiTest). */
    private static final String UNANSWERED = "who triggers a rome statute docket";

    private static final String TELL_ME_MORE = """
            question: Tell me more
            examples:
              - tell me more
              - more please
              - go on
              - what else
              - and what else?
              - can you tell me more about that
            answer: |
              Happy to tell you more. What would you like to know more about?
            tags:
              - small-talk
              - continue
            """;

    @TempDir
    static Path folders;

    static ConfigurableApplicationContext instanceA;
    static ConfigurableApplicationContext instanceB;
    static VersionsApi a;
    static VersionsApi b;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        PostgresTestDatabase database = PostgresTestDatabase.required();
        String url = database.freshSchema("parley_two_instances");
        instanceA = start(url, database, "a", null);
        instanceB = start(url, database, "b", folders.resolve("b-models"));
        a = new VersionsApi(portOf(instanceA));
        b = new VersionsApi(portOf(instanceB));
    }

    @AfterAll
    static void stopThem() {
        for (var instance : new ConfigurableApplicationContext[] {instanceB, instanceA}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    @Order(1)
    void bothServeTheVersionTheFirstImportedAndSayWhichInInfo() throws IOException {
        JsonNode first = a.versions().get("publications");

        assertThat(first).hasSize(1);
        assertThat(first.get(0).get("publishedBy").asString()).isEqualTo("IMPORT");
        assertThat(a.info()).isEqualTo(b.info());
        assertThat(b.versionInService()).isEqualTo(first.get(0).get("version").asString());
        // A imported its files; B found its own files to be the version in service: both folders say so
        for (String name : List.of("a", "b")) {
            assertThat(Files.readString(folders.resolve(name + "-intents/" + FolderBase.FILE_NAME)))
                    .as(name).contains(first.get(0).get("version").asString());
        }
    }

    @Test
    @Order(2)
    void aProposalOnAIsAnsweredByBWithinFiveSeconds() throws IOException {
        assertThat(b.admin().intentFor(UNANSWERED)).isNotEqualTo("icc-referral");

        ApiClient.Response proposal = a.propose("icc-referral", null, UNANSWERED);

        assertThat(proposal.status()).isEqualTo(200);
        String published = proposal.json().get("reload").get("version").asString();
        assertThat(a.versionInService()).as("the instance that published serves it at once").isEqualTo(published);
        assertThat(a.admin().intentFor(UNANSWERED)).isEqualTo("icc-referral");
        assertThat(within(IN_SERVICE_WITHIN, () -> b.versionInService().equals(published))).isTrue();
        assertThat(b.admin().intentFor(UNANSWERED)).isEqualTo("icc-referral");
        assertThat(a.info()).isEqualTo(b.info());
        // the database is the source: the proposal edited the version, not A's own files
        assertThat(Files.mismatch(folders.resolve("a-intents/icc-referral.yaml"),
                KnowledgeFixture.intents().resolve("icc-referral.yaml"))).isEqualTo(-1);
    }

    @Test
    @Order(3)
    void aRollbackOnBIsServedByA() {
        JsonNode publications = b.versions().get("publications");
        String imported = publications.get(publications.size() - 1).get("version").asString();
        String inService = b.versionInService();

        ApiClient.Response rollback = b.rollBack(imported, inService);

        assertThat(rollback.status()).isEqualTo(200);
        assertThat(b.versionInService()).isEqualTo(imported);
        assertThat(within(IN_SERVICE_WITHIN, () -> a.versionInService().equals(imported))).isTrue();
        assertThat(a.admin().intentFor(UNANSWERED)).isNotEqualTo("icc-referral");
        assertThat(a.info()).isEqualTo(b.info());
    }

    @Test
    @Order(4)
    void aSecondPublicationOnTheBaseTheFirstReplacedIsRefusedOnTheOtherInstance() {
        String base = a.versionInService();
        assertThat(a.propose("icc-referral", base, UNANSWERED).status()).isEqualTo(200);

        ApiClient.Response stale = b.rollBack(base, base);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("inService").asString()).isEqualTo(a.versionInService());
    }

    @Test
    @Order(5)
    void aConversationBegunOnAContinuesOnB() {
        JsonNode first = a.admin().replyTo("What does the International Criminal Court do?");
        assertThat(first.get("intent").asString()).isEqualTo("icc-role");

        JsonNode more = b.admin().replyTo("tell me more", first.get("sessionId").asString());

        assertThat(more.get("intent").asString()).as("icc-role's first follow-up").isEqualTo("icc-referral");
    }

    @Test
    @Order(6)
    void bothInstancesCompareTheVersionsThatRepliedFromTheSameExchanges() {
        JsonNode onA = a.admin().get("/api/v1/admin/version-stats?days=1").json();
        JsonNode onB = b.admin().get("/api/v1/admin/version-stats?days=1").json();

        assertThat(onA).isEqualTo(onB);
        // the questions above were answered by the imported version, the proposal's and, after the rollback, the
        // imported one again: each exchange names the version in service where it was asked
        assertThat(onA.get("versions").size()).isGreaterThanOrEqualTo(2);
        assertThat(onA.get("versions").get(0).get("version").asString()).isEqualTo(a.versionInService());
        assertThat(onA.get("versions").get(0).get("inService").asBoolean()).isTrue();
        onA.get("versions").forEach(version -> {
            assertThat(version.get("classifier").asString()).isEqualTo(a.info().get("classifier").asString());
            assertThat(version.get("lastPublication").isNumber()).isTrue();
        });
    }

    @Test
    @Order(7)
    void aReloadOfBsOwnFilesIsRefusedUntilTheyHoldWhatWasProposedOnA() throws IOException {
        String inService = a.versionInService();
        int publications = a.versions().get("publications").size();

        ApiClient.Response stale = b.admin().reload();

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("inService").asString()).isEqualTo(inService);
        assertThat(stale.json().get("stale").toString()).contains("intents/icc-referral.yaml");
        assertThat(a.versions().get("publications").size()).isEqualTo(publications);
        // B's folder made to hold the version in service, from B's own download
        for (var file : b.download(inService).entrySet()) {
            if (file.getKey().startsWith(KnowledgeFiles.INTENTS)) {
                Files.write(folders.resolve("b-" + file.getKey()), file.getValue());
            }
        }

        ApiClient.Response reload = b.admin().reload();

        assertThat(reload.status()).isEqualTo(200);
        assertThat(reload.json().get("version").asString()).isEqualTo(inService);
        assertThat(a.versions().get("publications").size()).as("the same files: nothing published again")
                .isEqualTo(publications);
    }

    @Test
    @Order(8)
    void aFileAddedByAsReloadIsNotDroppedByAReloadOfBsFolderTakenBefore() throws IOException {
        takeTheVersionInService("a");
        KnowledgeFixture.write(folders.resolve("a-intents/privacy.yaml"), KnowledgeFixture.privacyIntent());
        assertThat(a.admin().reload().status()).isEqualTo(200);
        String withPrivacy = a.versionInService();

        // B's folder, taken from the version in service before A's reload (B's download above), lacks the file
        ApiClient.Response stale = b.admin().reload();

        assertThat(stale.status()).as("refused, not published as if B had removed the file").isEqualTo(409);
        assertThat(stale.json().get("stale").toString()).contains("intents/privacy.yaml", "has added this file");
        assertThat(within(Duration.ofSeconds(5), () -> withPrivacy.equals(b.versionInService()))).isTrue();
    }

    /** Makes the named instance's intents folder hold the version in service, as the README says (rm, unzip). */
    private static void takeTheVersionInService(String name) throws IOException {
        Path intents = folders.resolve(name + "-intents");
        try (var old = Files.list(intents)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        for (var file : a.download(a.versionInService()).entrySet()) {
            if (file.getKey().startsWith(KnowledgeFiles.INTENTS)) {
                Files.write(folders.resolve(name + "-" + file.getKey()), file.getValue());
            }
        }
    }

    private static ConfigurableApplicationContext start(String url, PostgresTestDatabase database, String name,
                                                        Path models) {
        Path intents = folders.resolve(name + "-intents");
        KnowledgeFixture.copyIntentsTo(intents);
        // "tell me more" continues the session's last topic: an intent the fixture lacks
        KnowledgeFixture.write(intents.resolve("tell-me-more.yaml"), TELL_ME_MORE);
        var arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--parley.knowledge.intents-dir=" + intents, "--parley.knowledge.seeds-dir=" + KnowledgeFixture.seeds()));
        if (models != null) {
            arguments.add("--parley.nlu.calibration-cache=" + models);
        }
        return new SpringApplicationBuilder(ParleyApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Whether {@code condition} holds within {@code limit}, asked every 100 ms. */
    private static boolean within(Duration limit, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.get();
    }
}
