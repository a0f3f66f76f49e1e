package dev.parley.curation;

import java.util.List;

import dev.parley.text.QuestionText;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Questions a site owner wants an intent to learn, typically a group of questions the bot could not answer.
 *
 * @param intent   id of the intent they belong to
 * @param examples the questions, each one as users would type it
 * @param base     the knowledge version the questions were proposed on, if the caller names it: when another is in
 *                 service by now they are added to it all the same, unless it has no such intent (409)
 */
record ExampleProposal(
        @Schema(description = "Id of the intent the questions belong to.", example = "delivery-time",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        String intent,
        @ArraySchema(arraySchema = @Schema(description = "The questions to learn, 1 to " + ExampleProposal.MAX_EXAMPLES
                + ".", example = "[\"when will my parcel arrive\", \"how many days until my order comes\"]",
                requiredMode = Schema.RequiredMode.REQUIRED), minItems = 1, maxItems = ExampleProposal.MAX_EXAMPLES,
                schema = @Schema(maxLength = dev.parley.conversation.UserMessage.MAX_LENGTH))
        @NotNull
        @Size(min = 1, max = ExampleProposal.MAX_EXAMPLES, message = "must hold 1 to " + ExampleProposal.MAX_EXAMPLES
                + " examples")
        List<@QuestionText String> examples,
        @Schema(description = "The knowledge version the proposal was made on (optional).", nullable = true)
        String base) {

    ExampleProposal(String intent, List<String> examples) {
        this(intent, examples, null);
    }

    static final int MAX_EXAMPLES = 50;
}
