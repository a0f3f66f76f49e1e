package dev.parley.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.parley.testing.KnowledgeFixture;

class IntentLoaderTest {

    private static final String DOCUMENT = "rights.txt";
    private static final String DOCUMENT_TEXT = """
            The ICC focuses on the world’s gravest crimes—genocide, war crimes, and crimes against humanity.
            Any state party, the UN Security Council, or the ICC prosecutor
            can refer cases.
            """;

    @TempDir
    Path root;
    Path intents;
    Path seeds;

    @BeforeEach
    void folders() throws IOException {
        intents = Files.createDirectories(root.resolve("intents"));
        seeds = Files.createDirectories(root.resolve("seeds"));
        Files.writeString(seeds.resolve(DOCUMENT), DOCUMENT_TEXT);
    }

    @Test
    void loadsValidIntentsOrderedById() throws IOException {
        write("icc-referral", referralIntent());
        write("icc-role", roleIntent());
        write("greeting", greetingIntent());

        KnowledgeBase knowledge = load();

        assertThat(knowledge.intents()).extracting(Intent::id).containsExactly("greeting", "icc-referral", "icc-role");
        assertThat(knowledge.contentIntents()).extracting(Intent::id).containsExactly("icc-referral", "icc-role");
        Intent referral = knowledge.find("icc-referral").orElseThrow();
        assertThat(referral.question()).isEqualTo("Who can refer cases to the ICC?");
        assertThat(referral.examples()).hasSize(12).contains("icc referral example 1");
        assertThat(referral.answer()).isEqualTo("Any **state party** can refer cases.");
        assertThat(referral.source()).contains(new Source(DOCUMENT,
                "Any state party, the UN Security Council, or the ICC prosecutor can refer cases."));
        assertThat(referral.followups()).containsExactly("icc-role");
        assertThat(referral.tags()).containsExactly("icc");
        assertThat(knowledge.find("greeting").orElseThrow().source()).isEmpty();
    }

    @Test
    void loadsTheQuestionsTheKnowledgeBaseDoesNotAnswerApartFromTheIntents() throws IOException {
        write("icc-referral", referralIntent());
        write("icc-role", roleIntent());
        write("_out-of-scope", "examples:\n  - when was the ICC founded\n  - who is the ICC prosecutor today\n");

        KnowledgeBase knowledge = load();

        assertThat(knowledge.intents()).extracting(Intent::id).containsExactly("icc-referral", "icc-role");
        assertThat(knowledge.outOfScopeExamples())
                .containsExactly("when was the ICC founded", "who is the ICC prosecutor today");
    }

    @Test
    void theOutOfScopeFileMayEndInYmlLikeAnIntentFile() throws IOException {
        write("icc-referral", referralIntent());
        write("icc-role", roleIntent());
        Files.writeString(intents.resolve("_out-of-scope.yml"), "examples:\n  - when was the ICC founded\n");

        assertThat(load().outOfScopeExamples()).containsExactly("when was the ICC founded");
    }

    @Test
    void withoutAnOutOfScopeFileThereAreNoOutOfScopeExamples() throws IOException {
        write("icc-referral", referralIntent());
        write("icc-role", roleIntent());

        assertThat(load().outOfScopeExamples()).isEmpty();
    }

    /** An id comes from a question in any script: lower-case or caseless letters, combining marks, any digits. */
    @ParameterizedTest
    @ValueSource(strings = {"كيف-أستعير-كتابا", "кто-может-подать-дело", "मैं-किताब-कैसे-लूँ", "如何借书", "étape-٣"})
    void anIdMayBeWrittenInAnyScript(String id) throws IOException {
        write(id, roleIntent());
        write("icc-referral", referralIntent().replace("followups: [icc-role]", "followups: [" + id + "]"));

        KnowledgeBase knowledge = load();

        assertThat(knowledge.intents()).extracting(Intent::id).contains(id);
        assertThat(knowledge.find("icc-referral").orElseThrow().followups()).containsExactly(id);
    }

    /** An imported answer links the page it came from, beside the document it quotes. */
    @Test
    void aSourceMayNameWhereTheAnswerIsPublished() throws IOException {
        write("icc-referral", referralIntent().replace("can refer cases.\"\n",
                "can refer cases.\"\n  url: https://www.example.org/faq#referral\n"));
        write("icc-role", roleIntent());

        assertThat(load().find("icc-referral").orElseThrow().source().orElseThrow().url())
                .contains("https://www.example.org/faq#referral");
        assertThat(load().find("icc-role").orElseThrow().source().orElseThrow().url()).isEmpty();
    }

    @Test
    void theSeedKnowledgeBaseOfTheProjectIsValid() {
        KnowledgeBase knowledge = KnowledgeFixture.projectSettings().load();

        assertThat(knowledge.contentIntents()).hasSizeBetween(35, 50)
                .allSatisfy(intent -> assertThat(intent.source()).isPresent());
        assertThat(knowledge.intents()).filteredOn(Intent::isSmallTalk).extracting(Intent::id)
                .contains("greeting", "thanks", "goodbye", "help", "bot-identity");
    }

    /** Letters spelt apart are other words to the classifier than the acronym they spell: two phrasings. */
    @Test
    void lettersSpeltApartAreAnotherPhrasingThanTheAcronym() throws IOException {
        write("icc-referral", referralIntent().replace("icc referral example 1", "What does the U.N. do?")
                .replace("icc referral example 2", "what does the u n do"));
        write("icc-role", roleIntent());

        KnowledgeBase knowledge = load();

        assertThat(knowledge.find("icc-referral").orElseThrow().examples()).contains("What does the U.N. do?",
                "what does the u n do");
    }

    @Test
    void anExampleMayBeAsLongAsAQuestionCountedInCharacters() throws IOException {
        String emoji = "\uD83D\uDE00".repeat(dev.parley.text.UserText.MAX_LENGTH - 4) + " icc";
        write("icc-referral", referralIntent().replace("icc referral example 3", emoji));
        write("icc-role", roleIntent());

        assertThat(load().find("icc-referral").orElseThrow().examples()).contains(emoji);
    }

    @Nested
    class TheDocumentIndex {

        @BeforeEach
        void twoValidIntents() throws IOException {
            write("icc-referral", referralIntent());
            write("icc-role", roleIntent());
        }

        @Test
        void titlesTheDocumentsItNamesAndLinksThoseWithAUrl() throws IOException {
            Files.writeString(seeds.resolve("other-report.txt"), "Another document.");
            index("""
                    rights.txt:
                      title: "  The role of the ICC: who refers cases  "
                      url: https://www.example.org/rights?lang=en#icc
                    other-report.txt:
                      title: Another report
                    """);

            KnowledgeBase knowledge = load();

            assertThat(knowledge.document(DOCUMENT)).isEqualTo(new SourceDocument(DOCUMENT,
                    "The role of the ICC: who refers cases", Optional.of("https://www.example.org/rights?lang=en#icc")));
            assertThat(knowledge.document("other-report.txt"))
                    .isEqualTo(new SourceDocument("other-report.txt", "Another report", Optional.empty()));
        }

        @Test
        void aDocumentItLeavesOutIsTitledAfterItsFileName() throws IOException {
            Files.writeString(seeds.resolve("un_treaty-bodies.txt"), "Another document.");
            index("rights.txt:\n  title: Rights and the ICC\n");

            KnowledgeBase knowledge = load();

            assertThat(knowledge.document("un_treaty-bodies.txt"))
                    .isEqualTo(new SourceDocument("un_treaty-bodies.txt", "Un treaty bodies", Optional.empty()));
        }

        @Test
        void withoutAnIndexTheKnowledgeBaseStillLoadsWithTitlesFromFileNames() {
            KnowledgeBase knowledge = load();

            assertThat(knowledge.document(DOCUMENT))
                    .isEqualTo(new SourceDocument(DOCUMENT, "Rights", Optional.empty()));
        }

        @Test
        void anEmptyIndexTitlesNothing() throws IOException {
            index("# nothing yet\n");

            assertThat(load().document(DOCUMENT).title()).isEqualTo("Rights");
        }

        @Test
        void mayEndInYml() throws IOException {
            Files.writeString(seeds.resolve("_documents.yml"), "rights.txt:\n  title: Rights and the ICC\n");

            assertThat(load().document(DOCUMENT).title()).isEqualTo("Rights and the ICC");
        }

        @Test
        void isNoDocumentThatAnIntentCouldQuote() throws IOException {
            index("rights.txt:\n  title: Rights and the ICC\n");
            write("icc-referral", referralIntent().replace("document: " + DOCUMENT, "document: _documents.yaml")
                    .replace("Any state party, the UN Security Council, or the ICC prosecutor can refer cases.",
                            "title: Rights and the ICC"));

            assertThatThrownBy(IntentLoaderTest.this::load).isInstanceOfSatisfying(InvalidKnowledgeException.class,
                    e -> assertThat(e.problems()).map(IntentProblem::toString).singleElement().asString()
                            .endsWith("icc-referral.yaml: 'source.document' names '_documents.yaml', which is not in"
                                    + " the seeds folder (it has: rights.txt)"));
        }

        @Test
        void theProjectsIndexTitlesEverySeedDocumentWithoutRepeatingItsFileName() {
            KnowledgeBase knowledge = KnowledgeFixture.projectSettings().load();
            var seedDocuments = SeedDocuments.readFrom(Path.of("seeds")).names();

            assertThat(seedDocuments).isNotEmpty().allSatisfy(name -> {
                SourceDocument document = knowledge.document(name);
                assertThat(document.title()).as(name).isNotEqualTo(SourceDocument.untitled(name).title())
                        .doesNotContain(".txt");
                assertThat(document.url()).as("the seed documents name no URL of their own").isEmpty();
            });
        }
    }

    @Nested
    class RejectsTheDocumentIndexNamingFileAndField {

        @BeforeEach
        void twoValidIntents() throws IOException {
            write("icc-referral", referralIntent());
            write("icc-role", roleIntent());
        }

        @Test
        void anUnknownKey() throws IOException {
            index("rights.txt:\n  title: Rights\n  link: https://www.example.org/rights\n");
            assertIndexProblems("_documents.yaml: 'rights.txt.link' is not a known key (known keys: title, url)");
        }

        @Test
        void aFileThatIsNotInTheSeedsFolder() throws IOException {
            Files.writeString(seeds.resolve("another.txt"), "Another document.");
            index("rights.txt:\n  title: Rights\nrigths.txt:\n  title: A typo\n");
            assertIndexProblems("_documents.yaml: 'rigths.txt' names no document in the seeds folder (it has: "
                    + "another.txt, rights.txt)");
        }

        @Test
        void aMissingTitle() throws IOException {
            index("rights.txt:\n  url: https://www.example.org/rights\n");
            assertIndexProblems("_documents.yaml: 'rights.txt.title' is missing");
        }

        @Test
        void aBlankOrEmptyTitle() throws IOException {
            Files.writeString(seeds.resolve("other.txt"), "Another document.");
            index("rights.txt:\n  title: '  '\nother.txt:\n  title:\n");
            assertIndexProblems("_documents.yaml: 'rights.txt.title' is blank",
                    "_documents.yaml: 'other.txt.title' is empty");
        }

        @Test
        void aTitleThatIsNoText() throws IOException {
            index("rights.txt:\n  title: [a, list]\n");
            assertIndexProblems("_documents.yaml: 'rights.txt.title' must be text, found a list");
        }

        @Test
        void aTitleOfMoreThanOneLineOrTooLong() throws IOException {
            Files.writeString(seeds.resolve("other.txt"), "Another document.");
            index("rights.txt:\n  title: |\n    First line\n    second line\nother.txt:\n  title: "
                    + "x".repeat(201) + "\n");
            assertIndexProblems("_documents.yaml: 'rights.txt.title' must be one line",
                    "_documents.yaml: 'other.txt.title' must be at most 200 characters, found 201");
        }

        @ParameterizedTest
        @ValueSource(strings = {"javascript:alert(1)", "ftp://files.example.org/rights.txt", "/rights.html",
                "www.example.org/rights", "https://", "data:text/html,hi", "'https://www.example.org/a b'"})
        void aUrlThatIsNoHttpOrHttpsUrl(String url) throws IOException {
            index("rights.txt:\n  title: Rights\n  url: " + url + "\n");
            assertThatThrownBy(IntentLoaderTest.this::load).isInstanceOfSatisfying(InvalidKnowledgeException.class,
                    e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.file()).isEqualTo(seeds.resolve("_documents.yaml").toString());
                        assertThat(problem.field()).isEqualTo("rights.txt.url");
                        assertThat(problem.reason()).startsWith("must be an http or https URL");
                    }));
        }

        @Test
        void aUrlThatIsNoText() throws IOException {
            index("rights.txt:\n  title: Rights\n  url: 42\n");
            assertIndexProblems("_documents.yaml: 'rights.txt.url' must be an http or https URL, e.g. "
                    + "https://www.example.org/report, found a integer");
        }

        @Test
        void anEntryThatIsNoMapping() throws IOException {
            index("rights.txt: Rights and the ICC\n");
            assertIndexProblems("_documents.yaml: 'rights.txt' must be a mapping with 'title' and, if the document "
                    + "is published, 'url'; found text");
        }

        @Test
        void anIndexThatIsNoMapping() throws IOException {
            index("- rights.txt\n");
            assertIndexProblems("_documents.yaml: must be a YAML mapping from each document's file name to its "
                    + "title and url, e.g. 'report.txt: {title: Annual report, url: https://www.example.org/report}'");
        }

        @Test
        void invalidYaml() throws IOException {
            index("rights.txt: [unclosed\n");
            assertThatThrownBy(IntentLoaderTest.this::load).isInstanceOf(InvalidKnowledgeException.class)
                    .hasMessageContaining("_documents.yaml: is not valid YAML");
        }

        @Test
        void twoIndexFiles() throws IOException {
            index("rights.txt:\n  title: Rights\n");
            Files.writeString(seeds.resolve("_documents.yml"), "rights.txt:\n  title: Rights again\n");
            assertIndexProblems("_documents.yml: repeats _documents.yaml: keep one index of the documents");
        }

        @Test
        void listedWithTheProblemsOfTheIntentFiles() throws IOException {
            write("icc-role", roleIntent().replace("followups: [icc-referral]", "followups: [nowhere]"));
            index("rights.txt:\n  titel: Rights\n");

            assertThatThrownBy(IntentLoaderTest.this::load).isInstanceOfSatisfying(InvalidKnowledgeException.class,
                    e -> assertThat(e.problems()).extracting(IntentProblem::field)
                            .containsExactlyInAnyOrder("followups[0]", "rights.txt.titel", "rights.txt.title"));
        }

        private void assertIndexProblems(String... expected) {
            assertThatThrownBy(IntentLoaderTest.this::load).isInstanceOfSatisfying(InvalidKnowledgeException.class,
                    e -> assertThat(e.problems()).map(p -> p.toString().replace(seeds + "/", ""))
                            .containsExactlyInAnyOrder(expected));
        }
    }

    @Nested
    class RejectsAndNamesFileAndField {

        @Test
        void unknownKeyAndNoKnockOnProblemsForFollowupsThatNameTheBrokenFile() throws IOException {
            write("icc-referral", referralIntent() + "answr: typo\n");
            write("icc-role", roleIntent());
            assertProblems("icc-referral.yaml: 'answr' is not a known key (known keys: answer, examples, followups,"
                    + " question, source, tags)");
        }

        @Test
        void missingAnswer() throws IOException {
            write("icc-referral", referralIntent().replace("answer: Any **state party** can refer cases.\n", ""));
            assertProblems("icc-referral.yaml: 'answer' is missing");
        }

        @Test
        void tooFewExamples() throws IOException {
            write("icc-referral", intent("Who refers?", examples("few", 3), "Anyone.", referralSource(), "[]"));
            assertProblems("icc-referral.yaml: 'examples' needs at least 12 phrasings counting the question, found 4");
        }

        @Test
        void duplicateIds() throws IOException {
            write("icc-referral", referralIntent());
            write("icc-role", roleIntent());
            Files.writeString(intents.resolve("icc-referral.yml"), referralIntent().replace("icc referral example",
                    "other phrasing"));
            assertProblems("icc-referral.yml: has the same id 'icc-referral' as icc-referral.yaml");
        }

        @Test
        void sameExampleUnderTwoIntents() throws IOException {
            write("icc-referral", referralIntent());
            write("icc-role", roleIntent().replace("icc role example 1", "ICC referral example 1?"));
            assertProblems("icc-role.yaml: 'examples' 'ICC referral example 1?' also stands under intent 'icc-referral'");
        }

        @Test
        void theSameExampleUnderTwoIntentsEvenWhenSpelledDifferently() throws IOException {
            write("icc-referral", referralIntent().replace("icc referral example 1", "What’s the ICC référral?"));
            write("icc-role", roleIntent().replace("icc role example 1", "whats the icc referral"));
            assertProblems("icc-role.yaml: 'examples' 'whats the icc referral' also stands under intent 'icc-referral'");
        }

        /** The same phrasing is the same words to the classifier, which joins the dots of an acronym. */
        @Test
        void aDottedAcronymRepeatsTheAcronymWithoutDots() throws IOException {
            write("icc-referral", referralIntent().replace("icc referral example 1", "What does the U.N. do?")
                    .replace("icc referral example 2", "what does the UN do"));
            write("icc-role", roleIntent());
            assertProblems("icc-referral.yaml: 'examples[1]' repeats examples[0]: 'what does the UN do'");
        }

        @Test
        void repeatedExampleWithinOneIntent() throws IOException {
            write("icc-referral", referralIntent().replace("icc referral example 2", "ICC referral example 1"));
            assertProblems("icc-referral.yaml: 'examples[1]' repeats examples[0]: 'ICC referral example 1'");
        }

        @Test
        void anExampleNoUserCouldAsk() throws IOException {
            // The rule every question and proposed example follows, so a file cannot teach what no user could send.
            String lastExample = "  - icc referral example 12\n";
            write("icc-referral", referralIntent().replace(lastExample, lastExample
                    + "  - " + "x".repeat(1001) + "\n  - \"who refers \\a cases\"\n"));
            write("icc-role", roleIntent());
            assertProblems("icc-referral.yaml: 'examples[12]' must be at most 1000 characters long",
                    "icc-referral.yaml: 'examples[13]' must not hold control characters other than tab and line "
                            + "breaks (it holds U+0007)");
        }

        @Test
        void anIdLongerThanTheHistoryKeeps() throws IOException {
            String id = "a".repeat(Intent.MAX_ID_LENGTH + 1);
            write(id, roleIntent());
            write("icc-referral", referralIntent().replace("followups: [icc-role]", "followups: []"));
            assertProblems(id + ".yaml: has a name of 101 characters; an intent id may have at most 100");
        }

        @Test
        void aQuestionNoUserCouldAsk() throws IOException {
            // A chip sends the canonical question as a visitor's question: one the chat refuses must not load.
            write("icc-referral", referralIntent().replace("question: Who can refer cases to the ICC?",
                    "question: \"Who can refer cases to the ICC\\uFFFE\""));
            write("icc-role", roleIntent());
            assertProblems("icc-referral.yaml: 'question' must not hold U+FFFE, a Unicode noncharacter");
        }

        @Test
        void followupThatNamesNoIntent() throws IOException {
            write("icc-referral", referralIntent().replace("followups: [icc-role]", "followups: [icc-roel]"));
            assertProblems("icc-referral.yaml: 'followups[0]' names no intent: 'icc-roel'");
        }

        @Test
        void sourceDocumentNotInSeeds() throws IOException {
            write("icc-referral", referralIntent().replace("document: " + DOCUMENT, "document: other.txt"));
            assertProblems("icc-referral.yaml: 'source.document' names 'other.txt', which is not in the seeds folder"
                    + " (it has: rights.txt)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"javascript:alert(1)", "/faq#hours", "ftp://example.org/faq", "42"})
        void aSourceLinkThatIsNoHttpOrHttpsUrl(String url) throws IOException {
            write("icc-referral", referralIntent().replace("can refer cases.\"\n",
                    "can refer cases.\"\n  url: \"" + url + "\"\n"));
            write("icc-role", roleIntent());
            assertProblems("icc-referral.yaml: 'source.url' must be an http or https URL, e.g. "
                    + "https://www.example.org/report, found '" + url + "'");
        }

        @Test
        void excerptThatTheDocumentDoesNotHold() throws IOException {
            write("icc-referral", referralIntent().replace("can refer cases.", "can refer any case."));
            assertProblems("icc-referral.yaml: 'source.excerpt' does not stand word for word in rights.txt");
        }

        @Test
        void contentIntentWithoutSource() throws IOException {
            write("icc-referral", intent("Who refers?", examples("x", 12), "Anyone.", "", "[]"));
            assertProblems("icc-referral.yaml: 'source' is missing (only intents tagged 'small-talk' may omit it)");
        }

        @Test
        void wrongTypes() throws IOException {
            write("icc-referral", """
                    question: [not, text]
                    examples: just one string
                    answer: Anyone.
                    source: rights.txt
                    """);
            assertProblems("icc-referral.yaml: 'question' must be text, found a list",
                    "icc-referral.yaml: 'examples' must be a list, found text",
                    "icc-referral.yaml: 'source' must be a mapping with 'document' and 'excerpt', found text");
        }

        @Test
        void invalidYaml() throws IOException {
            write("icc-referral", "question: [unclosed\n");
            assertThatThrownBy(IntentLoaderTest.this::load).isInstanceOf(InvalidKnowledgeException.class)
                    .hasMessageContaining("icc-referral.yaml: is not valid YAML");
        }

        @Test
        void fileNameThatIsNoId() throws IOException {
            write("ICC_Referral", referralIntent());
            assertProblems("ICC_Referral.yaml: has a name that is no valid intent id: use lower-case letters (in"
                    + " any script), digits and single hyphens, e.g. icc-referral.yaml");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Кто-может", "a--b", "-a", "a-", "a b", "\u0301a"})
        void aNameThatIsNoIdInAnyScript(String id) throws IOException {
            write(id, roleIntent());
            write("icc-referral", referralIntent().replace("followups: [icc-role]", "followups: []"));
            assertProblems(id + ".yaml: has a name that is no valid intent id: use lower-case letters (in any"
                    + " script), digits and single hyphens, e.g. icc-referral.yaml");
        }

        @Test
        void emptyFolder() {
            assertProblems(intents + ": holds no intent files (*.yaml)");
        }

        @Test
        void everyProblemOfEveryFileAtOnce() throws IOException {
            write("icc-referral", referralIntent().replace("answer: Any **state party** can refer cases.\n", ""));
            write("icc-role", roleIntent().replace("followups: [icc-referral]", "followups: [nowhere]"));

            assertThatThrownBy(IntentLoaderTest.this::load).isInstanceOfSatisfying(InvalidKnowledgeException.class,
                    e -> {
                        assertThat(e.problems()).extracting(IntentProblem::field)
                                .containsExactlyInAnyOrder("answer", "followups[0]");
                        assertThat(e.getMessage()).startsWith("2 problem(s) in the intent files:");
                    });
        }

        @Test
        void anOutOfScopeFileWithAnUnknownKeyOrWithoutExamples() throws IOException {
            write("icc-referral", referralIntent());
            write("icc-role", roleIntent());
            write("_out-of-scope", "question: when was the ICC founded\n");
            assertProblems("_out-of-scope.yaml: 'question' is not a known key (the only key here is examples)",
                    "_out-of-scope.yaml: 'examples' is missing");
        }

        @Test
        void anOutOfScopeQuestionThatAnIntentAnswers() throws IOException {
            write("icc-referral", referralIntent());
            write("icc-role", roleIntent());
            write("_out-of-scope", "examples:\n  - when was the ICC founded\n  - ICC referral example 3!\n");
            assertProblems("_out-of-scope.yaml: 'examples[1]' 'ICC referral example 3!' also stands under intent "
                    + "'icc-referral'");
        }

        @Test
        void twoOutOfScopeFiles() throws IOException {
            write("icc-referral", referralIntent());
            write("icc-role", roleIntent());
            write("_out-of-scope", "examples:\n  - when was the ICC founded\n");
            Files.writeString(intents.resolve("_out-of-scope.yml"), "examples:\n  - who is the ICC prosecutor\n");
            assertProblems("_out-of-scope.yml: repeats _out-of-scope.yaml: keep one file of out-of-scope questions");
        }

        @Test
        void anOutOfScopeFileThatIsNoMapping() throws IOException {
            write("icc-referral", referralIntent());
            write("icc-role", roleIntent());
            write("_out-of-scope", "- when was the ICC founded\n");
            assertProblems("_out-of-scope.yaml: must be a YAML mapping with the key examples");
        }

        @Test
        void aFileLargerThanTheLimitUnreadAndTheOthersChecked() throws IOException {
            write("icc-referral", referralIntent() + "# " + "x".repeat(5_000) + "\n");
            write("icc-role", roleIntent().replace("followups: [icc-referral]", "followups: [nowhere]"));
            write("_out-of-scope", "examples:\n" + "  - a question not answered here\n".repeat(200));
            long referralBytes = Files.size(intents.resolve("icc-referral.yaml"));
            long outOfScopeBytes = Files.size(intents.resolve("_out-of-scope.yaml"));

            var loader = new IntentLoader(SeedDocuments.readFrom(seeds), 12, new IntentFileLimits(4096));

            assertThatThrownBy(() -> loader.load(intents)).isInstanceOfSatisfying(InvalidKnowledgeException.class,
                    e -> assertThat(e.problems()).map(p -> p.toString().replace(intents + "/", ""))
                            .containsExactlyInAnyOrder("icc-referral.yaml: is " + referralBytes + " bytes, more than the 4096 an intent file may"
                                    + " have (parley.knowledge.max-file-size)",
                            "_out-of-scope.yaml: is " + outOfScopeBytes + " bytes, more than the 4096 an intent file"
                                    + " may have (parley.knowledge.max-file-size)",
                            "icc-role.yaml: 'followups[0]' names no intent: 'nowhere'"));
        }

        @Test
        void textsLongerThanTheirBound() throws IOException {
            String tooLong = "why ".repeat(250) + "?";
            write("icc-referral", referralIntent().replace("icc referral example 3", tooLong)
                    .replace("Who can refer cases to the ICC?", tooLong)
                    .replace("Any **state party** can refer cases.",
                            "x".repeat(IntentFileLimits.MAX_ANSWER_LENGTH + 1)));
            write("icc-role", roleIntent());
            write("_out-of-scope", "examples:\n  - when was the ICC founded\n  - " + tooLong + "\n");
            // The question and the examples are held to the rule for every question a visitor asks (text/UserText).
            assertProblems("icc-referral.yaml: 'question' must be at most 1000 characters long",
                    "icc-referral.yaml: 'examples[2]' must be at most 1000 characters long",
                    "icc-referral.yaml: 'answer' is 10001 characters long, more than the 10000 allowed",
                    "_out-of-scope.yaml: 'examples[1]' must be at most 1000 characters long");
        }

        @Test
        void nestingNoIntentNeeds() throws IOException {
            write("icc-referral", referralIntent().replace("tags: [icc]", "tags: " + "[".repeat(20) + "]".repeat(20)));
            assertThatThrownBy(IntentLoaderTest.this::load).isInstanceOf(InvalidKnowledgeException.class)
                    .hasMessageContaining("icc-referral.yaml: is not valid YAML: Nesting Depth exceeded max 10");
        }

        private void assertProblems(String... expected) {
            assertThatThrownBy(IntentLoaderTest.this::load).isInstanceOfSatisfying(InvalidKnowledgeException.class,
                    e -> assertThat(e.problems()).map(p -> p.toString().replace(intents + "/", ""))
                            .containsExactlyInAnyOrder(expected));
        }
    }

    private KnowledgeBase load() {
        return new IntentLoader(SeedDocuments.readFrom(seeds), 12, new IntentFileLimits(1024 * 1024)).load(intents);
    }

    private void index(String yaml) throws IOException {
        Files.writeString(seeds.resolve("_documents.yaml"), yaml);
    }

    private void write(String id, String yaml) throws IOException {
        Files.writeString(intents.resolve(id + ".yaml"), yaml);
    }

    private static String referralIntent() {
        return intent("Who can refer cases to the ICC?", examples("icc referral example", 12),
                "Any **state party** can refer cases.", referralSource(), "[icc-role]").replace("tags: []", "tags: [icc]");
    }

    private static String roleIntent() {
        return intent("What does the ICC do?", examples("icc role example", 12), "It prosecutes the gravest crimes.",
                """
                source:
                  document: rights.txt
                  excerpt: "The ICC focuses on the world’s gravest crimes"
                """, "[icc-referral]");
    }

    private static String greetingIntent() {
        return intent("Hello!", examples("hello there", 12), "Hello! Ask me a question.", "", "[]")
                .replace("tags: []", "tags: [small-talk]");
    }

    private static String referralSource() {
        return """
                source:
                  document: rights.txt
                  excerpt: "Any state party, the UN Security Council, or the ICC prosecutor can refer cases."
                """;
    }

    private static String intent(String question, List<String> examples, String answer, String source,
                                 String followups) {
        return "question: " + question + "\n"
                + "examples:\n" + examples.stream().map(e -> "  - " + e + "\n").reduce("", String::concat)
                + "answer: " + answer + "\n"
                + source
                + "followups: " + followups + "\n"
                + "tags: []\n";
    }

    private static List<String> examples(String stem, int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> stem + " " + i).toList();
    }
}
