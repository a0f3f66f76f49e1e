package dev.parley.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.nlu.ContentStems;

/**
 * Puts paraphrases of one question together: greedy average-linkage clustering over a question's content stems and
 * the character 4-grams of those stems (which carry typos part of the way: "wether" shares "ther" and "her>" with
 * "weather", so "wether in paris" still scores 0.57 against "what is the weather in Paris?").
 * Two questions' similarity is the cosine of their feature sets, |A∩B| / √(|A|·|B|), so 1 for the same content
 * words whatever the framing ("what is X" vs "tell me about X") and 0 for nothing in common.
 *
 * <p>Distinct normalised questions are placed most frequent first; each joins the group whose members it is most
 * similar to on average, if that average reaches the threshold, and starts a new group otherwise. Average rather than
 * single linkage keeps chains apart: "weather in Paris" and "hotels in Paris" do not merge through a third question
 * that shares a word with each. The threshold was measured on realistic paraphrases and near misses (see
 * QuestionGroupingTest): paraphrases score 0.44 to 1, different questions on a shared subject at most 0.34.
 */
final class QuestionGrouping {

    private static final int NGRAM = 4;

    private final ContentStems stems = new ContentStems();
    private final double threshold;

    QuestionGrouping(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the grouping similarity must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    /** The questions in groups, largest group first (ties: most recently asked first); members keep their order. */
    List<List<UnansweredQuestion>> group(List<UnansweredQuestion> questions) {
        Map<String, List<UnansweredQuestion>> byText = new LinkedHashMap<>();
        for (UnansweredQuestion question : questions) {
            byText.computeIfAbsent(key(question), k -> new ArrayList<>()).add(question);
        }
        List<Map.Entry<String, List<UnansweredQuestion>>> distinct = new ArrayList<>(byText.entrySet());
        distinct.sort(Comparator.comparingInt((Map.Entry<String, List<UnansweredQuestion>> e) -> e.getValue().size())
                .reversed().thenComparing(e -> latest(e.getValue()), Comparator.reverseOrder()));

        // Average linkage in one pass per question: the mean cosine to a group's members equals the dot product
        // with the sum of their unit vectors, divided by the question's norm and the member count. An index from
        // feature to the groups holding it adds those sums up touching only groups that share a feature.
        List<Cluster> clusters = new ArrayList<>();
        Map<String, Map<Cluster, Double>> index = new HashMap<>();
        for (var entry : distinct) {
            Set<String> features = features(entry.getKey());
            Map<Cluster, Double> dot = new HashMap<>();
            for (String feature : features) {
                index.getOrDefault(feature, Map.of()).forEach((cluster, weight) -> dot.merge(cluster, weight,
                        Double::sum));
            }
            Cluster best = null;
            double bestSimilarity = 0;
            for (Cluster cluster : clusters) {
                double shared = dot.getOrDefault(cluster, 0.0);
                double similarity = shared == 0 ? 0 : shared / (Math.sqrt(features.size()) * cluster.size);
                if (similarity > bestSimilarity) {
                    best = cluster;
                    bestSimilarity = similarity;
                }
            }
            Cluster joined = best != null && bestSimilarity >= threshold ? best : new Cluster();
            if (joined != best) {
                clusters.add(joined);
            }
            joined.size++;
            joined.questions.addAll(entry.getValue());
            double unit = 1 / Math.sqrt(features.size());
            for (String feature : features) {
                index.computeIfAbsent(feature, f -> new HashMap<>()).merge(joined, unit, Double::sum);
            }
        }
        return clusters.stream()
                .map(cluster -> cluster.questions.stream()
                        .sorted(Comparator.comparing(UnansweredQuestion::askedAt).reversed()).toList())
                .sorted(Comparator.comparingInt((List<UnansweredQuestion> g) -> g.size()).reversed()
                        .thenComparing(QuestionGrouping::latest, Comparator.reverseOrder()))
                .toList();
    }

    /** How alike two questions are, 0 to 1, as the grouping measures it. */
    double similarity(String first, String second) {
        return similarity(features(first), features(second));
    }

    private static String key(UnansweredQuestion question) {
        return question.normalizedQuestion() != null ? question.normalizedQuestion() : question.question();
    }

    private static java.time.Instant latest(List<UnansweredQuestion> questions) {
        return questions.stream().map(UnansweredQuestion::askedAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    private Set<String> features(String text) {
        Set<String> features = new HashSet<>();
        for (String stem : stems.of(text)) {
            features.add("w=" + stem);
            String bounded = "<" + stem + ">";
            for (int start = 0; start + NGRAM <= bounded.length(); start++) {
                features.add("c=" + bounded.substring(start, start + NGRAM));
            }
        }
        return features;
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        long shared = smaller.stream().filter(larger::contains).count();
        return shared / Math.sqrt((double) a.size() * b.size());
    }

    /** A group being built: how many distinct questions it has, and every question in it. */
    private static final class Cluster {
        private int size;
        private final List<UnansweredQuestion> questions = new ArrayList<>();
    }
}
