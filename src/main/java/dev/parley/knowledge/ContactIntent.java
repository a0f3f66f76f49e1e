package dev.parley.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.parley.knowledge.bot.Bot;
import dev.parley.text.Phrasing;

/**
 * "Can I talk to a person?": the generic intent, bundled with Parley ({@value #RESOURCE}, one phrasing a line, the
 * first its question), that a knowledge base with a contact but no intent of its own tagged {@value Intent#CONTACT}
 * is given. It is an ordinary intent, trained like the others; its answer is the bot's contact text, and the reply
 * carries the contact.
 */
final class ContactIntent {

    /** Its id; an owner's intent file of this name takes its place. */
    static final String ID = "talk-to-a-person";

    private static final String RESOURCE = "talk-to-a-person.txt";
    private static final List<String> PHRASINGS = read();

    private ContactIntent() {
    }

    /**
     * The bundled intent, when {@code bot} has a contact and {@code intents} hold none tagged {@value Intent#CONTACT}
     * nor one of its id. A phrasing that stands under an owner's intent or among the out-of-scope questions is left
     * out: the owner's files decide what it means.
     */
    static Optional<Intent> forKnowledge(Bot bot, List<Intent> intents, List<String> outOfScope) {
        if (bot.contact().isEmpty()
                || intents.stream().anyMatch(intent -> intent.tags().contains(Intent.CONTACT) || intent.id().equals(ID))) {
            return Optional.empty();
        }
        Set<String> taken = new HashSet<>();
        for (Intent intent : intents) {
            taken.add(Phrasing.comparable(intent.question()));
            intent.examples().forEach(example -> taken.add(Phrasing.comparable(example)));
        }
        outOfScope.forEach(question -> taken.add(Phrasing.comparable(question)));
        List<String> free = PHRASINGS.stream().filter(phrasing -> !taken.contains(Phrasing.comparable(phrasing)))
                .toList();
        if (free.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Intent(ID, free.get(0), free.subList(1, free.size()), bot.texts().contact(),
                Optional.empty(), List.of(), List.of(Intent.CONTACT, Intent.SMALL_TALK)));
    }

    /** The bundled phrasings, the question first. */
    static List<String> phrasings() {
        return PHRASINGS;
    }

    private static List<String> read() {
        try (InputStream in = ContactIntent.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
        }
    }
}
