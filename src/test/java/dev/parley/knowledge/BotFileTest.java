package dev.parley.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.knowledge.bot.Bot;
import dev.parley.knowledge.bot.BotLanguage;
import dev.parley.knowledge.bot.Contact;
import dev.parley.testing.KnowledgeFixture;

/** The bot file ({@code intents/_bot.yaml}): read as the bot's settings, not as an intent, and as strictly. */
class BotFileTest {

    private static final String SHIPPING = "shipping.txt";

    @TempDir
    Path root;
    Path intents;
    Path seeds;

    @BeforeEach
    void aSmallShopKnowledgeBase() throws IOException {
        intents = Files.createDirectories(root.resolve("intents"));
        seeds = Files.createDirectories(root.resolve("seeds"));
        Files.writeString(seeds.resolve(SHIPPING), "Orders ship within two working days. Returns are free for 30 days.");
        write("shipping-time", intent("How long does shipping take?", "shipping time",
                "Orders ship within two working days."));
        write("returns", intent("Can I return an order?", "return policy", "Returns are free for 30 days."));
    }

    @Test
    void isReadAsTheBotsSettingsAndNotAsAnIntent() throws IOException {
        write("_bot", """
                name: Shopbot
                language: en
                topics: [shipping, returns]
                texts:
                  welcome: "Hi, {name} here. Ask me about {topics}."
                contact:
                  label: Write to our team
                  url: mailto:help@example.org
                widget:
                  placeholder: Type here…
                """);

        KnowledgeBase knowledge = load();
        Bot bot = knowledge.bot();

        assertThat(knowledge.intents()).extracting(Intent::id).doesNotContain("_bot");
        assertThat(bot.name()).isEqualTo("Shopbot");
        assertThat(bot.texts().welcome()).isEqualTo("Hi, Shopbot here. Ask me about shipping and returns.");
        assertThat(bot.texts().fallback()).as("the language's default, with the topics")
                .isEqualTo("I don't know that one yet. I can answer questions about shipping and returns. Perhaps"
                        + " one of these helps:");
        assertThat(bot.contact()).contains(new Contact("Write to our team", "mailto:help@example.org"));
        assertThat(bot.widgetStrings()).containsEntry("placeholder", "Type here…").containsEntry("send", "Send")
                .containsEntry("typing", "Shopbot is typing");
    }

    @Test
    void theYmlSpellingIsReadToo() throws IOException {
        Files.writeString(intents.resolve("_bot.yml"), "name: Shopbot\n");

        assertThat(load().bot().name()).isEqualTo("Shopbot");
    }

    @Test
    void withoutABotFileTheTextsNameTheTitlesOfTheDocumentsTheIntentsQuote() throws IOException {
        Files.writeString(seeds.resolve("_documents.yaml"), SHIPPING + ":\n  title: The shipping and returns guide\n");

        Bot bot = load().bot();

        assertThat(bot.topics()).containsExactly("the shipping and returns guide");
        assertThat(bot.texts().welcome()).isEqualTo("Hello! I'm Parley. Ask me about the shipping and returns guide.");
        assertThat(bot.texts().fallback()).isEqualTo("I don't know that one yet. I can answer questions about the"
                + " shipping and returns guide. Perhaps one of these helps:");
        assertThat(List.of(bot.texts().welcome(), bot.texts().fallback(), bot.texts().clarification(),
                bot.texts().topicExhausted())).as("nothing of the seed knowledge base's domain")
                .noneMatch(text -> text.matches("(?is).*(human rights|migration|international|\\bICC\\b|\\bUN\\b).*"));
        assertThat(bot.language()).isEqualTo("en");
    }

    @Test
    void withNothingToNameTheTextsNameNoTopics() {
        Bot bot = load().bot();

        assertThat(bot.topics()).isEmpty();
        assertThat(bot.texts().welcome()).isEqualTo("Hello! I'm Parley. Ask me a question.");
        assertThat(bot.texts().fallback()).isEqualTo("I don't know that one yet. Perhaps one of these helps:");
    }

    @Test
    void aRegionalLanguageGetsItsLanguagesWordsAndTopicsAreJoinedInIt() throws IOException {
        write("_bot", "language: fr-CA\ntopics: [la livraison, les retours, le paiement]\n");

        Bot bot = load().bot();

        assertThat(bot.language()).isEqualTo("fr-CA");
        assertThat(bot.texts().welcome())
                .isEqualTo("Bonjour ! Je suis Parley. Posez-moi vos questions sur la livraison, les retours et le paiement.");
        assertThat(bot.widgetStrings()).containsEntry("send", "Envoyer");
        assertThat(bot.direction()).isEqualTo("ltr");
    }

    @Test
    void anUnshippedLanguageKeepsItsTagGetsEnglishWordsAndItsOwnStrings() throws IOException {
        write("_bot", """
                language: ar
                widget:
                  placeholder: اطرح سؤالاً…
                  send: إرسال
                """);

        Bot bot = load().bot();

        assertThat(bot.language()).isEqualTo("ar");
        assertThat(bot.direction()).isEqualTo("rtl");
        assertThat(bot.widgetStrings()).containsEntry("placeholder", "اطرح سؤالاً…").containsEntry("send", "إرسال")
                .containsEntry("close", "Close chat");
    }

    @Test
    void rightToLeftIsToldByScriptOrLanguage() {
        assertThat(List.of("ar", "he", "fa", "ur", "ar-EG", "az-Arab", "yi", "ckb")).allMatch(BotLanguage::isRightToLeft);
        assertThat(List.of("en", "fr-CA", "az", "az-Latn", "ku", "zh-Hant")).noneMatch(BotLanguage::isRightToLeft);
    }

    @Nested
    class AContact {

        @Test
        void addsTheBundledTalkToAPersonIntentAnsweredWithTheContactText() throws IOException {
            write("_bot", "contact: {label: Write to us, url: 'https://www.example.org/contact'}\n");

            Intent person = load().find(ContactIntent.ID).orElseThrow();

            assertThat(person.tags()).contains(Intent.CONTACT, Intent.SMALL_TALK);
            assertThat(person.answer()).isEqualTo("You can reach a person here:");
            assertThat(person.examples()).hasSizeGreaterThanOrEqualTo(30)
                    .contains("connect me to an agent", "customer care number", "is there a human", "call centre");
        }

        @Test
        void withoutOneThereIsNoSuchIntent() {
            assertThat(load().find(ContactIntent.ID)).isEmpty();
        }

        @Test
        void anOwnersIntentTaggedContactTakesItsPlace() throws IOException {
            write("_bot", "contact: {label: Write to us, url: 'mailto:help@example.org'}\n");
            write("reach-us", intent("How can I reach you?", "reach us", "Returns are free for 30 days.")
                    .replace("tags: []", "tags: [contact]"));

            KnowledgeBase knowledge = load();

            assertThat(knowledge.find(ContactIntent.ID)).isEmpty();
            assertThat(knowledge.find("reach-us").orElseThrow().tags()).contains(Intent.CONTACT);
        }

        @Test
        void leavesOutAPhrasingThatAnOwnersIntentHolds() throws IOException {
            write("_bot", "contact: {label: Write to us, url: 'mailto:help@example.org'}\n");
            write("call-us", intent("What is your customer care number?", "phone", "Orders ship within two working days.")
                    .replace("  - phone 1\n", "  - customer care number\n"));

            Intent person = load().find(ContactIntent.ID).orElseThrow();

            assertThat(person.examples()).doesNotContain("customer care number");
        }
    }

    @Nested
    class IsRefused {

        @Test
        void withAnUnknownKeyNamingTheFileAndTheKey() throws IOException {
            write("_bot", "name: Shopbot\ngreeting: Hi\ntexts:\n  welcom: Hi\n");

            assertThatThrownBy(BotFileTest.this::load).isInstanceOf(InvalidKnowledgeException.class)
                    .hasMessageContaining("_bot.yaml: 'greeting' is not a known key (known keys: contact, language,"
                            + " name, texts, topics, widget)")
                    .hasMessageContaining("_bot.yaml: 'texts.welcom' is not a known key (known keys: clarification,"
                            + " contact, fallback, rate-limited, topic-exhausted, unavailable, welcome)");
        }

        @Test
        void withAContactThatIsNoWebOrMailLink() throws IOException {
            write("_bot", "contact: {label: Us, url: 'javascript:alert(1)'}\n");

            assertThatThrownBy(BotFileTest.this::load)
                    .hasMessageContaining("'contact.url' must be an http, https or mailto URL");
        }

        @Test
        void withAContactWithoutALabel() throws IOException {
            write("_bot", "contact: {url: 'mailto:help@example.org'}\n");

            assertThatThrownBy(BotFileTest.this::load).hasMessageContaining("'contact.label' is missing");
        }

        @Test
        void withALanguageThatIsNoTag() throws IOException {
            write("_bot", "language: english please\n");

            assertThatThrownBy(BotFileTest.this::load)
                    .hasMessageContaining("'language' is not a BCP 47 language tag");
        }

        @Test
        void withAnUnknownPlaceholder() throws IOException {
            write("_bot", "texts:\n  welcome: Hi, I am {nmae}.\n");

            assertThatThrownBy(BotFileTest.this::load)
                    .hasMessageContaining("'texts.welcome' uses {nmae}, which it cannot hold");
        }

        @Test
        void withTopicsNamedWhereThereAreNone() throws IOException {
            write("_bot", "texts:\n  welcome: Ask me about {topics}.\n");

            assertThatThrownBy(BotFileTest.this::load).hasMessageContaining(
                    "'texts.welcome' uses {topics}, but there are no topics to name: give the bot file 'topics'");
        }

        @Test
        void withATextTooLong() throws IOException {
            write("_bot", "texts:\n  fallback: " + "x".repeat(1_001) + "\n");

            assertThatThrownBy(BotFileTest.this::load)
                    .hasMessageContaining("'texts.fallback' is 1001 characters long, more than the 1000 allowed");
        }

        @Test
        void withAWidgetStringNoWidgetHas() throws IOException {
            write("_bot", "widget:\n  sned: Go\n");

            assertThatThrownBy(BotFileTest.this::load).hasMessageContaining("'widget.sned' is not a known key");
        }

        @Test
        void whenLargerThanAnIntentFileMayBe() throws IOException {
            write("_bot", "name: " + "x".repeat(2_000) + "\n");

            assertThatThrownBy(() -> new IntentLoader(SeedDocuments.readFrom(seeds), 12, new IntentFileLimits(1_000))
                    .load(intents)).hasMessageContaining("_bot.yaml: is 2007 bytes, more than the 1000");
        }
    }

    @Test
    void theSeedKnowledgeBaseSaysTodaysWords() {
        Bot bot = KnowledgeFixture.projectSettings().load().bot();

        assertThat(bot.texts().welcome()).isEqualTo("Hello! I'm Parley. Ask me how international organizations"
                + " enforce human rights or address migration.");
        assertThat(bot.texts().fallback()).isEqualTo("I don't know that one yet. I can answer questions about how"
                + " international organizations enforce human rights and how they address migration. Perhaps one of"
                + " these helps:");
        assertThat(bot.texts().clarification()).isEqualTo("I'm not sure which of these you mean. Did you mean…");
        assertThat(bot.contact()).isEmpty();
    }

    private KnowledgeBase load() {
        return new IntentLoader(SeedDocuments.readFrom(seeds), 12, new IntentFileLimits(1024 * 1024)).load(intents);
    }

    private void write(String id, String yaml) throws IOException {
        Files.writeString(intents.resolve(id + ".yaml"), yaml);
    }

    /** An intent with 12 examples, its answer quoted from the shop's document as its source. */
    private static String intent(String question, String stem, String answer) {
        return "question: " + question + "\n"
                + "examples:\n" + IntStream.rangeClosed(1, 12).mapToObj(i -> "  - " + stem + " " + i + "\n")
                        .reduce("", String::concat)
                + "answer: " + answer + "\n"
                + "source:\n  document: " + SHIPPING + "\n  excerpt: \"" + answer + "\"\n"
                + "tags: []\n";
    }
}
