package dev.parley.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generic questions no FAQ bot of ours should answer (weather, sport, recipes, other organisations, chit-chat,
 * gibberish), bundled with the application and learnt as a class of their own. They teach the classifier what
 * "none of the above" looks like, so everyday questions that share a few words with an intent, such as "how many
 * players are on a team", fall back instead of borrowing the nearest intent.
 */
public final class OutOfScopeExamples {

    private static final String RESOURCE = "out-of-scope.txt";

    private OutOfScopeExamples() {
    }

    /**
     * How many bundled questions an intent's average phrasing count buys: the out-of-scope class stays at most this
     * many times an average intent. With a dozen phrasings an intent, all the bundled questions are learnt; with one
     * (a knowledge base of questions and answers only), 393 of them would outweigh every intent and refuse a third of
     * what it could answer, where 25 refuse about a fifth (seed knowledge base, its tuning set; docs/quality.md).
     */
    static final int PER_AVERAGE_PHRASING = 25;

    /**
     * The bundled questions to learn beside these intent examples: all of them, or, for intents with few phrasings,
     * an evenly spread share ({@link #PER_AVERAGE_PHRASING}), so the class of "none of the above" does not drown
     * them.
     */
    public static List<TrainingExample> bundledFor(List<TrainingExample> intentExamples) {
        List<TrainingExample> bundled = notAnsweredBy(intentExamples);
        long intents = intentExamples.stream().map(TrainingExample::intent).distinct().count();
        if (intents == 0) {
            return bundled;
        }
        // phrasings only: answer sentences say what an intent is about, not how often it is asked
        long phrasings = intentExamples.stream().filter(TrainingExample::isPhrasing).count();
        long averagePhrasings = (phrasings + intents - 1) / intents;
        int keep = (int) Math.min(bundled.size(), PER_AVERAGE_PHRASING * averagePhrasings);
        var spread = new ArrayList<TrainingExample>(keep);
        for (int i = 0; i < keep; i++) {
            spread.add(bundled.get((int) ((long) i * bundled.size() / keep)));
        }
        return List.copyOf(spread);
    }

    /**
     * The bundled questions less those the knowledge base itself asks: one whose every content word (its stems,
     * {@link ContentStems}) stands in one of the intents' examples, an answer's sentences included. A weather
     * service's "what is the weather tomorrow" must not teach its own bot that the weather is out of scope; a cooking
     * site's "how do I make pancakes" neither.
     */
    static List<TrainingExample> notAnsweredBy(List<TrainingExample> intentExamples) {
        var stems = new ContentStems();
        Map<String, Set<Integer>> phrasingsByStem = new HashMap<>();
        for (int i = 0; i < intentExamples.size(); i++) {
            for (String stem : stems.of(intentExamples.get(i).text())) {
                phrasingsByStem.computeIfAbsent(stem, key -> new HashSet<>()).add(i);
            }
        }
        var kept = new ArrayList<TrainingExample>();
        for (TrainingExample question : bundled()) {
            List<String> own = stems.of(question.text());
            Set<Integer> holding = null;
            for (String stem : own) {
                Set<Integer> with = phrasingsByStem.getOrDefault(stem, Set.of());
                if (holding == null) {
                    holding = new HashSet<>(with);
                } else {
                    holding.retainAll(with);
                }
                if (holding.isEmpty()) {
                    break;
                }
            }
            if (own.isEmpty() || holding.isEmpty()) {
                kept.add(question);
            }
        }
        return kept;
    }

    // read once: every training asks for them several times (the share learnt, the filter, the own-file check)
    private static final List<TrainingExample> BUNDLED = read();

    /** The bundled questions, labelled {@link Prediction#OUT_OF_SCOPE}. */
    public static List<TrainingExample> bundled() {
        return BUNDLED;
    }

    private static List<TrainingExample> read() {
        try (InputStream in = OutOfScopeExamples.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> new TrainingExample(Prediction.OUT_OF_SCOPE, line.strip()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
        }
    }
}
