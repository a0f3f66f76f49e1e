package dev.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The running app serving the fixture's knowledge base ({@link KnowledgeFixture}, every intent well phrased) with two
 * intents that are not: {@link #UNPHRASED}, its question alone and no {@code examples}, and {@link #THIN}, its question
 * and two examples. Its classes share one application context (maxent, which starts fastest: the classifier does not
 * matter here) and one folder, which a test may change through {@link #reloadWith} and {@link #reloadWithout}; the
 * files of start-up are back in service after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.nlu.classifier=maxent")
public abstract class SparseKnowledgeApp {

    public static final String UNPHRASED = "ngos";
    public static final String UNPHRASED_QUESTION = "What do NGOs like Amnesty International do?";
    public static final String THIN = "un-role";
    public static final String THIN_QUESTION = "What does the UN do for human rights?";
    /** The fixture's five intents and the two above. */
    public static final int INTENTS = 7;

    private static final String UNPHRASED_FILE = """
            question: %s
            answer: |
              Groups like Amnesty International and Human Rights Watch have no legal power, but they document abuses
              and press governments to act.
            source:
              document: 000_14061bbafc9ccbc5.txt
              excerpt: "Groups like Amnesty International and Human Rights Watch may not have legal power"
            """.formatted(UNPHRASED_QUESTION);
    private static final String THIN_FILE = """
            question: %s
            examples:
              - role of the united nations in human rights
              - how does the un enforce human rights
            answer: |
              The UN monitors abuses, investigates violations and pressures governments to comply with global
              standards.
            source:
              document: 000_14061bbafc9ccbc5.txt
              excerpt: "The UN is the backbone of international human rights enforcement."
            """.formatted(THIN_QUESTION);

    // Not a @TempDir: the context, and with it this folder, outlives each class that shares it; removed on exit.
    protected static Path intents;

    @DynamicPropertySource
    static void fixtureWithSparselyPhrasedIntents(DynamicPropertyRegistry registry) throws IOException {
        intents = Files.createTempDirectory("parley-sparse-");
        Path folder = intents;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(folder.toFile())));
        KnowledgeFixture.serveCopyIn(intents, registry);
        writeSparseIntents();
    }

    @LocalServerPort
    protected int port;

    private boolean changed;

    /** Writes an intent file (the id names it) into the served folder and reloads; 200 or the test fails. */
    protected void reloadWith(String id, String yaml) {
        changed = true;
        write(id, yaml);
        assertThat(ApiClient.asAdmin(port).reload().status()).as("reload").isEqualTo(200);
    }

    /** Removes an intent file from the served folder and reloads; 200 or the test fails. */
    protected void reloadWithout(String id) {
        changed = true;
        try {
            Files.delete(intents.resolve(id + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(ApiClient.asAdmin(port).reload().status()).as("reload").isEqualTo(200);
    }

    /** The unphrased intent's file with these examples added. */
    protected static String unphrasedWith(String... examples) {
        StringBuilder yaml = new StringBuilder("examples:\n");
        for (String example : examples) {
            yaml.append("  - ").append(example).append('\n');
        }
        return yaml + UNPHRASED_FILE;
    }

    @AfterEach
    void putTheStartUpKnowledgeBack() {
        if (changed) {
            changed = false;
            KnowledgeFixture.copyIntentsTo(intents);
            writeSparseIntents();
            assertThat(ApiClient.asAdmin(port).reload().status()).as("reload").isEqualTo(200);
        }
    }

    private static void writeSparseIntents() {
        write(UNPHRASED, UNPHRASED_FILE);
        write(THIN, THIN_FILE);
    }

    private static void write(String id, String yaml) {
        try {
            Files.writeString(intents.resolve(id + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
