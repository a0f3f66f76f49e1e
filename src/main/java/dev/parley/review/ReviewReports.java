package dev.parley.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the review endpoints answer: one record per report, each naming the window of days it covers. */
final class ReviewReports {

    private ReviewReports() {
    }

    /**
     * Unanswered questions in groups of paraphrases, largest first.
     *
     * @param questionTextStored false when question text is not kept, and so nothing can be grouped
     * @param reason             why {@code groups} is empty when it cannot be otherwise; null when it could be filled
     * @param lowConfidence      answers below this confidence count as unanswered
     * @param truncated          true when more unanswered questions than {@code parley.review.max-questions} fell in
     *                           the window and only the most recent were grouped
     */
    record Unanswered(ReviewWindow window, boolean questionTextStored, String reason, double lowConfidence,
                      boolean truncated, List<UnansweredGroup> groups) {
    }

    /**
     * Paraphrases of one question the bot did not answer with confidence.
     *
     * @param count          how many times it was asked, in any of its forms
     * @param fallbacks      of those, how many got the "I don't know" reply
     * @param clarifications how many got "Did you mean…?"
     * @param lowConfidence  how many got an answer with low confidence
     * @param examples       up to five different forms, most recent first, as typed
     * @param lastAskedAt    the most recent time
     * @param closestIntent  the intent the classifier in service finds closest to the examples; null if none
     */
    record UnansweredGroup(int count, int fallbacks, int clarifications, int lowConfidence, List<String> examples,
                           Instant lastAskedAt, ClosestIntent closestIntent) {
    }

    /**
     * An intent that a group could become examples of.
     *
     * @param id       the intent's id
     * @param question its canonical question
     * @param score    its share of the probability the classifier gives the real intents (the out-of-scope class
     *                 set aside), averaged over the group's examples (0..1)
     */
    record ClosestIntent(String id, String question, double score) {
    }

    /** Intents with traffic in the window, ranked as {@code sort} says ({@code traffic} or {@code negative}). */
    record IntentRanking(ReviewWindow window, String sort, List<IntentStats> intents) {
    }

    /**
     * One intent's traffic and feedback.
     *
     * @param intent       the intent's id
     * @param question     its canonical question; null if the intent is no longer in the knowledge base
     * @param answered     how many times it was answered
     * @param helpful      thumbs up on those answers
     * @param notHelpful   thumbs down
     * @param negativeRate thumbs down among all feedback on it (0..1); null without feedback
     */
    record IntentStats(String intent, String question, long answered, long helpful, long notHelpful,
                       Double negativeRate) {
    }

    /**
     * What each knowledge version (and classifier) did in the window, the one most recently asked first: to compare
     * versions after a publish or a rollback.
     *
     * @param inService the version in service on this instance now
     */
    record VersionComparison(ReviewWindow window, String inService, List<VersionStats> versions) {
    }

    /**
     * One knowledge version's and classifier's replies in the window, and the feedback on them.
     *
     * @param version           the knowledge version that replied; null for exchanges kept before versions were
     *                          recorded
     * @param classifier        the classifier that replied ({@code maxent}, {@code encoder}, {@code hybrid}); null as
     *                          the version
     * @param inService         whether it is the version in service now
     * @param lastPublication   the number of its latest publication; null when it was never published (a model
     *                          without a version) or its publications are gone
     * @param lastPublishedAt   when it was last put in service; null as {@code lastPublication}
     * @param questions         questions it replied to
     * @param answered          of those, answered with an intent
     * @param fallbacks         "I don't know" replies
     * @param clarifications    "Did you mean…?" replies
     * @param helpful           thumbs up on its replies
     * @param notHelpful        thumbs down
     * @param fallbackRate      fallbacks among questions (0..1)
     * @param negativeRate      thumbs down among all feedback on it (0..1); null without feedback
     * @param firstAskedAt      its first question in the window
     * @param lastAskedAt       its last
     */
    record VersionStats(String version, String classifier, boolean inService, Long lastPublication,
                        Instant lastPublishedAt, long questions, long answered, long fallbacks, long clarifications,
                        long helpful, long notHelpful, double fallbackRate, Double negativeRate,
                        Instant firstAskedAt, Instant lastAskedAt) {
    }

    /** Thumbs down among all feedback (0..1); null without feedback, as every report gives it. */
    static Double negativeRate(long helpful, long notHelpful) {
        return helpful + notHelpful == 0 ? null : (double) notHelpful / (helpful + notHelpful);
    }

    /** Questions and fallbacks per UTC day, oldest first, every day of the window present. */
    record Daily(ReviewWindow window, long questions, long fallbacks, List<Day> days) {
    }

    /**
     * One UTC day.
     *
     * @param fallbackRate fallbacks among questions (0..1); 0 on a day without questions
     */
    record Day(LocalDate date, long questions, long fallbacks, double fallbackRate) {
    }

    /** Recent feedback, newest first. */
    record RecentFeedback(ReviewWindow window, List<FeedbackEntry> feedback) {
    }

    /**
     * One verdict and the exchange it judges.
     *
     * @param question null when question text is not stored
     * @param intent   the intent answered; null when the bot fell back or asked for clarification
     * @param comment  null when the user added none
     */
    record FeedbackEntry(Instant givenAt, boolean helpful, String comment, String question, String intent,
                         boolean fallback, String answerId) {
    }
}
