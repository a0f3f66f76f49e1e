package dev.parley.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testing.ApiClient;
import dev.parley.testing.KnowledgeFixture;

/**
 * The running app with its intents in a folder of the test class's own, which tests may edit and break; an admin
 * signed in. The folder starts as a copy of the tests' own knowledge base ({@link KnowledgeFixture}), never of the
 * working copy's {@code intents/}, so a user's edits there change no result. Every test starts from the fixture's
 * intents in service: one that changed the files puts them back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class EditableIntentsApp {

    @TempDir
    static Path intents;

    @DynamicPropertySource
    static void intentsInATemporaryFolder(DynamicPropertyRegistry registry) {
        KnowledgeFixture.serveCopyIn(intents, registry);
    }

    @LocalServerPort
    int port;
    ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = ApiClient.asAdmin(port);
    }

    @AfterEach
    void putTheSeedIntentsBackInService() {
        // Only a test that changed the files can have put another model in service.
        if (IntentsFolder.differsFromSeeds(intents)) {
            IntentsFolder.resetToSeeds(intents);
            assertThat(admin.reload().status()).isEqualTo(200);
        }
    }
}
