package dev.parley.commandline;

import java.nio.file.Path;

import dev.parley.knowledge.KnowledgeProperties;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --intents DIR --seeds DIR} and {@code --set}: the knowledge base a command reads or writes, by default the
 * one the server's settings name, as a picocli mixin.
 */
public final class KnowledgeFolders {

    @Option(names = "--intents", paramLabel = "DIR",
            description = "The intent files (default: parley.knowledge.intents-dir, intents).")
    Path intents;

    @Option(names = "--seeds", paramLabel = "DIR",
            description = "The documents they quote (default: parley.knowledge.seeds-dir, seeds).")
    Path seeds;

    @Mixin
    SettingOverrides overrides;

    /** The knowledge settings with the folders given here in place of the configured ones. */
    public KnowledgeProperties knowledge() {
        KnowledgeProperties configured = overrides.settings().knowledge();
        return new KnowledgeProperties(intents != null ? intents : configured.intentsDir(),
                seeds != null ? seeds : configured.seedsDir(), configured.minimumExamples(), configured.maxFileSize());
    }
}
