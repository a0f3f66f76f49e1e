package dev.parley.versions;

import org.springframework.http.HttpStatus;

import dev.parley.system.Problem;
import dev.parley.system.ProblemException;
import dev.parley.system.ProblemResponses;

/** A reload whose files are behind the version in service ({@link FilesBehind}): 409, nothing published. */
public class FilesBehindException extends ProblemException {

    private static final long serialVersionUID = 1L;

    FilesBehindException(String inService, String files, FilesBehind.Judgement judged) {
        super(problem(inService, files, judged));
    }

    private static Problem problem(String inService, String files, FilesBehind.Judgement judged) {
        Problem problem = ProblemResponses.problem(HttpStatus.CONFLICT, "Intent files behind the version in service",
                "Publishing the intent files would undo changes made since they were taken: " + judged.stale().size()
                        + " file(s) are behind knowledge version " + inService + " (listed in 'stale'). Nothing was "
                        + "published. Download the version in service (GET " + KnowledgeVersionController.PATH + "/"
                        + inService + "/files) into the folders, make your changes on it and reload; or, to "
                        + "publish the files over it as they are, reload with base=" + inService + ".")
                .withProperty("inService", inService).withProperty("files", files)
                .withProperty("stale", judged.stale());
        // takenFrom only where one was known: the files were judged by the versions published otherwise
        return judged.takenFrom().map(version -> problem.withProperty("takenFrom", version)).orElse(problem);
    }
}
