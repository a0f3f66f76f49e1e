package dev.parley.versions;

/** What put a version in service. */
public enum PublishedBy {
    /** the intent files, read at start-up */
    IMPORT,
    /** a reload of the intent files */
    RELOAD,
    /** an accepted proposal of examples */
    PROPOSAL,
    /** a rollback to an earlier version */
    ROLLBACK
}
