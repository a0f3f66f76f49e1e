package dev.parley.nlu.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.nlu.Calibration;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.TrainingExample;
import dev.parley.nlu.encoder.SentenceEncoders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calibrations fitted before, one small JSON file each, named by a hash of everything a fit depends on: the kind
 * of classifier, the settings, the training examples in order, the training code ({@link TrainingCode}: its class
 * files and OpenNLP's version) and, for the kinds that embed, the sentence encoder's model. The trained models are
 * kept under the same key ({@link ModelCache}). Any change to one of them is another key, so a stale calibration is
 * never served; a file that cannot be read is fitted again.
 */
public interface CalibrationCache {

    /**
     * Bumped whenever fitting changes what it fits for the same examples and settings, so that calibrations kept by
     * an older Parley are not reused.
     */
    String FITTING_VERSION = "2";

    Optional<Calibration> find(String key);

    void keep(String key, Calibration calibration);

    /** Keeps nothing: every training fits anew. */
    static CalibrationCache none() {
        return new CalibrationCache() {
            @Override
            public Optional<Calibration> find(String key) {
                return Optional.empty();
            }

            @Override
            public void keep(String key, Calibration calibration) {
            }
        };
    }

    /** Keeps calibrations as files in {@code folder}, made when first needed. */
    static CalibrationCache inFolder(Path folder) {
        return new Folder(folder);
    }

    /** The key of a fit: a SHA-256 over everything it depends on. */
    static String key(ClassifierKind kind, List<TrainingExample> examples, NluProperties nlu) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            update(digest, FITTING_VERSION);
            update(digest, TrainingCode.identity());
            update(digest, kind.name());
            // the records' own text names every setting and its value, nested ones included
            update(digest, nlu.maxent().toString());
            update(digest, nlu.encoder().toString());
            update(digest, String.valueOf(nlu.learnOutOfScope()));
            if (kind != ClassifierKind.MAXENT) {
                // what the encoder's side learns from depends on the model that embeds and the code that runs it
                update(digest, SentenceEncoders.modelIdentity());
            }
            for (TrainingExample example : examples) {
                update(digest, example.intent());
                update(digest, example.text());
                update(digest, example.evidence().name());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (bytes.length >>> 24));
        digest.update((byte) (bytes.length >>> 16));
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
    }

    /** The files. Writes go to a temporary file first, so a reader never sees half a calibration. */
    final class Folder implements CalibrationCache {

        private static final Logger log = LoggerFactory.getLogger(CalibrationCache.class);
        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final Path folder;

        private Folder(Path folder) {
            this.folder = folder;
        }

        @Override
        public Optional<Calibration> find(String key) {
            Path file = folder.resolve(key + ".json");
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                JsonNode json = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
                var fallback = new FallbackPolicy(json.get("minConfidence").asDouble(),
                        json.get("minMargin").asDouble());
                return Optional.of(json.has("maxentWeight")
                        ? new Calibration.Blended(json.get("maxentTemperature").asDouble(),
                                json.get("encoderTemperature").asDouble(), json.get("maxentWeight").asDouble(),
                                json.get("temperature").asDouble(), fallback)
                        : new Calibration.Single(json.get("temperature").asDouble(), fallback));
            } catch (IOException | RuntimeException e) {
                log.warn("Fitting the calibration again: the one kept in {} cannot be read ({})", file,
                        e.getMessage());
                return Optional.empty();
            }
        }

        @Override
        public void keep(String key, Calibration calibration) {
            var json = JSON.createObjectNode();
            if (calibration instanceof Calibration.Blended blended) {
                json.put("maxentTemperature", blended.maxentTemperature());
                json.put("encoderTemperature", blended.encoderTemperature());
                json.put("maxentWeight", blended.maxentWeight());
            }
            json.put("temperature", calibration.temperature());
            json.put("minConfidence", calibration.fallback().minConfidence());
            json.put("minMargin", calibration.fallback().minMargin());
            try {
                KeptFile.write(folder, key + ".json", JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                // the bot serves what it fitted either way; only the next start pays for the fit again
                log.warn("Could not keep the fitted calibration in {}: {}", folder, e.getMessage());
            }
        }
    }
}
