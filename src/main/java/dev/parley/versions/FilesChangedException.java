package dev.parley.versions;

import org.springframework.http.HttpStatus;

import dev.parley.system.ProblemException;
import dev.parley.system.ProblemResponses;

/** The intent files changed while a reload trained on them (an edit saved meanwhile): 409, nothing published. */
public class FilesChangedException extends ProblemException {

    private static final long serialVersionUID = 1L;

    FilesChangedException(String read, String now) {
        super(ProblemResponses.problem(HttpStatus.CONFLICT, "Intent files changed during the reload",
                "The intent files changed while they were being trained on (version " + read + " when read, "
                        + now + " after training), so what was trained is not what they hold. Nothing was "
                        + "published. Try again once the files are saved.")
                .withProperty("read", read).withProperty("now", now));
    }
}
