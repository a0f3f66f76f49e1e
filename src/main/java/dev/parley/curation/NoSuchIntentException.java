package dev.parley.curation;

/** A proposal named an intent the model in service does not have. */
class NoSuchIntentException extends RuntimeException {

    private final String id;

    NoSuchIntentException(String id) {
        super("No intent with the id '" + id + "'.");
        this.id = id;
    }

    String id() {
        return id;
    }
}
