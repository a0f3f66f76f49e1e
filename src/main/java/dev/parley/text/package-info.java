/**
 * The rules for text that several features share: what text anyone may send (questions, comments, proposed
 * examples), and when two texts are the same phrasing. It depends on the JDK alone, but for the Bean Validation API
 * ({@code jakarta.validation}) of {@code QuestionText}, the adapter that lets a request field follow the rule; no
 * Spring, no other package of ours.
 */
package dev.parley.text;
