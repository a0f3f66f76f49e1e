package dev.parley.nlu.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private final Path keptIn;

    public KnowledgeTrainer(KnowledgeProperties knowledgeSettings, NluProperties nluSettings) {
        this.knowledgeSettings = knowledgeSettings;
        this.nluSettings = nluSettings;
        this.encoder = SentenceEncoders.shared(nluSettings.encoder());
        // the calibrations and the models they were fitted for are kept side by side, under the same keys
        boolean keeps = !nluSettings.calibrationCache().isBlank();
        Path folder = keeps ? Path.of(nluSettings.calibrationCache()) : null;
        this.cache = keeps ? CalibrationCache.inFolder(folder) : CalibrationCache.none();
        this.models = keeps ? ModelCache.inFolder(folder) : ModelCache.none();
        this.keptIn = folder;
    }

    /**
     * What training {@code knowledge} kept (its model and calibration, by file name), so that another instance can
     * {@linkplain #restore restore} it instead of training; empty when nothing is kept (no calibration cache, or the
     * settings fix the calibration and only the model is kept, which is then all there is).
     */
    public Map<String, byte[]> kept(KnowledgeBase knowledge) {
        if (keptIn == null) {
            return Map.of();
        }
        String key = CalibrationCache.key(nluSettings.classifier(),
                TrainedKnowledge.trainingExamples(knowledge, nluSettings), nluSettings);
        var files = new TreeMap<String, byte[]>();
        for (String name : List.of(key + ".json", key + ".model")) {
            try {
                files.put(name, Files.readAllBytes(keptIn.resolve(name)));
            } catch (NoSuchFileException e) {
                // a calibration the settings fix is not kept: the model alone is
            } catch (IOException e) {
                log.warn("Could not read {} to share it: {}", keptIn.resolve(name), e.getMessage());
            }
        }
        return files;
    }

    /**
     * Keeps files another instance's {@link #kept} returned where the next training looks for them. They are named by
     * the hash of what they were trained from (examples, settings, training code), so a file meant for another
     * knowledge base or build is never used, only left unread. Keeps nothing when this trainer keeps nothing.
     */
    public void restore(Map<String, byte[]> kept) {
        if (keptIn == null) {
            return;
        }
        kept.forEach((name, bytes) -> {
            if (!name.matches("[0-9a-f]{64}\\.(json|model)") || Files.isRegularFile(keptIn.resolve(name))) {
                return;
            }
            try {
                KeptFile.write(keptIn, name, bytes);
            } catch (IOException e) {
                log.warn("Could not keep {} in {}: {} (training it again)", name, keptIn, e.getMessage());
            }
        });
    }

    /**
     * Reads and validates the intent files as they are now and trains the configured classifier on them, calibrated
     * for them ({@link ServedClassifier}).
     *
     * @throws dev.parley.knowledge.InvalidKnowledgeException listing every problem in the files
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    public TrainedKnowledge train() {
        return train(knowledgeSettings);
    }

    /**
     * Reads and validates the intent files that {@code knowledge} points at (a knowledge version written out) and
     * trains on them as {@link #train()} does.
     */
    public TrainedKnowledge train(KnowledgeProperties knowledge) {
        return train(knowledge, knowledge.intentsDir().toAbsolutePath().normalize().toString());
    }

    /**
     * The same, with the log naming what the files are ({@code readFrom}) rather than where they were written out to,
     * a temporary folder that means nothing to the reader.
     */
    public TrainedKnowledge train(KnowledgeProperties knowledge, String readFrom) {
        long started = System.nanoTime();
        // a kept model embeds nothing while it is restored: the encoder loads meanwhile, so that the model is in
        // service, not still loading its encoder, when training returns
        CompletableFuture<?> encoderLoaded = nluSettings.classifier() == ClassifierKind.MAXENT
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> encoder.embed("?"));
        KnowledgeBase knowledgeBase = knowledge.load();
        ServedClassifier.Trained trained = ServedClassifier.train(nluSettings.classifier(),
                TrainedKnowledge.trainingExamples(knowledgeBase, nluSettings), nluSettings, encoder, cache, models);
        encoderLoaded.join();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Loaded {} intents from {} and trained the classifier in {} ms ({})", knowledgeBase.size(),
                readFrom, took.toMillis(),
                trained.fitted() ? "calibrated for this knowledge base: " + trained.calibration()
                        : "calibrated as the settings say");
        return new TrainedKnowledge(knowledgeBase, new CachedClassifier(trained.classifier()), nluSettings.classifier(),
                trained.policy(), Instant.now(), took);
    }
}
