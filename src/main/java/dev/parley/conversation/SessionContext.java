package dev.parley.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;

/**
 * What a session has talked about lately (within the context timeout), read back from the exchange log.
 *
 * @param topic    the content intent answered last, if any: short follow-ups and "tell me more" resolve against it
 * @param answered every intent answered in the window, so that "tell me more" does not repeat itself and no
 *                 suggestion offers an answer the visitor was just given. The window is the context's own: the
 *                 last {@code parley.conversation.context-timeout} (10 minutes) and at most the last 20 exchanges,
 *                 the stretch in which the conversation is taken as going on and its answers are still on the
 *                 visitor's screen; an answer older than that may be offered again, as a reminder
 */
public record SessionContext(Optional<Intent> topic, Set<String> answered) {

    /** No history: a new session, or one whose context could not be read. */
    public static final SessionContext NONE = new SessionContext(Optional.empty(), Set.of());

    /** @param recentTurns the session's exchanges, newest first */
    static SessionContext of(List<Exchange> recentTurns, KnowledgeBase knowledge) {
        Optional<Intent> topic = recentTurns.stream()
                .map(Exchange::intent)
                .filter(Objects::nonNull)
                .map(knowledge::find)
                .flatMap(Optional::stream)
                .filter(intent -> !intent.isSmallTalk())
                .findFirst();
        Set<String> answered = recentTurns.stream().map(Exchange::intent).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
        return new SessionContext(topic, answered);
    }
}
