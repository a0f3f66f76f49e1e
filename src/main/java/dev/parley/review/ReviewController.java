package dev.parley.review;

import java.time.Clock;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.admin.AdminApi;
import dev.parley.admin.AdminApiDocumentation;
import dev.parley.review.ReviewReports.Daily;
import dev.parley.review.ReviewReports.IntentRanking;
import dev.parley.review.ReviewReports.RecentFeedback;
import dev.parley.review.ReviewReports.Unanswered;
import dev.parley.review.ReviewReports.VersionComparison;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The review loop's read side under {@code /api/v1/admin}: what the bot could not answer, which intents carry the
 * traffic and the complaints, questions and fallbacks per day, and recent feedback. Admin only (HTTP Basic).
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = AdminApiDocumentation.REVIEW_TAG, description = "What site owners review to improve the knowledge base (HTTP Basic, "
        + "the admin user of parley.admin.*)")
@AdminApi
@ApiResponse(responseCode = "400", description = "A parameter out of range or of the wrong form, named in "
        + "`parameter`", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
        schema = @Schema(implementation = ProblemDetail.class)))
class ReviewController {

    private static final String DAYS = "Whole UTC days to look back, today included: 1 to 365, default 30";
    private static final int DEFAULT_FEEDBACK_LIMIT = 50;
    private static final int MAX_FEEDBACK_LIMIT = 500;

    private final ReviewService review;
    private final Clock clock = Clock.systemUTC();

    ReviewController(ReviewService review) {
        this.review = review;
    }

    @Operation(summary = "Unanswered questions, grouped",
            description = "Fallbacks, clarifications and answers below `parley.review.low-confidence`, grouped by "
                    + "similarity of their normalised question, largest group first. Each group has its count, up "
                    + "to five example questions, the most recent time and the intent the classifier in service "
                    + "finds closest (to propose the group as its examples). When question text is not stored, "
                    + "`groups` is empty and `reason` says why.")
    @ApiResponse(responseCode = "200", description = "The groups")
    @GetMapping("/unanswered")
    Unanswered unanswered(@Parameter(description = DAYS) @RequestParam(required = false) String days) {
        return review.unanswered(ReviewWindow.parse(days, clock));
    }

    @Operation(summary = "Intents by traffic or by negative feedback",
            description = "Every intent answered in the window with how often, its thumbs up and down and the "
                    + "share of thumbs down (`negativeRate`, null without feedback). `sort=traffic` (default) ranks "
                    + "by answers, `sort=negative` by thumbs down, then negative rate.")
    @ApiResponse(responseCode = "200", description = "The ranking")
    @GetMapping("/intent-stats")
    IntentRanking intentStats(@Parameter(description = DAYS) @RequestParam(required = false) String days,
            @Parameter(description = "traffic (default) or negative") @RequestParam(required = false) String sort) {
        ReviewWindow window = ReviewWindow.parse(days, clock);
        String order = sort == null || sort.isBlank() ? ReviewService.TRAFFIC
                : ReviewParameters.oneOf("sort", sort, ReviewService.TRAFFIC, ReviewService.NEGATIVE);
        return review.intentStats(window, order);
    }

    @Operation(summary = "Knowledge versions compared",
            description = "What each knowledge version and classifier replied in the window: questions, answers, "
                    + "fallbacks, clarifications, thumbs up and down, with when the version was last published and "
                    + "whether it is in service now; the version most recently asked first. Every stored exchange "
                    + "names the version and classifier that replied, so a publish or a rollback can be judged by "
                    + "what it did. Exchanges kept before versions were recorded form one entry whose `version` and "
                    + "`classifier` are null.")
    @ApiResponse(responseCode = "200", description = "The versions")
    @GetMapping("/version-stats")
    VersionComparison versionStats(@Parameter(description = DAYS) @RequestParam(required = false) String days) {
        return review.versionStats(ReviewWindow.parse(days, clock));
    }

    @Operation(summary = "Questions and fallbacks per day",
            description = "One entry per UTC day of the window, oldest first, days without questions as zeros, "
                    + "with the fallback rate (fallbacks / questions; 0 on a day without questions) and totals.")
    @ApiResponse(responseCode = "200", description = "The days")
    @GetMapping("/daily")
    Daily daily(@Parameter(description = DAYS) @RequestParam(required = false) String days) {
        return review.daily(ReviewWindow.parse(days, clock));
    }

    @Operation(summary = "Recent feedback",
            description = "Thumbs up and down given in the window, newest first, with the question (null when "
                    + "question text is not stored), the intent answered (null on a fallback) and the comment.")
    @ApiResponse(responseCode = "200", description = "The feedback")
    @GetMapping("/feedback")
    RecentFeedback feedback(@Parameter(description = DAYS) @RequestParam(required = false) String days,
            @Parameter(description = "true for thumbs up only, false for thumbs down only; both when absent")
            @RequestParam(required = false) String helpful,
            @Parameter(description = "most entries, 1 to 500, default 50") @RequestParam(required = false)
            String limit) {
        ReviewWindow window = ReviewWindow.parse(days, clock);
        Boolean kind = helpful == null || helpful.isBlank() ? null
                : Boolean.valueOf(ReviewParameters.oneOf("helpful", helpful, "true", "false"));
        int most = limit == null || limit.isBlank() ? DEFAULT_FEEDBACK_LIMIT
                : ReviewParameters.wholeNumber("limit", limit, 1, MAX_FEEDBACK_LIMIT);
        return review.feedback(window, kind, most);
    }
}
