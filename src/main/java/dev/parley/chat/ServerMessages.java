package dev.parley.chat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.parley.conversation.AnswerFeedback;
import dev.parley.conversation.BotReply;
import dev.parley.conversation.Suggestion;
import dev.parley.conversation.UserMessage;
import dev.parley.conversation.Welcome;
import dev.parley.knowledge.bot.Bot;

/** The frames the server sends; each record serialises to one JSON object with its {@code type}. */
final class ServerMessages {

    private ServerMessages() {
    }

    /**
     * The opening, with the limits the widget must respect so that what it lets through is not refused, and the
     * bot's name, its knowledge base's language and direction, and the widget's strings in that language.
     */
    record WelcomeMessage(String type, String sessionId, String text, List<Suggestion> suggestions, Limits limits,
                          String name, String language, String direction, Map<String, String> strings) {
        static WelcomeMessage of(Welcome welcome) {
            Bot bot = welcome.bot();
            return new WelcomeMessage("welcome", welcome.sessionId(), welcome.text(), welcome.suggestions(),
                    Limits.ACCEPTED, bot.name(), bot.language(), bot.direction(), new TreeMap<>(bot.widgetStrings()));
        }
    }

    /** The longest question and comment the server accepts, in characters (code points: an emoji counts once). */
    record Limits(int questionCharacters, int commentCharacters) {
        static final Limits ACCEPTED = new Limits(UserMessage.MAX_LENGTH, AnswerFeedback.MAX_COMMENT_LENGTH);
    }

    record Typing(String type, String replyTo) {
        static Typing to(String replyTo) {
            return new Typing("typing", replyTo);
        }
    }

    /**
     * The frame's type and the id of the question it answers, then the REST reply's own fields, in its order: the
     * reply itself, unwrapped, so that a field added to it reaches both channels.
     */
    record Answer(String type, String replyTo, @JsonUnwrapped BotReply reply) {
        static Answer to(String replyTo, BotReply reply) {
            return new Answer("answer", replyTo, reply);
        }
    }

    record FeedbackReceived(String type, String replyTo, String answerId, boolean helpful) {
        static FeedbackReceived to(String replyTo, String answerId, boolean helpful) {
            return new FeedbackReceived("feedback-received", replyTo, answerId, helpful);
        }
    }

    record Pong(String type, String replyTo) {
        static Pong to(String replyTo) {
            return new Pong("pong", replyTo);
        }
    }

    record Error(String type, String replyTo, String code, String message) {
        static Error of(String replyTo, ChatError error, String message) {
            return new Error("error", replyTo, error.code(), message);
        }
    }
}
