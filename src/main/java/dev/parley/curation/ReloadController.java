package dev.parley.curation;

import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.admin.AdminApi;
import dev.parley.admin.AdminApiDocumentation;
import dev.parley.versions.PublishedBy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/admin/reload}: put the intent files as they are now in service. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = AdminApiDocumentation.KNOWLEDGE_TAG,
        description = "Reload the intent files and teach intents new questions")
@AdminApi
class ReloadController {

    private final KnowledgeReloader reloader;

    ReloadController(KnowledgeReloader reloader) {
        this.reloader = reloader;
    }

    @Operation(summary = "Reload the intent files",
            description = "Reads the intents folder again, validates every file as start-up does, trains a new model "
                    + "and swaps it in atomically; questions in flight keep being answered throughout. On any problem "
                    + "the model in service stays and the reply lists every problem by file, field and reason. "
                    + "Reloads and proposals run one at a time: one that arrives while another runs waits for it. "
                    + "The files are published as a knowledge version that every instance on the same database "
                    + "puts in service within seconds. Where the database is the source, files behind the version "
                    + "in service (a file the version in service changed, added or removed since the version the "
                    + "folder was taken from, named in `intents/.parley-base`, and the folder did not, or changed "
                    + "differently) are refused, since publishing them would undo those changes: download the "
                    + "version in service, or name it as `base` to publish the files over it.")
    @ApiResponse(responseCode = "200", description = "The new model is in service")
    @ApiResponse(responseCode = "422", description = "The intent files have problems (listed in `errors` as "
            + "`{file, field, reason}`); the model in service is unchanged",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "`base` names a version that is no longer in service, or "
            + "no `base` is named and the files are behind the version in service (listed in `stale` as "
            + "`{file, reason}`, with `inService`, the files' own version as `files` and, where known, the version "
            + "the folder was taken from as `takenFrom`), or the files changed "
            + "while they were trained on (`read`, `now`: reload again); nothing was published",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/reload", produces = MediaType.APPLICATION_JSON_VALUE)
    ReloadSummary reload(@Parameter(description = "The knowledge version the caller saw in service: when another is "
            + "in service by now, nothing is published (409); when it is, the files are published over it even if "
            + "they are behind it") @RequestParam(required = false) String base) {
        return reloader.reload(PublishedBy.RELOAD, Optional.ofNullable(base));
    }
}
