package dev.parley.evaluation;

import java.util.List;

/**
 * Answer quality over a labelled question set; rates are fractions in 0..1.
 *
 * @param count             questions evaluated
 * @param inScopeCount      questions labelled with an intent
 * @param outOfScopeCount   questions labelled {@code oos}
 * @param inScopeAccuracy   in-scope questions answered with the right intent
 * @param oosRecall         out-of-scope questions the bot fell back on
 * @param oosPrecision      fallbacks that were on out-of-scope questions (1 when it never fell back)
 * @param falseFallbackRate in-scope questions the bot fell back on
 * @param macroF1           F1 averaged over every label of the set, {@code oos} included
 * @param calibrationError  expected calibration error of the top label's confidence (0 is perfectly calibrated)
 * @param worstConfusions   the most frequent (expected, given) mistakes, most frequent first
 */
public record EvaluationReport(int count, int inScopeCount, int outOfScopeCount, double inScopeAccuracy,
                               double oosRecall, double oosPrecision, double falseFallbackRate, double macroF1,
                               double calibrationError, List<Confusion> worstConfusions) {

    /**
     * A mistake and how often it happened.
     *
     * @param expected the label the question had
     * @param given    the intent the bot answered with, or {@code oos} for a fallback
     * @param count    how many questions
     * @param example  one of those questions
     */
    public record Confusion(String expected, String given, int count, String example) {
    }
}
