package dev.parley.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Marks a controller whose every request takes a token from the client's bucket ({@link ClientRateLimit}): the
 * endpoints that cost a classification or a stored row. Such a request may send an API key, and is answered 401
 * when the key is unknown or revoked (declared here once for the OpenAPI document).
 */
@Documented
@ApiResponse(responseCode = "401", description = "An `Authorization: Bearer` API key that is unknown or revoked",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface LimitedPerClient {
}
