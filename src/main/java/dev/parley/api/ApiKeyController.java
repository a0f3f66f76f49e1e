package dev.parley.api;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.admin.AdminApi;
import dev.parley.admin.AdminApiDocumentation;
import dev.parley.system.BodyExample;
import dev.parley.system.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * {@code /api/v1/admin/api-keys}: the admin creates, lists and revokes the API keys of programs that use the bot
 * API ({@link ApiKeys}).
 */
@RestController
@BodyExample(value = "{\"name\": \"shop back-office\", \"requestsPerMinute\": 300}", namesTheField = true)
@Tag(name = AdminApiDocumentation.KEYS_TAG, description = "API keys for programs that use the bot API, each with its "
        + "own quota (HTTP Basic, the admin user of parley.admin.*)")
@AdminApi
class ApiKeyController {

    static final String PATH = "/api/v1/admin/api-keys";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyController.class);

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "Create an API key",
            description = "Returns the new key in `key`, this once: only its SHA-256 is kept. A program sends it as "
                    + "`Authorization: Bearer KEY` on `/api/v1/ask` and feedback, and gets the key's quota instead "
                    + "of its address's.")
    @ApiResponse(responseCode = "201", description = "Created; the key itself is in `key`")
    @ApiResponse(responseCode = "400", description = "No or a blank name, one over " + ApiKeyRequest.MAX_NAME
            + " characters, a quota below 1 or over " + ApiKeyRequest.MAX_PER_MINUTE + ", or malformed JSON",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NewApiKey> create(@Valid @RequestBody ApiKeyRequest request) {
        NewApiKey created = keys.create(request.name(), request.requestsPerMinute());
        log.info("API key {} ('{}') created, {} requests per minute", created.id(), created.name(),
                created.requestsPerMinute());
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @Operation(summary = "List the API keys",
            description = "Every key, revoked ones too (with `revokedAt`), oldest first; never the keys themselves.")
    @ApiResponse(responseCode = "200", description = "The keys")
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    List<ApiKey> list() {
        return keys.list();
    }

    @Operation(summary = "Revoke an API key",
            description = "From now on a request with the key gets 401: at once on this instance, within "
                    + "a few seconds (at most 5) on every other one. Revoking a revoked key changes nothing.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "400", description = "The id is not a number",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No key has this id",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @DeleteMapping(path = PATH + "/{id}")
    ResponseEntity<Void> revoke(@Parameter(description = "The key's `id`", example = "3") @PathVariable long id) {
        if (!keys.revoke(id)) {
            throw ProblemResponses.problem(HttpStatus.NOT_FOUND, "Unknown API key", "No API key has id " + id + ".")
                    .exception();
        }
        log.info("API key {} revoked", id);
        return ResponseEntity.noContent().build();
    }
}
