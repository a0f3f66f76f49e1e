/** The bot's own words and language, from the bot file beside the intents ({@code intents/_bot.yaml}). */
package dev.parley.knowledge.bot;
