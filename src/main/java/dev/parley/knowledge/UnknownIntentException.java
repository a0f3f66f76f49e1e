package dev.parley.knowledge;

/** A request named an intent id that the knowledge base in service does not have (an HTTP 404 at the API). */
public final class UnknownIntentException extends RuntimeException {

    private final String id;

    public UnknownIntentException(String id) {
        super("No intent with the id '" + id + "'.");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
