package dev.parley.knowledge;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.parley.knowledge.bot.Bot;

/**
 * The validated, immutable set of intents the bot answers from, the questions near them it must not answer, and the
 * bot's own words. Build one with {@link IntentLoader}.
 */
public final class KnowledgeBase {

    private final List<Intent> intents;
    private final Map<String, Intent> intentsById;
    private final List<String> outOfScopeExamples;
    private final Map<String, SourceDocument> documentsByName;
    private final Bot bot;

    /**
     * @param outOfScopeExamples questions close to this knowledge base that it does not answer
     *                           ({@value IntentLoader#OUT_OF_SCOPE_FILE})
     * @param documents the seed documents' titles and links, by file name; one left out is
     *                  {@linkplain SourceDocument#untitled(String) titled after its file name}
     * @throws IllegalStateException if two intents share an id
     */
    public KnowledgeBase(Collection<Intent> intents, List<String> outOfScopeExamples,
                         Map<String, SourceDocument> documents) {
        this(intents, outOfScopeExamples, documents, Bot.neutral());
    }

    /**
     * @param bot the bot's own words and language ({@code intents/_bot.yaml}, completed by the loader)
     * @see #KnowledgeBase(Collection, List, Map)
     */
    public KnowledgeBase(Collection<Intent> intents, List<String> outOfScopeExamples,
                         Map<String, SourceDocument> documents, Bot bot) {
        this.bot = Objects.requireNonNull(bot, "bot must not be null");
        this.intents = intents.stream().sorted(Comparator.comparing(Intent::id)).toList();
        this.intentsById = this.intents.stream().collect(Collectors.toUnmodifiableMap(Intent::id, Function.identity()));
        this.outOfScopeExamples = List.copyOf(outOfScopeExamples);
        this.documentsByName = Map.copyOf(documents);
    }

    /** The bot's own words (every text that is not an answer), its language, topics and contact. */
    public Bot bot() {
        return bot;
    }

    /** How the seed document an intent's source names is shown to visitors: its title, and its link if any. */
    public SourceDocument document(String name) {
        SourceDocument document = documentsByName.get(name);
        return document != null ? document : SourceDocument.untitled(name);
    }

    /**
     * Questions that name what this knowledge base is about but ask what its documents do not hold ("when was the
     * ICC founded?"): the classifier learns them as out of scope, beside the generic questions bundled with Parley.
     */
    public List<String> outOfScopeExamples() {
        return outOfScopeExamples;
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

    /**
     * The intents with fewer phrasings than {@link Intent#RECOMMENDED_PHRASINGS}, small talk included, fewest first:
     * what an owner should add examples to first.
     */
    public List<Intent> sparselyPhrased() {
        return intents().stream().filter(intent -> intent.phrasings() < Intent.RECOMMENDED_PHRASINGS)
                .sorted(Comparator.comparingInt(Intent::phrasings).thenComparing(Intent::id)).toList();
    }

    public int size() {
        return intents.size();
    }
}
