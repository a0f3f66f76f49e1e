package dev.parley.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.knowledge.InvalidKnowledgeException;
import dev.parley.testing.ApiClient;
import dev.parley.testing.KnowledgeFixture;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/admin/reload} against the running app, with the intents in a folder the test may break. */
class ReloadApiTest extends EditableIntentsApp {

    // parley.knowledge.max-file-size by default.
    private static final long ONE_MEGABYTE = 1024 * 1024;

    @Test
    void answersANewIntentOnceReloaded() {
        assertThat(admin.intentFor("do you keep my questions?")).isNotEqualTo("privacy");
        KnowledgeFixture.write(intents.resolve("privacy.yaml"), KnowledgeFixture.privacyIntent());

        ApiClient.Response reload = admin.reload();

        assertThat(reload.status()).isEqualTo(200);
        assertThat(reload.contentType()).startsWith("application/json");
        JsonNode summary = reload.json();
        assertThat(summary.get("intents").asInt()).isEqualTo(IntentsFolder.seedIntentCount() + 1);
        assertThat(summary.get("examples").asInt()).isEqualTo(IntentsFolder.seedExampleCount() + 12);
        assertThat(summary.get("trainedMillis").asLong()).isPositive();
        assertThat(summary.get("loadedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(admin.intentFor("do you keep my questions?")).isEqualTo("privacy");
        assertThat(admin.intentFor("is this chat private?")).isEqualTo("privacy");
        assertThat(intents.resolve(".parley-base")).as("the files are the source: nothing is written into them")
                .doesNotExist();
    }

    @Test
    void refusesBrokenFilesListingEveryProblemAndKeepsTheModelInService() {
        assertThat(admin.intentFor("who can refer cases to the ICC?")).isEqualTo("icc-referral");
        // A valid new intent beside the broken files: a reload is all or nothing, so it must not go live either.
        KnowledgeFixture.write(intents.resolve("privacy.yaml"), KnowledgeFixture.privacyIntent());
        KnowledgeFixture.write(intents.resolve("no-answer.yaml"),
                KnowledgeFixture.privacyIntent().replace("question: What happens to my questions?", "question: Who?")
                        .replaceAll("(?s)answer: \\|.*?\ntags", "tags").replaceAll("  - (.*)\n", "  - $1 now\n"));
        KnowledgeFixture.write(intents.resolve("bad-yaml.yaml"), "question: [unclosed\nanswer: x\n");

        ApiClient.Response reload = admin.reload();

        assertThat(reload.status()).isEqualTo(422);
        assertThat(reload.contentType()).startsWith("application/problem+json");
        JsonNode problem = reload.json();
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("detail").asString()).contains("model in service keeps answering");
        List<String> errors = new ArrayList<>();
        problem.get("errors").forEach(error -> errors.add(Path.of(error.get("file").asString()).getFileName()
                + " | " + error.get("field").asString() + " | " + error.get("reason").asString()));
        assertThat(errors).contains("no-answer.yaml | answer | is missing")
                .anyMatch(error -> error.startsWith("bad-yaml.yaml | - | is not valid YAML"));
        // the problems name the curator's own files
        problem.get("errors").forEach(error -> assertThat(Path.of(error.get("file").asString()).getParent())
                .isEqualTo(intents));
        assertThat(admin.intentFor("who can refer cases to the ICC?")).isEqualTo("icc-referral");
        assertThat(admin.intentFor("is this chat private?")).isNotEqualTo("privacy");
    }

    @Test
    void refusesAFileThatIsNoUtf8Text() throws Exception {
        java.nio.file.Files.write(intents.resolve("latin1.yaml"), new byte[] {'q', ':', ' ', (byte) 0xE9, '\n'});

        ApiClient.Response reload = admin.reload();

        assertThat(reload.status()).isEqualTo(422);
        assertThat(reload.json().get("errors").get(0).get("reason").asString())
                .contains(intents.resolve("latin1.yaml").toString());
        assertThat(admin.intentFor("who can refer cases to the ICC?")).isEqualTo("icc-referral");
    }

    @Test
    void aFileThatCannotBeReadIsReportedWithTheFailureThatCausedIt(@Autowired KnowledgeReloader reloader)
            throws IOException {
        // Regression: the reload's problem kept the message of the read failure but dropped the failure itself.
        Path latin1 = intents.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'q', ':', ' ', (byte) 0xE9, '\n'});
        try {
            assertThatThrownBy(reloader::reload).isInstanceOf(InvalidKnowledgeException.class)
                    .hasCauseInstanceOf(UncheckedIOException.class);
        } finally {
            Files.delete(latin1);
        }
    }

    @Test
    void refusesAnOversizedIntentFileUnreadAndKeepsTheModelInService() throws IOException {
        Path huge = intents.resolve("huge.yaml");
        writeTwentyMegabytes(huge, "question: What is this?\nanswer: Nothing.\nexamples:\n", "  - example %d\n");

        ApiClient.Response reload = admin.reload();

        assertThat(reload.status()).isEqualTo(422);
        assertThat(reload.contentType()).startsWith("application/problem+json");
        assertThat(errors(reload)).containsExactly("huge.yaml | - | is " + Files.size(huge) + " bytes, more than the "
                + ONE_MEGABYTE + " an intent file may have (parley.knowledge.max-file-size)");
        assertThat(admin.intentFor("who can refer cases to the ICC?")).isEqualTo("icc-referral");

        Files.delete(huge);
        assertThat(admin.reload().status()).isEqualTo(200);
    }

    @Test
    void refusesAnOversizedOutOfScopeFileUnread() throws IOException {
        Path outOfScope = intents.resolve("_out-of-scope.yaml");
        writeTwentyMegabytes(outOfScope, "examples:\n", "  - question %d not answered here\n");

        ApiClient.Response reload = admin.reload();

        assertThat(reload.status()).isEqualTo(422);
        assertThat(errors(reload)).containsExactly("_out-of-scope.yaml | - | is " + Files.size(outOfScope)
                + " bytes, more than the " + ONE_MEGABYTE + " an intent file may have (parley.knowledge.max-file-size)");
        assertThat(admin.intentFor("who can refer cases to the ICC?")).isEqualTo("icc-referral");
    }

    /** Writes {@code head} then {@code line} (with a running number) until the file holds 20 MB. */
    private static void writeTwentyMegabytes(Path file, String head, String line) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(head);
            long written = head.length();
            for (int i = 0; written < 20_000_000; i++) {
                String next = String.format(line, i);
                out.write(next);
                written += next.length();
            }
        }
    }

    private static List<String> errors(ApiClient.Response response) {
        List<String> errors = new ArrayList<>();
        response.json().get("errors").forEach(error -> errors.add(Path.of(error.get("file").asString()).getFileName()
                + " | " + error.get("field").asString() + " | " + error.get("reason").asString()));
        return errors;
    }

    @Test
    void aReloadDuringWhichTheFilesKeepChangingPublishesNothingItDidNotTrainOn() throws Exception {
        int publishedBefore = publications();
        // an editor saving one file again and again (atomically, so that each save is a whole valid file)
        var saving = new AtomicBoolean(true);
        ExecutorService editor = Executors.newSingleThreadExecutor();
        Future<?> saves = editor.submit(() -> {
            for (int save = 0; saving.get(); save++) {
                Path draft = intents.resolve("privacy.draft");
                KnowledgeFixture.write(draft, KnowledgeFixture.privacyIntent() + "# save " + save + "\n");
                Files.move(draft, intents.resolve("privacy.yaml"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            return null;
        });
        var statuses = new ArrayList<Integer>();
        ApiClient.Response changed = null;
        try {
            // a save lands between the read and the end of training on almost every try: one is enough
            for (int attempt = 0; attempt < 10 && changed == null; attempt++) {
                ApiClient.Response reload = admin.reload();
                statuses.add(reload.status());
                if (reload.status() == 409) {
                    changed = reload;
                }
            }
        } finally {
            saving.set(false);
            saves.get(10, TimeUnit.SECONDS);
            editor.shutdown();
        }

        assertThat(statuses).as("each reload either published what it trained on or refused").allMatch(
                status -> status == 200 || status == 409);
        assertThat(changed).as("statuses %s", statuses).isNotNull();
        assertThat(changed.contentType()).startsWith("application/problem+json");
        assertThat(changed.json().get("title").asString()).isEqualTo("Intent files changed during the reload");
        assertThat(changed.json().get("read").asString()).isNotEqualTo(changed.json().get("now").asString());
        // every save differs, so each reload that passed published a version of its own; a refused one none
        assertThat(publications() - publishedBefore).isEqualTo(statuses.stream().filter(status -> status == 200)
                .count());
    }

    private int publications() {
        return admin.get("/api/v1/admin/knowledge/versions").json().get("publications").size();
    }

    @Test
    void keepsAnsweringEveryQuestionWhileReloading() throws Exception {
        KnowledgeFixture.write(intents.resolve("privacy.yaml"), KnowledgeFixture.privacyIntent());
        var askedOnce = new CountDownLatch(4);
        var reloadsDone = new AtomicBoolean();
        var wrongAnswers = new ConcurrentLinkedQueue<String>();
        ExecutorService askers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> counts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            counts.add(askers.submit(() -> {
                var asker = ApiClient.anonymous(port);
                int asked = 0;
                do {
                    String intent = asker.intentFor("who can refer cases to the ICC?");
                    if (!"icc-referral".equals(intent)) {
                        wrongAnswers.add(String.valueOf(intent));
                    }
                    asked++;
                    askedOnce.countDown();
                } while (!reloadsDone.get());
                return asked;
            }));
        }
        assertThat(askedOnce.await(30, TimeUnit.SECONDS)).isTrue();

        List<Integer> reloadStatuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reloadStatuses.add(admin.reload().status());
        }
        reloadsDone.set(true);
        askers.shutdown();

        assertThat(askers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(reloadStatuses).containsExactly(200, 200, 200);
        // intentFor throws on any status but 200, which would surface here as an ExecutionException.
        for (Future<Integer> count : counts) {
            assertThat(count.get()).isPositive();
        }
        assertThat(wrongAnswers).isEmpty();
        assertThat(admin.intentFor("is this chat private?")).isEqualTo("privacy");
    }

    @Test
    void refusesRequestsWithoutAdminCredentials() {
        for (ApiClient stranger : List.of(ApiClient.anonymous(port),
                ApiClient.withCredentials(port, "admin", "wrong"))) {
            ApiClient.Response response = stranger.reload();

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }
}
