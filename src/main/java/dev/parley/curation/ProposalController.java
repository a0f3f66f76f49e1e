package dev.parley.curation;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.admin.AdminApi;
import dev.parley.admin.AdminApiDocumentation;
import dev.parley.system.BodyExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** {@code POST /api/v1/admin/proposals}: teach an intent questions users asked, and retrain. */
@RestController
@BodyExample("{\"intent\": \"delivery-time\", \"examples\": [\"when will my parcel arrive\"]}")
@Tag(name = AdminApiDocumentation.KNOWLEDGE_TAG)
@AdminApi
class ProposalController {

    static final String PATH = "/api/v1/admin/proposals";

    private final ProposalService proposals;

    ProposalController(ProposalService proposals) {
        this.proposals = proposals;
    }

    @Operation(summary = "Add questions as examples of an intent",
            description = "Skips (and lists, with the reason) questions that already are an example or the question "
                    + "of this or another intent, or a question the knowledge base lists as out of scope, compared as "
                    + "the classifier sees them; appends the rest to the end "
                    + "of the intent file's `examples:` list, leaving every other line of the file as it was; then "
                    + "reloads. When the reload fails the file is put back as it was and the reply lists the problems. "
                    + "When nothing is new, nothing is written and `reload` is null.")
    @ApiResponse(responseCode = "200", description = "The examples that were added and skipped, and the new model")
    @ApiResponse(responseCode = "400", description = "No intent, no or more than 50 examples, a blank example, one "
            + "over 1,000 characters or one a question could not be (a lone surrogate, a noncharacter, a control "
            + "character), the out-of-scope class, malformed JSON, or a body that is not valid UTF-8",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "The model in service has no such intent",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "A body over "
            + CurationConfiguration.MAX_PROPOSAL_MIB + " MiB (the largest valid proposal is 600,000 bytes)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "The intent file cannot be edited, or the reload found problems "
            + "(listed in `errors` as `{file, field, reason}`); the file and the model in service are unchanged",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ProposalResult propose(@Valid @RequestBody ExampleProposal proposal) {
        return proposals.propose(proposal);
    }
}
