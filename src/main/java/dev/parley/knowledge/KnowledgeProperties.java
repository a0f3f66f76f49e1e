package dev.parley.knowledge;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the knowledge comes from ({@code parley.knowledge.*}).
 *
 * @param intentsDir      folder of intent files, relative to the working directory unless absolute
 * @param seedsDir        folder of the source documents that intents quote
 * @param minimumExamples fewest phrasings an intent may have, its canonical question counted: 1 lets a question and
 *                        an answer alone make an intent (fewer than {@link Intent#RECOMMENDED_PHRASINGS} is warned of)
 * @param maxFileSize     the largest intent file that is read; a larger one is refused before it is read
 */
@ConfigurationProperties("parley.knowledge")
public record KnowledgeProperties(@DefaultValue("intents") Path intentsDir, @DefaultValue("seeds") Path seedsDir,
                                  @DefaultValue("1") int minimumExamples,
                                  @DefaultValue("1MB") DataSize maxFileSize) {

    /** Reads and validates the intent files these settings point at. */
    public KnowledgeBase load() {
        return new IntentLoader(SeedDocuments.readFrom(seedsDir), minimumExamples, fileLimits()).load(intentsDir);
    }

    /** What an intent file may hold, for every reader of one. */
    public IntentFileLimits fileLimits() {
        return new IntentFileLimits(maxFileSize.toBytes());
    }
}
