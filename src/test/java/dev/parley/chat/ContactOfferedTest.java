package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import dev.parley.testing.ApiClient;
import dev.parley.testing.KnowledgeFixture;
import tools.jackson.databind.JsonNode;

/**
 * A knowledge base whose bot file gives a contact: a visitor who asks for a person gets it, over REST and in the chat,
 * and so does every fallback. The fixture's intents have no intent of their own tagged {@code contact}, so the
 * bundled one answers. (Without a contact neither appears: {@code dev.parley.api.AskApiTest},
 * {@code ChatProtocolTest}.) maxent is served: it starts fastest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.nlu.classifier=maxent")
class ContactOfferedTest {

    private static final String BOT_FILE = """
            name: Courtbot
            topics: [international courts]
            contact:
              label: Write to our team
              url: mailto:help@example.org
            """;

    static Path intents;

    @DynamicPropertySource
    static void fixtureWithAContact(DynamicPropertyRegistry registry) throws IOException {
        intents = Files.createTempDirectory("parley-contact-");
        KnowledgeFixture.serveCopyIn(intents, registry);
        Files.writeString(intents.resolve("_bot.yaml"), BOT_FILE);
    }

    @AfterAll
    static void removeCopy() {
        FileSystemUtils.deleteRecursively(intents.toFile());
    }

    @LocalServerPort
    int port;

    @Test
    void askingForAPersonOverRestGetsTheContact() {
        JsonNode reply = ApiClient.anonymous(port).replyTo("can I speak to a human?");

        assertThat(reply.get("intent").asString()).isEqualTo("talk-to-a-person");
        assertThat(reply.get("answer").asString()).isEqualTo("You can reach a person here:");
        assertContact(reply);
    }

    @Test
    void aFallbackOverRestCarriesTheContact() {
        JsonNode reply = ApiClient.anonymous(port).replyTo("what is the weather in Paris tomorrow?");

        assertThat(reply.get("fallback").asBoolean()).isTrue();
        assertThat(reply.get("answer").asString()).isEqualTo("I don't know that one yet. I can answer questions"
                + " about international courts. Perhaps one of these helps:");
        assertContact(reply);
    }

    @Test
    void anAnswerThatIsNoRequestForAPersonCarriesNoContact() {
        JsonNode reply = ApiClient.anonymous(port).replyTo("who can refer cases to the ICC?");

        assertThat(reply.get("intent").asString()).isEqualTo("icc-referral");
        assertThat(reply.get("contact").isNull()).isTrue();
    }

    @Test
    void inTheChatAskingForAPersonAndAFallbackGetTheContact() {
        try (var chat = ChatClient.connect(port, "")) {
            JsonNode welcome = chat.next("welcome");
            assertThat(welcome.get("text").asString()).isEqualTo("Hello! I'm Courtbot. Ask me about international"
                    + " courts.");
            assertThat(welcome.get("name").asString()).isEqualTo("Courtbot");

            chat.ask("c1", "connect me to an agent please");
            JsonNode person = chat.next("answer");
            assertThat(person.get("intent").asString()).isEqualTo("talk-to-a-person");
            assertContact(person);

            chat.ask("c2", "how do I bake sourdough bread?");
            JsonNode fallback = chat.next("answer");
            assertThat(fallback.get("fallback").asBoolean()).isTrue();
            assertContact(fallback);
        }
    }

    @Test
    void theBundledIntentIsNoFaqEntry() {
        ApiClient api = ApiClient.anonymous(port);

        assertThat(api.get("/api/v1/intents").body()).doesNotContain("talk-to-a-person");
    }

    /** The bundled intent has no file: a proposal for it is refused with what to do, and nothing is written. */
    @Test
    void aProposalForTheBundledIntentIsRefusedWithWhatToDo() {
        ApiClient.Response refused = ApiClient.asAdmin(port).post("/api/v1/admin/proposals",
                "{\"intent\":\"talk-to-a-person\",\"examples\":[\"i want a human now\"]}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("write intents/talk-to-a-person.yaml, tagged"
                + " contact");
        assertThat(intents.resolve("talk-to-a-person.yaml")).doesNotExist();
    }

    private static void assertContact(JsonNode reply) {
        assertThat(reply.get("contact").get("label").asString()).isEqualTo("Write to our team");
        assertThat(reply.get("contact").get("url").asString()).isEqualTo("mailto:help@example.org");
    }
}
