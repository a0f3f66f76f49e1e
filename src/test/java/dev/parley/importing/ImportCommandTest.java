package dev.parley.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import dev.parley.knowledge.Intent;
import dev.parley.testing.CommandRun;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.knowledge.Source;

/** The {@code import} command as an owner runs it: files in, intent files and seed copies out, or nothing at all. */
class ImportCommandTest {

    /** The last command run, with what it printed. */
    private CommandRun last;

    @TempDir
    Path root;
    Path intents;
    Path seeds;

    @BeforeEach
    void folders() {
        intents = root.resolve("intents");
        seeds = root.resolve("seeds");
    }

    @Test
    void aQnaMakerTableBecomesIntentsQuotingItsCopyWithTheirLinks() throws IOException {
        int exit = importing(fixture("qna-maker.tsv"));

        assertThat(exit).as(output()).isZero();
        KnowledgeBase knowledge = load();
        assertThat(knowledge.intents()).extracting(Intent::id)
                .containsExactly("change-username", "opening-hours", "reset-password");
        Intent password = knowledge.find("reset-password").orElseThrow();
        assertThat(password.question()).isEqualTo("How do I reset my password?");
        assertThat(password.examples()).as("the row sharing its answer").containsExactly("I forgot my password");
        assertThat(password.answer()).isEqualTo("Open **Settings**, then **Security**, and choose \"Reset password\"."
                + "\nA link arrives by e-mail within five minutes.");
        assertThat(password.source()).contains(new Source("qna-maker.tsv", password.answer(),
                Optional.of("https://help.example.org/account#password")));
        assertThat(knowledge.find("change-username").orElseThrow().source().orElseThrow().url())
                .as("'Editorial' is no link").isEmpty();
        assertThat(knowledge.find("change-username").orElseThrow().examples()).isEmpty();
        assertThat(Files.readString(intents.resolve("change-username.yaml"))).doesNotContain("examples");
        assertThat(knowledge.document("qna-maker.tsv").title()).isEqualTo("Qna maker");
        assertThat(Files.mismatch(seeds.resolve("qna-maker.tsv"), fixture("qna-maker.tsv"))).isEqualTo(-1);
        assertThat(output()).contains("qna-maker.tsv (tsv): 3 question(s) and answer(s) found, 3 skipped",
                "skipped row 6: blank", "skipped row 7: no answer to 'Do you have an app?'",
                "skipped row 8: repeats the question of row 4 ('can I change my username')",
                "made " + intents.resolve("reset-password.yaml") + ": How do I reset my password? (and 1 other",
                "Valid: the 3 intent(s) load as the server would load them.");
    }

    @Test
    void aCsvWithExtraColumnsAndItsHeaderInOddCase() throws IOException {
        assertThat(importing(fixture("odd-header.csv"))).as(output()).isZero();

        KnowledgeBase knowledge = load();
        assertThat(knowledge.intents()).extracting(Intent::question)
                .containsExactlyInAnyOrder("Where do I park my bike?", "How much is a day ticket?");
        Intent park = knowledge.intents().stream().filter(i -> i.question().startsWith("Where")).findFirst()
                .orElseThrow();
        assertThat(park.id()).isEqualTo("park-bike");
        assertThat(park.examples()).as("its answer differs only in case and a full stop")
                .containsExactly("Is there a bike rack?");
        assertThat(park.answer()).isEqualTo("Bike racks stand at the north entrance, free of charge.");
    }

    @Test
    void dialogflowsKnowledgeCsvHasNoHeader() throws IOException {
        assertThat(importing(fixture("dialogflow.csv"))).as(output()).isZero();

        assertThat(load().intents()).extracting(Intent::id, Intent::answer).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("long-delivery-take", "Delivery takes two to four working days."),
                org.assertj.core.groups.Tuple.tuple("ship-abroad", "Yes, to every country in the European Union."));
    }

    @Test
    void anArabicQuestionGivesAnArabicId() throws IOException {
        assertThat(importing(fixture("arabic.csv"))).as(output()).isZero();

        assertThat(load().intents()).extracting(Intent::id)
                .containsExactlyInAnyOrder("كيف-أستعير-كتابا", "ما-هي-ساعات-العمل");
        assertThat(intents.resolve("كيف-أستعير-كتابا.yaml")).exists();
    }

    @Test
    void anFaqPageWithJsonLdBecomesIntentsQuotingItsCopyAndLinkingItsAnswers() throws IOException {
        int exit = importing(fixture("pages/faq-jsonld.html"));

        assertThat(exit).as(output()).isZero();
        KnowledgeBase knowledge = load();
        assertThat(knowledge.intents()).extracting(Intent::question)
                .containsExactlyInAnyOrder("How long does delivery take?", "Can I return an item?");
        Intent delivery = knowledge.intents().stream().filter(i -> i.question().startsWith("How long"))
                .findFirst().orElseThrow();
        assertThat(delivery.source().orElseThrow().document()).isEqualTo("faq-jsonld.html");
        assertThat(delivery.source().orElseThrow().url()).contains("https://shop.example.org/help/faq#delivery");
        assertThat(delivery.answer()).contains("https://shop.example.org/track").doesNotContain("javascript:");
        assertThat(knowledge.document("faq-jsonld.html").title()).isEqualTo("Help centre & FAQ | Example Shop");
        assertThat(output()).contains("(html)", "Valid:");
    }

    @Test
    void theSeedDocumentsQuestionAndAnswerPairsAreDraftedWithTheirExcerptsVerified() throws IOException {
        Path document = Path.of("seeds/001_8a14780a7a8b68cd.txt");

        int exit = importing(document);

        assertThat(exit).as(output()).isZero();
        // the loader checks every excerpt against the copy, word for word: loading is the verification
        KnowledgeBase knowledge = load();
        assertThat(knowledge.intents()).hasSize(3).allSatisfy(intent -> {
            assertThat(intent.question()).contains("international organizations").endsWith("?");
            assertThat(intent.source().orElseThrow().document()).isEqualTo("001_8a14780a7a8b68cd.txt");
            assertThat(Files.readString(document)).contains("A: " + intent.answer());
        });
        assertThat(Files.mismatch(seeds.resolve("001_8a14780a7a8b68cd.txt"), document)).isEqualTo(-1);
    }

    @Test
    void aMarkdownDocumentsPairsBecomeIntents() throws IOException {
        assertThat(importing(fixture("pages/faq.md"))).as(output()).isZero();

        assertThat(load().intents()).extracting(Intent::question)
                .contains("How do I join?", "When do we meet?", "Can children come?");
    }

    @Nested
    class Rasa {

        @Test
        void anNluFileWithItsDomainAndRulesGiven() throws IOException {
            Path project = fixture("rasa");
            int exit = importing(new Path[] {project.resolve("data/nlu.yml"), project.resolve("domain.yml"),
                    project.resolve("data/rules.yml")}, new String[0]);

            assertThat(exit).as(output()).isZero();
            assertRasaImported();
        }

        @Test
        void anNluFileFindsTheDomainAboveItAndTheRulesBesideIt() throws IOException {
            assertThat(importing(fixture("rasa/data/nlu.yml"))).as(output()).isZero();
            assertRasaImported();
        }

        @Test
        void aDomainAloneIsNoFaq() throws IOException {
            assertThat(importing(fixture("rasa/domain.yml"))).isEqualTo(1);
            assertThat(last.err()).contains("give data/nlu.yml too");
            assertNothingWritten();
        }

        private void assertRasaImported() throws IOException {
            KnowledgeBase knowledge = load();
            Intent hours = knowledge.find("open").orElseThrow();
            assertThat(hours.question()).isEqualTo("When are you open?");
            assertThat(hours.examples()).as("entity annotations reduced to their text").containsExactly(
                    "what are your opening hours", "are you open on Sunday", "is the shop open on saturday");
            assertThat(hours.answer()).isEqualTo("We are open from 9:00 to 18:00, Monday to Saturday.");
            assertThat(knowledge.find("long-delivery-take").orElseThrow().answer())
                    .as("the rule's response, not utter_ask_delivery").isEqualTo(
                            "Delivery takes two to four working days.");
            assertThat(knowledge.find("hello").orElseThrow().examples()).containsExactly("hi there");
            assertThat(knowledge.intents()).hasSize(3);
            assertThat(hours.source().orElseThrow().document()).isEqualTo("domain.yml");
            assertThat(output()).contains("skipped intent 'ask_returns': no response 'utter_ask_returns' with a"
                    + " text in domain.yml");
        }
    }

    @Nested
    class NeverOverwrites {

        @Test
        void anIntentAlreadyImportedIsSkippedAndItsDocumentReused() throws IOException {
            assertThat(importing(fixture("qna-maker.tsv"))).isZero();
            Files.writeString(intents.resolve("reset-password.yaml"), Files.readString(intents.resolve(
                    "reset-password.yaml")) + "# edited by hand\n");

            assertThat(importing(fixture("qna-maker.tsv"))).as(output()).isZero();

            assertThat(Files.readString(intents.resolve("reset-password.yaml"))).endsWith("# edited by hand\n");
            assertThat(files(intents)).hasSize(3);
            assertThat(files(seeds)).containsExactlyInAnyOrder("_documents.yaml", "qna-maker.tsv");
            assertThat(output()).contains("skipped 'How do I reset my password?': intent file reset-password.yaml"
                    + " already has it (not overwritten)", "No new intent: nothing to write.");
        }

        @Test
        void anotherIntentWithTheSameIdGetsASuffixAndAnotherFileOfTheSameNameAnotherName() throws IOException {
            Files.createDirectories(intents);
            Files.createDirectories(seeds);
            Files.writeString(seeds.resolve("faq.txt"), "Sign in with your e-mail address.");
            Files.writeString(seeds.resolve("qna-maker.tsv"), "Question\tAnswer\n");
            Files.writeString(seeds.resolve("_documents.yaml"), """
                    # titles of the documents, kept by hand
                    faq.txt:
                      title: Our FAQ   # the old one
                    """);
            String existing = """
                    question: How should I reset the password of the shop's till?
                    answer: Sign in with your e-mail address.
                    source:
                      document: faq.txt
                      excerpt: Sign in with your e-mail address.
                    """;
            Files.writeString(intents.resolve("reset-password.yaml"), existing);

            assertThat(importing(fixture("qna-maker.tsv"))).as(output()).isZero();

            assertThat(Files.readString(intents.resolve("reset-password.yaml"))).isEqualTo(existing);
            Intent imported = load().find("reset-password-2").orElseThrow();
            assertThat(imported.question()).isEqualTo("How do I reset my password?");
            assertThat(imported.source().orElseThrow().document()).isEqualTo("qna-maker-2.tsv");
            assertThat(Files.readString(seeds.resolve("qna-maker.tsv"))).isEqualTo("Question\tAnswer\n");
            assertThat(Files.readString(seeds.resolve("_documents.yaml"))).startsWith("""
                    # titles of the documents, kept by hand
                    faq.txt:
                      title: Our FAQ   # the old one
                    qna-maker-2.tsv:
                      title: Qna maker
                    """);
        }

        @Test
        void twoQuestionsOfOneIdInOneTable() throws IOException {
            Path table = write("ids.csv", """
                    Question,Answer
                    How do I reset my password?,Use the link on the sign-in page.
                    Reset password?,Ask the front desk.
                    reset my password,Call us.
                    """);

            assertThat(importing(table)).as(output()).isZero();

            assertThat(load().intents()).extracting(Intent::id)
                    .containsExactly("reset-password", "reset-password-2", "reset-password-3");
        }
    }

    @Nested
    class BadInputIsRefusedAndNothingWritten {

        @Test
        void anEmptyFile() throws IOException {
            assertRefused(fixture("empty.csv"), "empty.csv (read as csv): is empty: a question/answer table needs a"
                    + " header row naming its question and answer columns");
        }

        @Test
        void aTableWithoutAnAnswerColumn() throws IOException {
            assertRefused(fixture("no-answer.csv"), "no-answer.csv (read as csv): names a question column but no"
                    + " answer column in its first row (found: 'Question', 'Category'); name it Answer");
        }

        @Test
        void binaryJunk() throws IOException {
            assertRefused(fixture("junk.csv"), "junk.csv: is a binary file, no table, page or document the import"
                    + " reads (formats: html, csv, tsv, rasa");
        }

        @Test
        void textThatIsNotUtf8() throws IOException {
            assertRefused(fixture("latin1.csv"), "latin1.csv: is not UTF-8 text; save it as UTF-8");
        }

        @Test
        void aFileOfNoFormat() throws IOException {
            assertRefused(write("faq.json", "{\"q\": \"a\"}"), "faq.json: cannot tell its format; give --format,"
                    + " one of: html, csv, tsv, rasa");
        }

        @Test
        void aFormatThatIsNone() throws IOException {
            assertThat(importing(fixture("dialogflow.csv"), "--format", "xlsx")).isEqualTo(2);
            assertThat(last.err()).contains("Unknown format 'xlsx'; available: html, csv, tsv,"
                    + " rasa");
            assertNothingWritten();
        }

        @Test
        void aFileThatIsNotThere() throws IOException {
            assertRefused(root.resolve("missing.csv"), "missing.csv: no such file");
        }

        /** Validation runs on the whole result before anything is written: here intents lack examples. */
        @Test
        void aResultTheServerWouldNotStartOn() throws IOException {
            last = CommandRun.of("import", fixture("qna-maker.tsv").toString(),
                    "--intents", intents.toString(), "--seeds", seeds.toString(),
                    "--set=parley.knowledge.minimum-examples=12");

            assertThat(last.exit()).isEqualTo(1);
            assertThat(output()).contains("Invalid: 3 problem(s), as the server's start-up would find them:",
                    "  - " + intents.resolve("opening-hours.yaml") + ": 'examples' needs at least 12 phrasings"
                            + " counting the question, found 1", "Nothing was written.");
            assertNothingWritten();
        }

        private void assertRefused(Path source, String message) throws IOException {
            assertThat(importing(source)).as(output()).isEqualTo(1);
            assertThat(last.err()).contains(message);
            assertNothingWritten();
        }
    }

    @Test
    void aDryRunValidatesAndWritesNothing() throws IOException {
        int exit = importing(fixture("qna-maker.tsv"), "--dry-run");

        assertThat(exit).as(output()).isZero();
        assertThat(output()).contains("would make " + intents.resolve("reset-password.yaml"),
                "would copy to " + seeds.resolve("qna-maker.tsv"),
                "Valid: the 3 intent(s) load as the server would load them.", "Dry run: nothing was written.");
        assertNothingWritten();
    }

    private int importing(Path source, String... options) {
        return importing(new Path[] {source}, options);
    }

    private int importing(Path[] sources, String[] options) {
        var args = new ArrayList<String>(List.of("import"));
        Stream.of(sources).map(Path::toString).forEach(args::add);
        args.addAll(List.of("--intents", intents.toString(), "--seeds", seeds.toString()));
        args.addAll(List.of(options));
        last = CommandRun.of(args.toArray(String[]::new));
        return last.exit();
    }

    private KnowledgeBase load() {
        return new KnowledgeProperties(intents, seeds, 1, DataSize.ofMegabytes(1)).load();
    }

    private void assertNothingWritten() throws IOException {
        assertThat(Files.exists(intents) ? files(intents) : List.of()).isEmpty();
        assertThat(Files.exists(seeds) ? files(seeds) : List.of()).isEmpty();
    }

    private String output() {
        return last.out() + last.err();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(root.resolve(name), text);
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    static Path fixture(String name) {
        try {
            return Path.of(ImportCommandTest.class.getResource("/importing/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
