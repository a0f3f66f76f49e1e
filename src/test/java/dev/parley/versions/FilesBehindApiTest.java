package dev.parley.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * A reload of intent files that are behind the version in service, with the database as the source (on H2 here; the
 * two-instance test does it on PostgreSQL), over real HTTP: a proposal changes the version in service and not the
 * files, so the files must be refused until they hold it, by a download of the version in service, or until the
 * admin names the version in service as the base to publish them over it. A folder says which version it was taken
 * from (its marker, written by a reload and in every download), so two folders' changes are told apart file by file;
 * one without says nothing, and is judged by the versions published. The test methods run in order of a story.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.versions.source=database")
@DirtiesContext
@OwnApplicationContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FilesBehindApiTest {

    private static final String PROPOSED = "a very good morning to the bot";

    @TempDir
    static Path root;
    static Path intents;

    @DynamicPropertySource
    static void intentsInATemporaryFolder(DynamicPropertyRegistry registry) {
        intents = root.resolve("intents");
        KnowledgeFixture.serveCopyIn(intents, registry);
    }

    @LocalServerPort
    int port;
    VersionsApi api;

    @BeforeEach
    void client() {
        api = new VersionsApi(port);
    }

    @Test
    @Order(1)
    void aReloadAfterAProposalIsRefusedForTheFileTheProposalChangedAndNothingIsPublished() {
        assertThat(api.propose("greeting", null, PROPOSED).status()).isEqualTo(200);
        String inService = api.versionInService();
        int publications = api.versions().get("publications").size();
        assertThat(read("greeting.yaml")).as("the database is the source: the files stay").doesNotContain(PROPOSED);
        // an edit of the owner's own, which alone would be published
        write("privacy.yaml", KnowledgeFixture.privacyIntent());

        ApiClient.Response reload = api.admin().reload();

        assertThat(reload.status()).isEqualTo(409);
        assertThat(reload.contentType()).startsWith("application/problem+json");
        JsonNode problem = reload.json();
        assertThat(problem.get("inService").asString()).isEqualTo(inService);
        assertThat(problem.get("files").asString()).isEqualTo(folderVersion()).isNotEqualTo(inService);
        assertThat(stale(problem)).containsExactly("intents/greeting.yaml");
        assertThat(problem.get("stale").get(0).get("reason").asString())
                .contains("the version in service has changed this file since version", "the folder has not");
        assertThat(problem.get("detail").asString()).contains(KnowledgeVersionController.PATH + "/" + inService
                + "/files", "base=" + inService);
        assertThat(api.versionInService()).isEqualTo(inService);
        assertThat(api.versions().get("publications").size()).isEqualTo(publications);
    }

    @Test
    @Order(2)
    void theVersionInServiceDownloadedIntoTheFoldersMakesThemHoldItAndTheOwnersEditsAreThenPublished() {
        String inService = api.versionInService();

        var entries = api.download(inService);

        assertThat(new String(entries.remove("intents/" + FolderBase.FILE_NAME), StandardCharsets.UTF_8))
                .as("the download names the version it holds").contains(inService);
        assertThat(new KnowledgeFiles(entries).version()).isEqualTo(inService);
        assertThat(entries).containsKey("intents/greeting.yaml");
        assertThat(entries.keySet()).anyMatch(name -> name.startsWith(KnowledgeFiles.SEEDS));
        // unpacked where the folders are, as the README says; the seeds folder here is the fixture's own
        entries.forEach((name, bytes) -> {
            if (name.startsWith(KnowledgeFiles.INTENTS)) {
                writeBytes(root.resolve(name), bytes);
            }
        });
        assertThat(read("greeting.yaml")).contains(PROPOSED);
        // and an edit of the very file the proposal changed, which keeps what the proposal added
        write("greeting.yaml", read("greeting.yaml").replace("examples:", "examples:\n  - hiya there"));

        ApiClient.Response reload = api.admin().reload();

        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        assertThat(api.versionInService()).isEqualTo(folderVersion());
        assertThat(marker()).as("the folder now says it holds what it published").contains(folderVersion());
        assertThat(api.admin().intentFor("is this chat private?")).isEqualTo("privacy");
        assertThat(api.versions().get("publications").get(0).get("publishedBy").asString()).isEqualTo("RELOAD");
    }

    @Test
    @Order(3)
    void anEditOfTheFileAProposalChangedNeedsTheVersionInServiceAsItsBase() {
        assertThat(api.propose("greeting", null, "top of the morning to the bot").status()).isEqualTo(200);
        String inService = api.versionInService();
        // the owner edits the greeting file as published before, which lacks the second proposal
        write("greeting.yaml", read("greeting.yaml").replace("examples:", "examples:\n  - good day to the bot"));

        ApiClient.Response refused = api.admin().reload();
        ApiClient.Response over = api.reload(inService);

        assertBehind(refused, "intents/greeting.yaml", "edited both in the folder and in the version in service",
                "lacks 1 line(s)", "top of the morning to the bot");
        assertThat(over.status()).as("named as the base, the version in service is published over").isEqualTo(200);
        assertThat(api.versionInService()).isEqualTo(folderVersion());
    }

    @Test
    @Order(4)
    void inAFolderWithoutAKnownVersionAFileAsAnEarlierVersionHadItIsRefusedAsBehind() {
        String inService = api.versionInService();
        // the fixture's own greeting file, as start-up imported it: what an instance's untouched copy still holds,
        // in a folder whose marker names a version this database never had
        writeBytes(intents.resolve("greeting.yaml"), bytes(KnowledgeFixture.intents().resolve("greeting.yaml")));
        writeBytes(intents.resolve(FolderBase.FILE_NAME), FolderBase.content("a".repeat(64)));

        ApiClient.Response reload = api.admin().reload();

        assertBehind(reload, "intents/greeting.yaml", "earlier version");
        assertThat(reload.json().has("takenFrom")).as("judged by the versions published").isFalse();
        assertThat(api.versionInService()).isEqualTo(inService);
    }

    @Test
    @Order(5)
    void aFolderTakenBeforeAnotherRemovedOrAddedAFileIsRefusedForItAndNothingIsDropped() {
        takeTheVersionInService();
        Path before = aside("before");
        deleteFile("privacy.yaml");
        assertThat(api.admin().reload().status()).isEqualTo(200);
        Path withoutPrivacy = aside("without-privacy");

        replaceTheFolderWith(before);
        ApiClient.Response removed = api.admin().reload();

        assertBehind(removed, "intents/privacy.yaml", "has removed this file");

        replaceTheFolderWith(withoutPrivacy);
        write("privacy.yaml", KnowledgeFixture.privacyIntent());
        assertThat(api.admin().reload().status()).as("its own addition, though as an earlier version had it")
                .isEqualTo(200);
        String withPrivacy = api.versionInService();
        replaceTheFolderWith(withoutPrivacy);
        ApiClient.Response added = api.admin().reload();

        // the file another folder added is not dropped as if this one removed it
        assertBehind(added, "intents/privacy.yaml", "has added this file");
        assertThat(api.versionInService()).isEqualTo(withPrivacy);
    }

    @Test
    @Order(6)
    void aFileEditedInTwoFoldersIsRefusedUntilOneTakesTheOtherEditIn() {
        takeTheVersionInService();
        Path before = aside("before-greetings");
        write("greeting.yaml", read("greeting.yaml").replace("examples:", "examples:\n  - howdy to the bot"));
        assertThat(api.admin().reload().status()).isEqualTo(200);
        replaceTheFolderWith(before);
        write("greeting.yaml", read("greeting.yaml").replace("examples:", "examples:\n  - salutations to the bot"));

        ApiClient.Response both = api.admin().reload();

        assertBehind(both, "intents/greeting.yaml", "edited both", "howdy to the bot");

        write("greeting.yaml", read("greeting.yaml").replace("examples:", "examples:\n  - howdy to the bot"));
        ApiClient.Response merged = api.admin().reload();

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(api.versionInService()).isEqualTo(folderVersion());
        assertThat(read("greeting.yaml")).contains("howdy to the bot", "salutations to the bot");
    }

    @Test
    @Order(7)
    void anUnknownVersionHasNoFilesToDownload() {
        ApiClient.Response unknown = api.admin().get(KnowledgeVersionController.PATH + "/" + "0".repeat(64) + "/files");
        HttpResponse<byte[]> anonymous = ApiClient.anonymous(port).getBytes(KnowledgeVersionController.PATH + "/"
                + api.versionInService() + "/files");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    /** Replaces the intents folder with the version in service, as the README says: the old files removed first. */
    private void takeTheVersionInService() {
        var entries = api.download(api.versionInService());
        clearTheFolder();
        entries.forEach((name, bytes) -> {
            if (name.startsWith(KnowledgeFiles.INTENTS)) {
                writeBytes(root.resolve(name), bytes);
            }
        });
    }

    /** A copy of the intents folder as it is now, as another instance's folder would be. */
    private static Path aside(String name) {
        return KnowledgeFixture.copyFiles(intents, root.resolve(name));
    }

    private static void replaceTheFolderWith(Path copy) {
        clearTheFolder();
        KnowledgeFixture.copyFiles(copy, intents);
    }

    private static void clearTheFolder() {
        try (var files = Files.list(intents)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String marker() {
        return read(FolderBase.FILE_NAME);
    }

    private static void deleteFile(String name) {
        try {
            Files.delete(intents.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 409 listing exactly {@code file} as behind, for a reason that says each of {@code reason}. */
    private static void assertBehind(ApiClient.Response reload, String file, String... reason) {
        assertThat(reload.status()).as(reload.body()).isEqualTo(409);
        assertThat(stale(reload.json())).containsExactly(file);
        assertThat(reload.json().get("stale").get(0).get("reason").asString()).contains(reason);
    }

    private static List<String> stale(JsonNode problem) {
        var files = new ArrayList<String>();
        problem.get("stale").forEach(file -> files.add(file.get("file").asString()));
        return files;
    }

    private static String folderVersion() {
        return KnowledgeFiles.readFrom(KnowledgeFixture.settings(intents, KnowledgeFixture.seeds())).version();
    }

    private static String read(String name) {
        return new String(bytes(intents.resolve(name)), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String name, String text) {
        KnowledgeFixture.write(intents.resolve(name), text);
    }

    private static void writeBytes(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
