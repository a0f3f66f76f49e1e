package dev.parley.admin;

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
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * Marks a controller of the admin API in the OpenAPI document: every operation requires the admin's HTTP Basic
 * scheme ({@link AdminApiDocumentation#SECURITY_SCHEME}) and may answer 401, declared here once for all of them.
 * Documentation only: {@link AdminSecurityConfiguration} is what guards the paths.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SecurityRequirement(name = AdminApiDocumentation.SECURITY_SCHEME)
@ApiResponse(responseCode = "401", description = "No or wrong admin credentials",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
public @interface AdminApi {
}
