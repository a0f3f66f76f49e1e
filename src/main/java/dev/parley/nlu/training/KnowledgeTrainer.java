package dev.parley.nlu.training;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.nlu.CachedClassifier;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.TrainedKnowledge;
import dev.parley.nlu.encoder.SentenceEncoder;
import dev.parley.nlu.encoder.SentenceEncoders;

/**
 * Loads the knowledge base the settings name and trains the served classifier on it: the one way a model is made
 * for service, at start-up and at every reload alike, its predictions remembered for repeated questions
 * ({@link CachedClassifier}). It times each training and logs it, once.
 */
public final class KnowledgeTrainer {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeTrainer.class);

    private final KnowledgeProperties knowledgeSettings;
    private final NluProperties nluSettings;
    private final SentenceEncoder encoder;
    private final CalibrationCache cache;
    private final ModelCache models;

    public KnowledgeTrainer(KnowledgeProperties knowledgeSettings, NluProperties nluSettings) {
        this.knowledgeSettings = knowledgeSettings;
        this.nluSettings = nluSettings;
        this.encoder = SentenceEncoders.shared(nluSettings.encoder());
        // the calibrations and the models they were fitted for are kept side by side, under the same keys
        boolean keeps = !nluSettings.calibrationCache().isBlank();
        Path folder = keeps ? Path.of(nluSettings.calibrationCache()) : null;
        this.cache = keeps ? CalibrationCache.inFolder(folder) : CalibrationCache.none();
        this.models = keeps ? ModelCache.inFolder(folder) : ModelCache.none();
    }

    /**
     * Reads and validates the intent files as they are now and trains the configured classifier on them, calibrated
     * for them ({@link ServedClassifier}).
     *
     * @throws dev.parley.knowledge.InvalidKnowledgeException listing every problem in the files
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    public TrainedKnowledge train() {
        long started = System.nanoTime();
        // a kept model embeds nothing while it is restored: the encoder loads meanwhile, so that the model is in
        // service, not still loading its encoder, when training returns
        CompletableFuture<?> encoderLoaded = nluSettings.classifier() == ClassifierKind.MAXENT
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> encoder.embed("?"));
        KnowledgeBase knowledge = knowledgeSettings.load();
        ServedClassifier.Trained trained = ServedClassifier.train(nluSettings.classifier(),
                TrainedKnowledge.trainingExamples(knowledge, nluSettings), nluSettings, encoder, cache, models);
        encoderLoaded.join();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Loaded {} intents from {} and trained the classifier in {} ms ({})", knowledge.size(),
                knowledgeSettings.intentsDir().toAbsolutePath().normalize(), took.toMillis(),
                trained.fitted() ? "calibrated for this knowledge base: " + trained.calibration()
                        : "calibrated as the settings say");
        return new TrainedKnowledge(knowledge, new CachedClassifier(trained.classifier()), trained.policy(), Instant.now(),
                took);
    }
}
