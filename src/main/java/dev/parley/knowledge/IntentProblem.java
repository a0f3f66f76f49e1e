package dev.parley.knowledge;

/**
 * One reason an intent file cannot be used.
 *
 * @param file   path of the intent file as given to the loader (or the folder, for folder-wide problems)
 * @param field  the YAML key at fault, e.g. {@code examples[3]}, or {@code -} for the file as a whole
 * @param reason what is wrong, in words a curator can act on
 */
public record IntentProblem(String file, String field, String reason) {
    @Override
    public String toString() {
        return "-".equals(field) ? file + ": " + reason : file + ": '" + field + "' " + reason;
    }
}
