package dev.parley.versions;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.admin.AdminApi;
import dev.parley.admin.AdminApiDocumentation;
import dev.parley.conversation.ActiveKnowledge;
import dev.parley.conversation.ServedVersion;
import dev.parley.knowledge.KnowledgeFiles;
import dev.parley.system.BodyExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** {@code /api/v1/admin/knowledge/versions}: the knowledge versions published, what changed, and rolling back. */
@RestController
@BodyExample("{\"version\": \"9f2c5d0e7a41b3c8d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3\"}")
@RequestMapping(KnowledgeVersionController.PATH)
@Tag(name = AdminApiDocumentation.KNOWLEDGE_TAG)
@AdminApi
class KnowledgeVersionController {

    static final String PATH = "/api/v1/admin/knowledge/versions";
    /** The most publications listed. */
    static final int MAX_LISTED = 200;
    static final String ZIP = "application/zip";

    private final VersionStore store;
    private final KnowledgePublisher publisher;
    private final ActiveKnowledge active;

    KnowledgeVersionController(VersionStore store, KnowledgePublisher publisher, ActiveKnowledge active) {
        this.store = store;
        this.publisher = publisher;
        this.active = active;
    }

    /**
     * The versions published, latest first, and which this instance serves.
     *
     * @param inService     the version this instance serves
     * @param publications  every publication, latest first (at most 200): the first is what every instance serves
     *                      within seconds
     */
    record Versions(ServedVersion inService, List<Publication> publications) {
    }

    @Operation(summary = "List the knowledge versions",
            description = "Every publication (an import of the intent files at start-up, a reload, a proposal, a "
                    + "rollback), latest first, at most " + MAX_LISTED + "; the latest is the version every instance "
                    + "puts in service. `inService` is the one this instance serves now.")
    @ApiResponse(responseCode = "200", description = "The publications and the version in service")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Versions list() {
        return new Versions(active.version(), store.publications(MAX_LISTED));
    }

    @Operation(summary = "What changed between two versions",
            description = "Intents added, removed and edited from `from` to `to` (an intent is its file), and the "
                    + "other files that changed: the bot file, the out-of-scope questions, the seed documents.")
    @ApiResponse(responseCode = "200", description = "The difference")
    @ApiResponse(responseCode = "400", description = "`from` or `to` is missing",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such version was published",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping(path = "/difference", produces = MediaType.APPLICATION_JSON_VALUE)
    VersionDifference difference(@Parameter(description = "The earlier version (or its first 8 or more digits)")
                                 @RequestParam String from,
                                 @Parameter(description = "The later version (or its first 8 or more digits)")
                                 @RequestParam String to) {
        String earlier = store.resolve(from);
        String later = store.resolve(to);
        return VersionDifference.between(earlier, store.hashes(earlier).orElseThrow(), later,
                store.hashes(later).orElseThrow());
    }

    @Operation(summary = "Download a version's files",
            description = "Every file of the version as a zip archive, by the names the folders give them "
                    + "(`intents/NAME`, `seeds/NAME`): unpacked where the two folders are, it makes them hold the "
                    + "version (files the version does not have are left as they are), and `intents/.parley-base` "
                    + "names the version, so that a reload from the folders publishes the changes made to them "
                    + "since and refuses files that would undo a later version. What brings a proposal accepted "
                    + "through the database, which changes no instance's files, into the files an owner "
                    + "edits, before a reload publishes them again.")
    @ApiResponse(responseCode = "200", description = "The zip archive", content = @Content(mediaType = ZIP))
    @ApiResponse(responseCode = "404", description = "No such version was published",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/{version}/files")
    void files(@Parameter(description = "The version, as `/actuator/info` or the list name it, or its first 8 or "
                       + "more digits") @PathVariable("version") String given, HttpServletResponse response) throws IOException {
        String version = store.resolve(given);
        KnowledgeFiles files = store.files(version).orElseThrow();
        response.setContentType(ZIP);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("parley-knowledge-" + version.substring(0, 12) + ".zip").build().toString());
        // the marker makes the unpacked folder say which version it was taken from, so that its reload is judged
        // against that version and not guessed at
        files.writeZip(response.getOutputStream(),
                Map.of(KnowledgeFiles.INTENTS + FolderBase.FILE_NAME, FolderBase.content(version)));
    }

    @Operation(summary = "Roll back to an earlier version",
            description = "Publishes an earlier version again as the one in service: this instance puts it in "
                    + "service before answering, every other within seconds. Its model is restored from what was "
                    + "kept when it was first trained, where the training code is the same. With the intent files "
                    + "as the source, the files on disk are not changed: the next reload publishes them again.")
    @ApiResponse(responseCode = "200", description = "The version is in service")
    @ApiResponse(responseCode = "400", description = "No version named, or malformed JSON",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such version was published",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "`base` names a version that is no longer in service; "
            + "nothing was published",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/rollback", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ServedVersion rollBack(@Valid @RequestBody RollbackRequest request) {
        return publisher.rollBack(store.resolve(request.version()), Optional.ofNullable(request.base())).version();
    }
}
