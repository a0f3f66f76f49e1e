package dev.parley.knowledge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One thing the bot knows how to answer, as curated in {@code intents/<id>.yaml}.
 *
 * @param id        the file name without extension, kebab-case in any script ({@value #ID_FORMAT})
 * @param question  the canonical question, shown to users as a suggestion
 * @param examples  user phrasings the classifier learns from besides the question; may be empty
 * @param answer    the curated answer, markdown
 * @param source    where the answer comes from; absent only for small talk
 * @param followups ids of related intents
 * @param tags      free labels; {@value #SMALL_TALK} marks conversational intents, {@value #STARTER} the questions
 *                  a conversation opens with, {@value #CONTACT} those that answer a request for a person
 */
public record Intent(String id, String question, List<String> examples, String answer,
                     Optional<Source> source, List<String> followups, List<String> tags) {

    /**
     * What an intent id looks like: its file name, kebab-case in any script ("icc-referral", "كيف-أستعير-كتابا",
     * "如何借书"): words of lower-case letters, letters without case (Arabic, Hindi, Chinese), digits and the combining
     * marks that follow them (a Devanagari vowel sign), joined by single '-'. Upper case is refused, so that one
     * question has one id on file systems that ignore case.
     */
    public static final String ID_FORMAT = "[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Nd}][\\p{Ll}\\p{Lo}\\p{Lm}\\p{Nd}\\p{M}]*"
            + "(-[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Nd}][\\p{Ll}\\p{Lo}\\p{Lm}\\p{Nd}\\p{M}]*)*";

    private static final Pattern ID = Pattern.compile(ID_FORMAT);

    /** What is wrong with a field that fails {@link #hasIdFormat}: the one wording, on every channel. */
    public static final String NOT_AN_ID = "must be an intent id: lower-case letters (or letters without case), digits"
            + " and '-'";

    /** The longest intent id: what the exchange table keeps of it ({@code intent_id varchar(100)}). */
    public static final int MAX_ID_LENGTH = 100;

    /**
     * The fewest phrasings (the canonical question and its examples) with which an intent is recognised reliably:
     * fewer load, and {@code evaluate} and the admin page warn of them (docs/quality.md, "A new knowledge base").
     */
    public static final int RECOMMENDED_PHRASINGS = 5;

    /** The tag that marks greetings, thanks and the like: not part of the FAQ content. */
    public static final String SMALL_TALK = "small-talk";

    /** The tag that puts an intent's question among the suggestions a new conversation opens with. */
    public static final String STARTER = "starter";

    /**
     * The tag of an intent that answers a visitor who asks for a person: its reply carries the bot file's contact,
     * when there is one. A knowledge base with a contact and no such intent gets Parley's own ({@code
     * talk-to-a-person}).
     */
    public static final String CONTACT = "contact";

    /**
     * The tag of "tell me more": instead of its own answer the bot continues the conversation's last topic with the
     * next of its follow-ups; its answer is said only when there is no topic to continue.
     */
    public static final String CONTINUE = "continue";

    public Intent {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(question, "question must not be null");
        Objects.requireNonNull(answer, "answer must not be null");
        Objects.requireNonNull(source, "source must not be null (use Optional.empty())");
        examples = List.copyOf(examples);
        followups = List.copyOf(followups);
        tags = List.copyOf(tags);
    }

    /**
     * Whether {@code text} has the form of an intent id ({@value #ID_FORMAT}): the one check of it, for an intent
     * file's name as for an intent a channel receives. Length is checked apart ({@link #MAX_ID_LENGTH}).
     */
    public static boolean hasIdFormat(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** The canonical question and the examples: every way of asking this that the classifier learns from. */
    public int phrasings() {
        return 1 + examples.size();
    }

    /** Whether this is "tell me more" (tag {@value #CONTINUE}), answered by continuing the last topic. */
    public boolean continuesTopic() {
        return tags.contains(CONTINUE);
    }

    /** Small talk has no source and is left out of FAQ listings and fallback suggestions. */
    public boolean isSmallTalk() {
        return tags.contains(SMALL_TALK);
    }
}
