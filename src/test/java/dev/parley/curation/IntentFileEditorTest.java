package dev.parley.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import dev.parley.knowledge.IntentFileLimits;
import dev.parley.knowledge.IntentProblem;
import dev.parley.knowledge.InvalidKnowledgeException;

class IntentFileEditorTest {

    private final IntentFileEditor editor = new IntentFileEditor(new IntentFileLimits(1024 * 1024));

    @Test
    void insertsNewItemsAfterTheLastExampleAndLeavesEveryOtherLineAlone() {
        String file = """
                # Curated by the legal team; keep the answer short.
                question: Who can refer cases to the ICC?   # shown as a suggestion
                examples:
                  - who can refer a case to the icc
                  - "ICC referrals"
                  - 'can the ICC prosecutor start a case?'  # asked at the open day
                # answer reviewed 2026-11
                answer: |
                  A state party.
                tags: [icc]
                """;

        String edited = editor.withExamplesAppended("icc.yaml", file, List.of("who gets to send cases to the icc"));

        assertThat(edited).isEqualTo("""
                # Curated by the legal team; keep the answer short.
                question: Who can refer cases to the ICC?   # shown as a suggestion
                examples:
                  - who can refer a case to the icc
                  - "ICC referrals"
                  - 'can the ICC prosecutor start a case?'  # asked at the open day
                  - who gets to send cases to the icc
                # answer reviewed 2026-11
                answer: |
                  A state party.
                tags: [icc]
                """);
    }

    @Test
    void quotesExamplesThatWouldNotReadBackAsTheSameText() {
        List<String> tricky = List.of("yes", "what's: the ICC?", "#icc", "- icc", "123", "null", "a \"quoted\" word",
                "icc # court", "émigré 😀 rights", "tab\there", "...");

        String edited = editor.withExamplesAppended("icc.yaml", "examples:\n  - first\n", tricky);

        Map<String, Object> parsed = new Yaml().load(edited);
        assertThat(parsed.get("examples")).isEqualTo(concat("first", tricky));
        assertThat(edited.lines()).hasSize(1 + 1 + tricky.size()).allMatch(line -> !line.isBlank());
        assertThat(edited).contains("\n  - 'yes'\n").contains("\n  - émigré 😀 rights\n");
    }

    @Test
    void keepsWindowsLineBreaks() {
        String edited = editor.withExamplesAppended("a.yaml", "examples:\r\n  - one\r\nanswer: x\r\n", List.of("two"));

        assertThat(edited).isEqualTo("examples:\r\n  - one\r\n  - two\r\nanswer: x\r\n");
    }

    @Test
    void appendsToAFileWithoutAFinalLineBreak() {
        String edited = editor.withExamplesAppended("a.yaml", "answer: x\nexamples:\n  - one", List.of("two"));

        assertThat(edited).isEqualTo("answer: x\nexamples:\n  - one\n  - two\n");
    }

    @Test
    void followsAListWrittenAtTheKeysIndentation() {
        String edited = editor.withExamplesAppended("a.yaml", "examples:\n- one\n-   two\nanswer: x\n",
                List.of("three"));

        assertThat(edited).isEqualTo("examples:\n- one\n-   two\n-   three\nanswer: x\n");
    }

    @Test
    void extendsAListWrittenInFlowStyleWithQuotedItems() {
        String edited = editor.withExamplesAppended("a.yaml", "examples: [one, two]  # short\nanswer: x\n",
                List.of("three, four", "five"));

        assertThat(edited).isEqualTo("examples: [one, two, \"three, four\", \"five\"]  # short\nanswer: x\n");
    }

    @Test
    void addsAfterAnExampleWrittenAsABlockScalar() {
        String edited = editor.withExamplesAppended("a.yaml", "examples:\n  - >\n    one\n    long\nanswer: x\n",
                List.of("two"));

        assertThat(edited).isEqualTo("examples:\n  - >\n    one\n    long\n  - two\nanswer: x\n");
    }

    @Test
    void readsTheExamplesAFileListsNow() {
        assertThat(editor.examplesIn("examples:\n  - one\n  - 'two'\n")).containsExactly("one", "two");
        assertThat(editor.examplesIn("examples: [")).isEmpty();
    }

    @Nested
    class RefusesToEdit {

        @Test
        void aFileThatIsNoValidYaml() {
            assertThatThrownBy(() -> editor.withExamplesAppended("a.yaml", "examples: [one\n", List.of("two")))
                    .isInstanceOfSatisfying(InvalidKnowledgeException.class, e -> assertThat(e.problems())
                            .singleElement().satisfies(problem -> {
                                assertThat(problem.file()).isEqualTo("a.yaml");
                                assertThat(problem.field()).isEqualTo("-");
                                assertThat(problem.reason()).startsWith("is not valid YAML");
                            }));
        }

        @Test
        void examplesThatWouldTakeTheFileOverItsSizeLimit() {
            var smallFiles = new IntentFileEditor(new IntentFileLimits(40));

            assertThatThrownBy(() -> smallFiles.withExamplesAppended("a.yaml", "examples:\n  - one\n",
                    List.of("who gets to send cases to the icc")))
                    .isInstanceOfSatisfying(InvalidKnowledgeException.class, e -> assertThat(e.problems())
                            .containsExactly(new IntentProblem("a.yaml", "examples", "cannot take these examples: "
                                    + "with them the file is 56 bytes, more than the 40 an intent file may have "
                                    + "(parley.knowledge.max-file-size)")));
        }

        @Test
        void aFileWithoutExamples() {
            assertThatThrownBy(() -> editor.withExamplesAppended("a.yaml", "answer: x\n", List.of("two")))
                    .isInstanceOfSatisfying(InvalidKnowledgeException.class, e -> assertThat(e.problems())
                            .containsExactly(new IntentProblem("a.yaml", "examples",
                                    "is missing, so nothing can be added to it")));
        }

        @Test
        void examplesThatAreNoList() {
            assertThatThrownBy(() -> editor.withExamplesAppended("a.yaml", "examples: one\n", List.of("two")))
                    .isInstanceOfSatisfying(InvalidKnowledgeException.class, e -> assertThat(e.problems())
                            .extracting(IntentProblem::field).containsExactly("examples"));
        }

        @Test
        void aFileThatIsNoMapping() {
            assertThatThrownBy(() -> editor.withExamplesAppended("a.yaml", "- one\n", List.of("two")))
                    .isInstanceOfSatisfying(InvalidKnowledgeException.class, e -> assertThat(e.problems())
                            .extracting(IntentProblem::reason)
                            .containsExactly("is not a YAML mapping, so it has no examples list to add to"));
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        var all = new ArrayList<String>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
