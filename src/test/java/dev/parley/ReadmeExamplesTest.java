package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.ReadmeExamples.Example;
import dev.parley.testing.ApiClient;
import dev.parley.testing.KnowledgeFixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every curl request of the README, in order, against the app on a random port, and checks each reply against
 * the one the README shows under it: the status, and the same field names at every level (values vary from run to
 * run, so they are not compared). {@code ...} in a shown reply stands for what the README leaves out. The app serves
 * the tests' own knowledge base ({@link KnowledgeFixture}) from a copy, as the proposal example writes to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadmeExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ASSIGNMENT = Pattern.compile("(\\w+)=\\$\\((.*)\\)");
    // Shown only for a state the README describes in words: the test makes that state around the request.
    private static final String BROKEN_INTENTS_TITLE = "Invalid intent files";
    private static final String SHORTENED = "(shortened)";

    @TempDir
    static Path intents;

    @DynamicPropertySource
    static void knowledgeOfItsOwn(DynamicPropertyRegistry registry) {
        KnowledgeFixture.serveCopyIn(intents, registry);
    }

    @LocalServerPort
    int port;

    private final Map<String, String> variables = new HashMap<>();

    @TestFactory
    Stream<DynamicTest> everyRequestOfTheReadmeGetsTheReplyShownUnderIt() {
        List<Example> examples = ReadmeExamples.in(Path.of("README.md"));

        // Asks, feedback, an error, reloads, a proposal, the admin reports and the export, at least.
        assertThat(examples).hasSizeGreaterThanOrEqualTo(15);
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.command(), () -> run(example)));
    }

    private void run(Example example) throws Exception {
        String command = example.command();
        Matcher assignment = ASSIGNMENT.matcher(command);
        String variable = null;
        if (assignment.matches()) {
            variable = assignment.group(1);
            command = assignment.group(2);
        }
        List<String> words = ReadmeExamples.words(command, variables);
        int pipe = words.indexOf("|");
        List<String> curl = pipe < 0 ? words : words.subList(0, pipe);
        List<String> jq = pipe < 0 ? List.of() : words.subList(pipe + 1, words.size());
        Curl request = Curl.parse(curl);

        String shownText = String.join("\n", example.shown());
        boolean breaksIntents = shownText.contains(BROKEN_INTENTS_TITLE);
        // The two mistakes the README describes: 'answer' misspelt in one file, a new file that is not valid YAML.
        Path broken = intents.resolve("unhcr-new.yaml");
        Path misspelt = intents.resolve("icc-referral.yaml");
        String intact = Files.readString(misspelt);
        if (breaksIntents) {
            Files.writeString(broken, "question: [unclosed\n");
            Files.writeString(misspelt, intact.replace("\nanswer:", "\nanswr:"));
        }
        ApiClient.Response response;
        try {
            // Anonymous: the curl's own -u, if any, signs it in, as it would for a reader.
            var api = ApiClient.anonymous(port);
            response = api.send(request.toHttp(api));
        } finally {
            Files.deleteIfExists(broken);
            Files.writeString(misspelt, intact);
        }

        if (variable != null) {
            // VAR=$(curl ... | jq -r .field): the field's value, for the examples after it (201 for what it created).
            assertThat(response.status()).as(response.body()).isIn(200, 201);
            String value = JSON.readTree(response.body()).get(jq.get(jq.size() - 1).substring(1)).asString();
            assertThat(value).isNotBlank();
            variables.put(variable, value);
            return;
        }
        if (request.writeOut() != null) {
            assertThat(request.writeOut()).isEqualTo("%{http_code}\\n");
            assertThat(String.valueOf(response.status())).as(response.body()).isEqualTo(example.shown().get(0));
            return;
        }
        if (request.download()) {
            assertThat(response.status()).isEqualTo(200);
            String file = example.shown().get(0).replaceFirst("^saves (\\S+).*:$", "$1");
            assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    disposition -> assertThat(disposition).contains("filename=\"" + file + "\""));
            assertThat(response.body().lines().findFirst()).hasValue(example.shown().get(1));
            return;
        }
        assertThat(example.shown()).as("the reply shown under it").isNotEmpty();
        JsonNode shown = shownJson(shownText);
        JsonNode real = JSON.readTree(response.body());
        if (!jq.isEmpty()) {
            real = project(real, jq.get(jq.size() - 1));
        }
        int status = shown.has("status") ? shown.get("status").asInt() : 200;
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        var differences = new ArrayList<String>();
        compare(shown, real, "reply", differences);
        assertThat(differences).as("fields shown in the README against the reply %s", response.body()).isEmpty();
    }

    /**
     * The shown reply as JSON: {@code , ...]} marks an array shortened (a last element {@value #SHORTENED}),
     * {@code , ...}} and {@code {...}} an object left open.
     */
    static JsonNode shownJson(String shown) {
        // Up to the end of the JSON (an object, or a list of them), without the words after it.
        String json = shown.substring(0, Math.max(shown.lastIndexOf('}'), shown.lastIndexOf(']')) + 1)
                .replaceAll(",\\s*\\.\\.\\.\\s*]", ",\"" + SHORTENED + "\"]")
                .replaceAll(",\\s*\\.\\.\\.\\s*}", ",\"...\":true}")
                .replace("{...}", "{\"...\":true}");
        return JSON.readTree(json);
    }

    /** What {@code jq -c '{a,b}'} keeps of a reply. */
    private static JsonNode project(JsonNode reply, String filter) {
        assertThat(filter).matches("\\{[\\w,]+}");
        var projected = JSON.createObjectNode();
        for (String key : filter.substring(1, filter.length() - 1).split(",")) {
            projected.set(key, reply.get(key));
        }
        return projected;
    }

    static void compare(JsonNode shown, JsonNode real, String path, List<String> differences) {
        if (shown.isObject()) {
            if (real == null || !real.isObject()) {
                differences.add(path + ": shown an object, is " + (real == null ? "missing" : real));
                return;
            }
            Set<String> shownKeys = new LinkedHashSet<>(shown.propertyNames());
            boolean open = shownKeys.remove("...");
            Set<String> realKeys = new LinkedHashSet<>(real.propertyNames());
            Set<String> missing = new LinkedHashSet<>(shownKeys);
            missing.removeAll(realKeys);
            Set<String> unshown = new LinkedHashSet<>(realKeys);
            unshown.removeAll(shownKeys);
            if (!missing.isEmpty()) {
                differences.add(path + ": shown but not in the reply: " + missing);
            }
            if (!open && !unshown.isEmpty()) {
                differences.add(path + ": in the reply but not shown: " + unshown);
            }
            for (String key : shownKeys) {
                if (realKeys.contains(key)) {
                    compare(shown.get(key), real.get(key), path + "." + key, differences);
                }
            }
        } else if (shown.isArray()) {
            if (real == null || !real.isArray()) {
                differences.add(path + ": shown an array, is " + (real == null ? "missing" : real));
                return;
            }
            JsonNode first = shown.isEmpty() ? null : shown.get(0);
            if (first != null && first.isValueNode() && !SHORTENED.equals(first.asString(""))) {
                return; // a list of values (examples, ids): values are not compared, nor how many there are
            }
            boolean shortened = !shown.isEmpty() && SHORTENED.equals(shown.get(shown.size() - 1).asString(""));
            int shownElements = shortened ? shown.size() - 1 : shown.size();
            if (shortened ? real.size() < shownElements : real.size() != shownElements) {
                differences.add(path + ": shown " + shownElements + " element(s)" + (shortened ? " and more" : "")
                        + ", the reply has " + real.size());
                return;
            }
            // Each shown element against the reply's element at its place: the same fields.
            for (int i = 0; i < shownElements; i++) {
                compare(shown.get(i), real.get(i), path + "[" + i + "]", differences);
            }
        }
    }

    /** The part of curl that the README uses. */
    private record Curl(String method, String url, Map<String, String> headers, String body, String user,
                        String writeOut, boolean download) {

        static Curl parse(List<String> words) {
            assertThat(words.get(0)).isEqualTo("curl");
            String method = null;
            String url = null;
            var headers = new HashMap<String, String>();
            String body = null;
            String user = null;
            String writeOut = null;
            boolean download = false;
            for (int i = 1; i < words.size(); i++) {
                String word = words.get(i);
                switch (word) {
                    case "-s" -> { }
                    case "-OJ" -> download = true;
                    case "-o" -> assertThat(words.get(++i)).isEqualTo("/dev/null");
                    case "-w" -> writeOut = words.get(++i);
                    case "-X" -> method = words.get(++i);
                    case "-u" -> user = words.get(++i);
                    case "-d" -> body = words.get(++i);
                    case "-H" -> {
                        String[] header = words.get(++i).split(":\\s*", 2);
                        headers.put(header[0], header[1]);
                    }
                    default -> {
                        assertThat(word).as("a curl option the README test knows").startsWith("localhost:8080/");
                        url = word;
                    }
                }
            }
            assertThat(url).as("the URL").isNotNull();
            return new Curl(method != null ? method : body != null ? "POST" : "GET", url, headers, body, user,
                    writeOut, download);
        }

        HttpRequest.Builder toHttp(ApiClient api) {
            var request = api.request(url.substring("localhost:8080".length()))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null && !headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/x-www-form-urlencoded");
            }
            headers.forEach(request::header);
            if (user != null) {
                request.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
            }
            return request;
        }
    }
}
