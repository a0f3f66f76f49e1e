package dev.parley.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.parley.conversation.ActiveKnowledge;
import dev.parley.history.HistoryProperties;
import dev.parley.knowledge.Intent;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.Question;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TrainedKnowledge;
import dev.parley.review.ReviewReports.ClosestIntent;
import dev.parley.review.ReviewReports.Daily;
import dev.parley.review.ReviewReports.Day;
import dev.parley.review.ReviewReports.FeedbackEntry;
import dev.parley.review.ReviewReports.IntentRanking;
import dev.parley.review.ReviewReports.IntentStats;
import dev.parley.review.ReviewReports.RecentFeedback;
import dev.parley.review.ReviewReports.Unanswered;
import dev.parley.review.ReviewReports.UnansweredGroup;
import dev.parley.review.ReviewReports.VersionComparison;
import dev.parley.review.ReviewReports.VersionStats;

/** Builds the review reports from the exchange history and the knowledge in service. */
@Service
class ReviewService {

    static final String TRAFFIC = "traffic";
    static final String NEGATIVE = "negative";
    static final String NO_QUESTION_TEXT = "Question text is not stored (parley.history.store-question-text is "
            + "false), so there are no questions to group.";
    private static final int EXAMPLES_PER_GROUP = 5;

    private final ReviewQueries queries;
    private final ActiveKnowledge active;
    private final HistoryProperties history;
    private final ReviewProperties settings;
    private final QuestionGrouping grouping;

    ReviewService(ReviewQueries queries, ActiveKnowledge active, HistoryProperties history,
            ReviewProperties settings) {
        this.queries = queries;
        this.active = active;
        this.history = history;
        this.settings = settings;
        this.grouping = new QuestionGrouping(settings.groupSimilarity());
    }

    Unanswered unanswered(ReviewWindow window) {
        if (!history.storeQuestionText()) {
            return new Unanswered(window, false, NO_QUESTION_TEXT, settings.lowConfidence(), false, List.of());
        }
        // One row more than the limit tells whether the limit cut anything off.
        List<UnansweredQuestion> questions = queries.unanswered(window.since(), settings.lowConfidence(),
                settings.maxQuestions() + 1);
        boolean truncated = questions.size() > settings.maxQuestions();
        if (truncated) {
            questions = questions.subList(0, settings.maxQuestions());
        }
        TrainedKnowledge trained = active.get();
        List<UnansweredGroup> groups = grouping.group(questions).stream()
                .map(group -> summary(group, trained)).toList();
        return new Unanswered(window, true, null, settings.lowConfidence(), truncated, groups);
    }

    VersionComparison versionStats(ReviewWindow window) {
        String inService = active.version().version();
        List<VersionStats> versions = queries.versionStats(window.since(), inService).stream()
                .sorted(Comparator.comparing(VersionStats::lastAskedAt).reversed())
                .toList();
        return new VersionComparison(window, inService, versions);
    }

    IntentRanking intentStats(ReviewWindow window, String sort) {
        var knowledge = active.get().knowledge();
        Comparator<IntentStats> order = NEGATIVE.equals(sort)
                ? Comparator.comparingLong(IntentStats::notHelpful).reversed()
                        .thenComparing(stats -> stats.negativeRate() == null ? 0 : stats.negativeRate(),
                                Comparator.reverseOrder())
                        .thenComparing(Comparator.comparingLong(IntentStats::answered).reversed())
                : Comparator.comparingLong(IntentStats::answered).reversed();
        List<IntentStats> intents = queries.intentStats(window.since()).stream()
                .map(stats -> new IntentStats(stats.intent(),
                        knowledge.find(stats.intent()).map(Intent::question).orElse(null), stats.answered(),
                        stats.helpful(), stats.notHelpful(), stats.negativeRate()))
                .sorted(order.thenComparing(IntentStats::intent))
                .toList();
        return new IntentRanking(window, sort, intents);
    }

    Daily daily(ReviewWindow window) {
        Map<LocalDate, long[]> counted = queries.questionsAndFallbacksPerDay(window.since());
        var days = new ArrayList<Day>(window.days());
        long questions = 0;
        long fallbacks = 0;
        for (LocalDate date = window.first(); !date.isAfter(window.last()); date = date.plusDays(1)) {
            long[] counts = counted.getOrDefault(date, new long[2]);
            days.add(new Day(date, counts[0], counts[1], counts[0] == 0 ? 0 : (double) counts[1] / counts[0]));
            questions += counts[0];
            fallbacks += counts[1];
        }
        return new Daily(window, questions, fallbacks, days);
    }

    RecentFeedback feedback(ReviewWindow window, Boolean helpful, int limit) {
        List<FeedbackEntry> entries = queries.feedback(window.since(), helpful, limit);
        return new RecentFeedback(window, entries);
    }

    private UnansweredGroup summary(List<UnansweredQuestion> group, TrainedKnowledge trained) {
        Map<String, String> examplesByText = new LinkedHashMap<>();
        for (UnansweredQuestion question : group) {
            if (examplesByText.size() == EXAMPLES_PER_GROUP) {
                break;
            }
            String key = question.normalizedQuestion() != null ? question.normalizedQuestion() : question.question();
            examplesByText.putIfAbsent(key, question.question().strip());
        }
        List<String> examples = List.copyOf(examplesByText.values());
        int fallbacks = (int) group.stream().filter(UnansweredQuestion::fallback).count();
        int clarifications = (int) group.stream().filter(q -> !q.fallback() && q.clarification()).count();
        Instant last = group.stream().map(UnansweredQuestion::askedAt).max(Comparator.naturalOrder()).orElseThrow();
        return new UnansweredGroup(group.size(), fallbacks, clarifications, group.size() - fallbacks - clarifications,
                examples, last, closestIntent(examples, trained));
    }

    /**
     * The intent with the highest mean share of the in-scope probability over the examples (the out-of-scope class
     * set aside): the one an owner would most likely add them to.
     */
    private static ClosestIntent closestIntent(List<String> examples, TrainedKnowledge trained) {
        Map<String, Double> total = new HashMap<>();
        for (String example : examples) {
            Prediction prediction = trained.classifier().classify(Question.of(example));
            // Unanswered questions are mostly out of scope, which takes nearly all the probability; what is left is
            // shared among the real intents, and that share says which of them comes closest.
            double inScope = prediction.ranking().stream()
                    .filter(scored -> !Prediction.OUT_OF_SCOPE.equals(scored.intent()))
                    .mapToDouble(ScoredIntent::score).sum();
            for (ScoredIntent scored : prediction.ranking()) {
                if (!Prediction.OUT_OF_SCOPE.equals(scored.intent()) && inScope > 0) {
                    total.merge(scored.intent(), scored.score() / inScope, Double::sum);
                }
            }
        }
        return total.entrySet().stream()
                .filter(entry -> trained.knowledge().find(entry.getKey()).isPresent())
                // Ties go to the alphabetically first id, so the answer does not depend on hash order.
                .max(Map.Entry.<String, Double>comparingByValue()
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(entry -> new ClosestIntent(entry.getKey(),
                        trained.knowledge().find(entry.getKey()).orElseThrow().question(),
                        entry.getValue() / examples.size()))
                .orElse(null);
    }
}
