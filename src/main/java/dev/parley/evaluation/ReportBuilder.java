package dev.parley.evaluation;

import dev.parley.nlu.training.Evaluator;
import dev.parley.nlu.training.Outcome;
import dev.parley.nlu.training.TemperatureScaling;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Computes an {@link EvaluationReport} from the outcomes of one evaluation run. */
final class ReportBuilder {

    private static final int CONFUSIONS_SHOWN = 10;

    private ReportBuilder() {
    }

    static EvaluationReport build(List<Outcome> outcomes) {
        List<Outcome> inScope = outcomes.stream().filter(o -> !o.question().outOfScope()).toList();
        List<Outcome> outOfScope = outcomes.stream().filter(o -> o.question().outOfScope()).toList();
        long fallbacks = outcomes.stream().filter(Outcome::fallback).count();
        long caughtOutOfScope = outOfScope.stream().filter(Outcome::fallback).count();
        return new EvaluationReport(outcomes.size(), inScope.size(), outOfScope.size(),
                rate(inScope.stream().filter(Outcome::correct).count(), inScope.size()),
                rate(caughtOutOfScope, outOfScope.size()),
                fallbacks == 0 ? 1.0 : rate(caughtOutOfScope, fallbacks),
                rate(inScope.stream().filter(Outcome::fallback).count(), inScope.size()),
                macroF1(outcomes),
                TemperatureScaling.expectedCalibrationError(outcomes.stream()
                        .map(o -> new Evaluator.Classified(o.question(), o.prediction())).toList()),
                worstConfusions(outcomes));
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    private static double macroF1(List<Outcome> outcomes) {
        Set<String> labels = outcomes.stream().map(o -> o.question().label()).collect(Collectors.toCollection(TreeSet::new));
        return labels.stream().mapToDouble(label -> {
            long truePositives = outcomes.stream().filter(o -> o.correct() && o.given().equals(label)).count();
            long given = outcomes.stream().filter(o -> o.given().equals(label)).count();
            long expected = outcomes.stream().filter(o -> o.question().label().equals(label)).count();
            double precision = rate(truePositives, given);
            double recall = rate(truePositives, expected);
            return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        }).average().orElse(0.0);
    }

    private static List<EvaluationReport.Confusion> worstConfusions(List<Outcome> outcomes) {
        Map<List<String>, List<Outcome>> mistakes = outcomes.stream().filter(o -> !o.correct())
                .collect(Collectors.groupingBy(o -> List.of(o.question().label(), o.given()),
                        LinkedHashMap::new, Collectors.toList()));
        return mistakes.entrySet().stream()
                .map(e -> new EvaluationReport.Confusion(e.getKey().get(0), e.getKey().get(1), e.getValue().size(),
                        e.getValue().get(0).question().text()))
                .sorted(Comparator.comparingInt(EvaluationReport.Confusion::count).reversed()
                        .thenComparing(EvaluationReport.Confusion::expected))
                .limit(CONFUSIONS_SHOWN)
                .toList();
    }
}
