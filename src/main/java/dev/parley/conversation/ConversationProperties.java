package dev.parley.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the conversation itself ({@code parley.conversation.*}, documented in application.yml). What the bot
 * says is not among them: it lives with the knowledge base, in its bot file ({@code intents/_bot.yaml}).
 *
 * @param contextTimeout how long a session's last topic is remembered: a short follow-up ("who can refer cases
 *                       there?") or "tell me more" resolves against it within this time, and is read alone after it
 * @param clarification  when to ask "Did you mean…?" instead of answering
 */
@ConfigurationProperties("parley.conversation")
public record ConversationProperties(@DefaultValue("10m") Duration contextTimeout,
                                     @DefaultValue ClarificationPolicy clarification) {
    public ConversationProperties {
        if (contextTimeout.isNegative()) {
            throw new IllegalArgumentException("parley.conversation.context-timeout must not be negative");
        }
    }
}
