package dev.parley.nlu;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the classifier and the fallback decision ({@code parley.nlu.*}, documented in application.yml).
 *
 * @param fallback when to say "I don't know" instead of answering
 * @param maxent   how the maxent classifier is trained
 * @param learnOutOfScope whether to train an out-of-scope class on the bundled generic questions
 *                        ({@link OutOfScopeExamples}); measured in docs/quality.md
 */
@ConfigurationProperties("parley.nlu")
public record NluProperties(@DefaultValue FallbackPolicy fallback, @DefaultValue MaxentSettings maxent,
                            @DefaultValue("true") boolean learnOutOfScope) {
}
