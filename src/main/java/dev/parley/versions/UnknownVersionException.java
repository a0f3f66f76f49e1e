package dev.parley.versions;

import org.springframework.http.HttpStatus;

import dev.parley.system.ProblemException;
import dev.parley.system.ProblemResponses;

/** A knowledge version the database does not hold: 404. */
class UnknownVersionException extends ProblemException {

    private static final long serialVersionUID = 1L;

    UnknownVersionException(String version) {
        this(version, "No knowledge version '" + version + "' was ever published (a version is named by its 64 "
                + "hexadecimal digits, or by the first " + VersionStore.SHORTEST_PREFIX + " or more of them)");
    }

    private UnknownVersionException(String version, String detail) {
        super(ProblemResponses.problem(HttpStatus.NOT_FOUND, "Unknown knowledge version", detail)
                .withProperty("version", version));
    }

    /** A prefix that more than one version starts with. */
    static UnknownVersionException ambiguous(String prefix) {
        return new UnknownVersionException(prefix, "More than one knowledge version starts with '" + prefix
                + "': give more of its digits");
    }
}
