package dev.parley.nlu.training;

import dev.parley.nlu.Prediction;

/**
 * How the bot handled one labelled question.
 *
 * @param question   the question and its expected label
 * @param prediction the classifier's ranking
 * @param fallback   whether the fallback policy declined to answer
 */
public record Outcome(LabelledQuestion question, Prediction prediction, boolean fallback) {

    /** The label the bot effectively gave: the top intent, or "oos" when it fell back. */
    public String given() {
        return fallback ? LabelledQuestion.OUT_OF_SCOPE : prediction.top().intent();
    }

    public boolean correct() {
        return given().equals(question.label());
    }
}
