package dev.parley.versions;

import org.springframework.http.HttpStatus;

import dev.parley.system.ProblemException;
import dev.parley.system.ProblemResponses;

/** A publication built on a version that is no longer in service: 409, nothing published. */
public class VersionConflictException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public VersionConflictException(String base, String inService, String why) {
        super(ProblemResponses.problem(HttpStatus.CONFLICT, "Knowledge version conflict",
                "This change was made on knowledge version " + base + ", but " + inService + " is in service now"
                        + (why.isEmpty() ? "" : ": " + why) + ". Nothing was published; look at the version in"
                        + " service and try again.")
                .withProperty("base", base).withProperty("inService", inService));
    }
}
