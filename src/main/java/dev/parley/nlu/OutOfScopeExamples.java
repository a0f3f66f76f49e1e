package dev.parley.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Generic questions no FAQ bot of ours should answer (weather, sport, recipes, other organisations, chit-chat,
 * gibberish), bundled with the application and learnt as a class of their own. They teach the classifier what
 * "none of the above" looks like, so everyday questions that share a few words with an intent, such as "how many
 * players are on a team", fall back instead of borrowing the nearest intent.
 */
public final class OutOfScopeExamples {

    private static final String RESOURCE = "out-of-scope.txt";

    private OutOfScopeExamples() {
    }

    /** The bundled questions, labelled {@link Prediction#OUT_OF_SCOPE}. */
    public static List<TrainingExample> bundled() {
        try (InputStream in = OutOfScopeExamples.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> new TrainingExample(Prediction.OUT_OF_SCOPE, line.strip()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
        }
    }
}
