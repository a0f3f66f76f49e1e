package dev.parley.knowledge;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The validated, immutable set of intents the bot answers from. Build one with {@link IntentLoader}.
 */
public final class KnowledgeBase {

    private final List<Intent> intents;
    private final Map<String, Intent> intentsById;

    /** @throws IllegalStateException if two intents share an id */
    public KnowledgeBase(Collection<Intent> intents) {
        this.intents = intents.stream().sorted(Comparator.comparing(Intent::id)).toList();
        this.intentsById = this.intents.stream().collect(Collectors.toUnmodifiableMap(Intent::id, Function.identity()));
    }

    /** Every intent, small talk included, ordered by id. */
    public List<Intent> intents() {
        return intents;
    }

    /** The FAQ content: every intent but small talk, ordered by id. */
    public List<Intent> contentIntents() {
        return intents.stream().filter(intent -> !intent.isSmallTalk()).toList();
    }

    public Optional<Intent> find(String id) {
        return Optional.ofNullable(intentsById.get(id));
    }

    public int size() {
        return intents.size();
    }
}
