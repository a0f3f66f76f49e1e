package dev.parley.versions;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import dev.parley.knowledge.KnowledgeFiles;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What changed from one knowledge version to another, by file: an intent is its file ({@code intents/ID.yaml}).
 *
 * @param from        the earlier version
 * @param to          the later version
 * @param added       intents that {@code to} has and {@code from} has not
 * @param removed     intents that {@code from} has and {@code to} has not
 * @param edited      intents both have whose files differ
 * @param otherFiles  other files that were added, removed or edited: the bot file, the out-of-scope questions, the
 *                    seed documents and their index
 */
@Schema(description = "What changed between two knowledge versions")
record VersionDifference(String from, String to,
                         @Schema(example = "[\"delivery-time\"]") List<String> added,
                         @Schema(example = "[]") List<String> removed,
                         @Schema(example = "[\"returns\"]") List<String> edited,
                         @Schema(example = "[\"seeds/shipping.md\"]") List<String> otherFiles) {

    /** Compares two versions' file hashes, by name. */
    static VersionDifference between(String from, Map<String, String> before, String to, Map<String, String> after) {
        var added = new TreeSet<String>();
        var removed = new TreeSet<String>();
        var edited = new TreeSet<String>();
        var other = new TreeSet<String>();
        var names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            if (Objects.equals(before.get(name), after.get(name))) {
                continue;
            }
            String intent = intentOf(name);
            if (intent == null) {
                other.add(name);
            } else if (!before.containsKey(name)) {
                added.add(intent);
            } else if (!after.containsKey(name)) {
                removed.add(intent);
            } else {
                edited.add(intent);
            }
        }
        return new VersionDifference(from, to, List.copyOf(added), List.copyOf(removed), List.copyOf(edited),
                List.copyOf(other));
    }

    // intent files are the folder's YAML files whose names do not begin with "_" (the bot and out-of-scope files)
    private static String intentOf(String name) {
        if (!name.startsWith(KnowledgeFiles.INTENTS)) {
            return null;
        }
        String file = name.substring(KnowledgeFiles.INTENTS.length());
        return file.startsWith("_") ? null : file.replaceFirst("\\.ya?ml$", "");
    }
}
