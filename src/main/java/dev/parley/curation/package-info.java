/**
 * Improving the knowledge base while the bot runs: reloading the intent files into a newly trained model, and
 * turning questions the bot could not answer into new examples of an intent (admin API, {@code /api/v1/admin/**}).
 */
package dev.parley.curation;
