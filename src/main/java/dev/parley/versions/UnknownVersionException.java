package dev.parley.versions;

import org.springframework.http.HttpStatus;

import dev.parley.system.ProblemException;
import dev.parley.system.ProblemResponses;

/** A knowledge version the database does not hold: 404. */
class UnknownVersionException extends ProblemException {

    private static final long serialVersionUID = 1L;

    UnknownVersionException(String version) {
        super(ProblemResponses.problem(HttpStatus.NOT_FOUND, "Unknown knowledge version",
                "No knowledge version '" + version + "' was ever published").withProperty("version", version));
    }
}
