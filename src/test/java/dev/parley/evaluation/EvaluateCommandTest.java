package dev.parley.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.testing.CommandRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code evaluate} command as a user runs it: arguments in, run.exit() code and printed report out. */
class EvaluateCommandTest {

    @TempDir
    Path folder;

    @Test
    void printsTheMetricsAsOneJsonObject() throws IOException {
        Path train = write("train.tsv", """
                greeting\thello
                greeting\thi there
                greeting\tgood morning
                weather\twhat is the weather
                weather\twill it rain today
                weather\tis it sunny outside
                oos\thow do I bake bread
                oos\tbest football team
                """);
        Path test = write("test.tsv", """
                greeting\thello there
                weather\twill it rain today
                oos\thow do I bake bread
                """);

        CommandRun run = CommandRun.of("evaluate", "--train", train.toString(), "--test",
                test.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("count").asInt()).isEqualTo(3);
        assertThat(json.get("inScopeCount").asInt()).isEqualTo(2);
        assertThat(json.get("outOfScopeCount").asInt()).isEqualTo(1);
        // Three separable questions: every one right, so every rate is exact.
        assertThat(json.get("inScopeAccuracy").asDouble()).isEqualTo(1.0);
        assertThat(json.get("oosRecall").asDouble()).isEqualTo(1.0);
        assertThat(json.get("oosPrecision").asDouble()).isEqualTo(1.0);
        assertThat(json.get("falseFallbackRate").asDouble()).isEqualTo(0.0);
        assertThat(json.get("macroF1").asDouble()).isEqualTo(1.0);
        // the file's eight, and the share of the bundled out-of-scope questions the server would learn beside two
        // intents of three phrasings each (OutOfScopeExamples.bundledFor)
        assertThat(json.get("trainingExamples").asInt()).isEqualTo(8 + 25 * 3);
    }

    @Test
    void evaluatesTheProjectsIntentsAsReadableText() {
        Path heldOut = HeldOutQualityTest.HELD_OUT_SETS.get(0);
        CommandRun run = CommandRun.of("evaluate", "--test", heldOut.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Trained hybrid on ", "Evaluation of " + heldOut)
                .containsPattern("Clarification \\(max-confidence 0\\.60, min-runner-up-ratio 0\\.50\\): \\d+ answered right")
                .containsPattern("in-scope accuracy\\s+\\d+\\.\\d%")
                .containsPattern("out-of-scope recall\\s+\\d+\\.\\d%")
                .containsPattern("false fallback rate\\s+\\d+\\.\\d%")
                .contains("Worst confusions");
    }

    /**
     * The hybrid answers its tuning questions almost perfectly, so calibrated on them alone its temperature ran to the
     * search's lower bound and every answer looked certain; with the cross-validation predictions beside them the
     * confidence means something again.
     */
    @Test
    void calibratesTheHybridOnTuningAndCrossValidationAndPrintsTheSettingsThatServeIt() {
        Path tuning = Path.of("src/test/resources/evaluation/tuning.tsv");

        CommandRun run = CommandRun.of("evaluate", "--classifier", "hybrid", "--tune",
                tuning.toString(), "--cross-validate", "5", "--test", tuning.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("classifier").asString()).isEqualTo("hybrid");
        assertThat(json.get("temperature").asDouble()).as("the blend's temperature").isBetween(0.1, 5.0);
        JsonNode serving = json.get("servingSettings");
        assertThat(serving.propertyNames()).containsExactly("parley.nlu.classifier", "parley.nlu.maxent.temperature",
                "parley.nlu.encoder.temperature", "parley.nlu.hybrid.maxent-weight", "parley.nlu.hybrid.temperature",
                "parley.nlu.hybrid.fallback.min-confidence", "parley.nlu.hybrid.fallback.min-margin");
        assertThat(serving.get("parley.nlu.hybrid.temperature").asDouble()).isGreaterThan(0.1);
        assertThat(json.get("crossValidation").get("inScopeAccuracy").asDouble()).isBetween(0.5, 1.0);
        assertThat(json.get("clarification").get("answeredRight").asInt()).isPositive();
    }

    @Test
    void anUnknownClassifierIsAUsageError() {
        CommandRun run = CommandRun.of("evaluate", "--classifier", "bert", "--test", "x.tsv");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains("Unknown classifier 'bert'; available: maxent, encoder, hybrid");
    }

    @Test
    void aMalformedTestFileIsAClearErrorWithItsLineNumber() throws IOException {
        Path test = write("broken.tsv", "greeting\thello\nno tab on this line\n");

        CommandRun run = CommandRun.of("evaluate", "--test", test.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("error: " + test + ":2: expected 'label<TAB>text', found 1 column(s)");
    }

    @Test
    void anUnknownSettingIsRefusedWithItsNameAsTheServerRefusesIt() throws IOException {
        Path test = write("test.tsv", "greeting\thello there\n");

        CommandRun run = CommandRun.of("evaluate", "--test", test.toString(),
                "--set", "parley.nlu.maxent.temprature=0.5");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("error: 1 unknown setting(s)",
                "parley.nlu.maxent.temprature (--set parley.nlu.maxent.temprature): "
                        + "did you mean parley.nlu.maxent.temperature?");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void wrongUsageExplainsItself() {
        CommandRun run = CommandRun.of("evaluate");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--test=FILE'");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }
}
