package dev.parley.api;

/** A client asked for an intent id that the knowledge base does not have. */
class UnknownIntentException extends RuntimeException {

    private final String id;

    UnknownIntentException(String id) {
        super("No intent with the id '" + id + "'.");
        this.id = id;
    }

    String id() {
        return id;
    }
}
