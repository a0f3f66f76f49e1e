/** Intent files in {@code intents/} become a validated, immutable {@link dev.parley.knowledge.KnowledgeBase}. */
package dev.parley.knowledge;
