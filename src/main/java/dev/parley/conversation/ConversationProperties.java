package dev.parley.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the conversation itself ({@code parley.conversation.*}).
 *
 * @param welcomeText what the bot says when a chat opens
 */
@ConfigurationProperties("parley.conversation")
public record ConversationProperties(@DefaultValue("Hello! I'm Parley. Ask me how international organizations "
        + "enforce human rights or address migration.") String welcomeText) {
}
