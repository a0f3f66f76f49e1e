package dev.parley.knowledge;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the knowledge comes from ({@code parley.knowledge.*}).
 *
 * @param intentsDir      folder of intent files, relative to the working directory unless absolute
 * @param seedsDir        folder of the source documents that intents quote
 * @param minimumExamples fewest examples an intent may have
 */
@ConfigurationProperties("parley.knowledge")
public record KnowledgeProperties(@DefaultValue("intents") Path intentsDir, @DefaultValue("seeds") Path seedsDir,
                                  @DefaultValue("12") int minimumExamples) {

    /** Reads and validates the intent files these settings point at. */
    public KnowledgeBase load() {
        return new IntentLoader(SeedDocuments.readFrom(seedsDir), minimumExamples).load(intentsDir);
    }
}
