package dev.parley.nlu.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.encoder.EncoderIntentClassifier;
import dev.parley.nlu.encoder.SentenceEncoder;
import dev.parley.nlu.maxent.MaxentIntentClassifier;

/**
 * Trained models kept between starts, one binary file each, under the key of their calibration
 * ({@link CalibrationCache#key}: the kind, the settings, the examples, the fitting code's version and, for the kinds
 * that embed, the sentence encoder's model and artifacts). A start whose training set did not change restores the
 * models instead of training them: maxent as OpenNLP's own model writer wrote it, the encoder's regression as its
 * weights, both exactly, so the restored classifier predicts what the trained one did. A file that is damaged (its
 * checksum, its header or its contents do not add up) or of another format is trained again, with a warning.
 */
public interface ModelCache {

    /** Bumped whenever what a file holds changes, so that files an older Parley wrote are trained again. */
    int FORMAT_VERSION = 1;

    /** The model trained for {@code key}, restored for serving with {@code encoder}; empty if none is kept. */
    Optional<UncalibratedClassifier> find(String key, ClassifierKind kind, NluProperties nlu, SentenceEncoder encoder);

    void keep(String key, UncalibratedClassifier model);

    /** Keeps nothing: every training trains anew. */
    static ModelCache none() {
        return new ModelCache() {
            @Override
            public Optional<UncalibratedClassifier> find(String key, ClassifierKind kind, NluProperties nlu,
                                                         SentenceEncoder encoder) {
                return Optional.empty();
            }

            @Override
            public void keep(String key, UncalibratedClassifier model) {
            }
        };
    }

    /** Keeps models as files in {@code folder}, made when first needed. */
    static ModelCache inFolder(Path folder) {
        return new Folder(folder);
    }

    /**
     * The files: "PRLY", the format version, the kind, then each model (maxent before the encoder in a hybrid),
     * then a CRC-32C of all before it. Written to a temporary file first, so a reader never sees half a model.
     */
    final class Folder implements ModelCache {

        private static final Logger log = LoggerFactory.getLogger(ModelCache.class);
        private static final int MAGIC = 0x50524c59;
        private static final byte MAXENT = 'M';
        private static final byte ENCODER = 'E';

        private final Path folder;

        private Folder(Path folder) {
            this.folder = folder;
        }

        @Override
        public Optional<UncalibratedClassifier> find(String key, ClassifierKind kind, NluProperties nlu,
                                                     SentenceEncoder encoder) {
            Path file = folder.resolve(key + ".model");
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (bytes.length < Long.BYTES || checksum(bytes, bytes.length - Long.BYTES)
                        != ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong()) {
                    throw new IOException("its checksum does not match: the file is damaged");
                }
                var in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - Long.BYTES));
                if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION || !in.readUTF().equals(kind.name())) {
                    throw new IOException("it is not a " + kind + " model of format " + FORMAT_VERSION);
                }
                UncalibratedClassifier model = switch (kind) {
                    case MAXENT -> read(in, MAXENT, nlu, encoder);
                    case ENCODER -> read(in, ENCODER, nlu, encoder);
                    case HYBRID -> new UncalibratedClassifier.Pair(read(in, MAXENT, nlu, encoder),
                            read(in, ENCODER, nlu, encoder));
                };
                if (in.available() > 0) {
                    throw new IOException(in.available() + " bytes follow the model");
                }
                return Optional.of(model);
            } catch (IOException | RuntimeException e) {
                log.warn("Training the classifier again: the model kept in {} cannot be read ({})", file,
                        e.getMessage());
                return Optional.empty();
            }
        }

        private static UncalibratedClassifier.Single read(DataInputStream in, byte expected, NluProperties nlu,
                                                          SentenceEncoder encoder) throws IOException {
            byte side = in.readByte();
            if (side != expected) {
                throw new IOException("a model of side '" + (char) expected + "' was expected, found '"
                        + (char) side + "'");
            }
            return new UncalibratedClassifier.Single(side == MAXENT
                    ? MaxentIntentClassifier.readFrom(in, nlu.maxent())
                    : EncoderIntentClassifier.readFrom(in, encoder));
        }

        @Override
        public void keep(String key, UncalibratedClassifier model) {
            try {
                var bytes = new ByteArrayOutputStream();
                var out = new DataOutputStream(bytes);
                out.writeInt(MAGIC);
                out.writeInt(FORMAT_VERSION);
                if (model instanceof UncalibratedClassifier.Pair pair) {
                    out.writeUTF(ClassifierKind.HYBRID.name());
                    write(out, pair.words().classifier());
                    write(out, pair.meaning().classifier());
                } else {
                    IntentClassifier single = ((UncalibratedClassifier.Single) model).classifier();
                    out.writeUTF((single instanceof MaxentIntentClassifier ? ClassifierKind.MAXENT
                            : ClassifierKind.ENCODER).name());
                    write(out, single);
                }
                out.flush();
                byte[] body = bytes.toByteArray();
                out.writeLong(checksum(body, body.length));
                KeptFile.write(folder, key + ".model", bytes.toByteArray());
            } catch (IOException | RuntimeException e) {
                // the bot serves what it trained either way; only the next start pays for the training again
                log.warn("Could not keep the trained model in {}: {}", folder, e.getMessage());
            }
        }

        private static void write(DataOutputStream out, IntentClassifier classifier) throws IOException {
            if (classifier instanceof MaxentIntentClassifier maxent) {
                out.writeByte(MAXENT);
                maxent.writeTo(out);
            } else if (classifier instanceof EncoderIntentClassifier encoder) {
                out.writeByte(ENCODER);
                encoder.writeTo(out);
            } else {
                throw new IllegalArgumentException("cannot keep a " + classifier.getClass().getName());
            }
        }

        private static long checksum(byte[] bytes, int length) {
            var crc = new CRC32C();
            crc.update(bytes, 0, length);
            return crc.getValue();
        }
    }
}
