/**
 * The review loop for site owners: what the bot could not answer (grouped by similarity, with the intent each group
 * is closest to), which intents get traffic and negative feedback, questions and fallbacks per day, recent feedback;
 * served under {@code /api/v1/admin/**} and shown on the {@code /admin} page, both behind the admin user.
 */
package dev.parley.review;
