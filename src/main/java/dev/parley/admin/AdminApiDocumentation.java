package dev.parley.admin;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * How the admin endpoints appear in the OpenAPI document ({@code /v3/api-docs}): the one HTTP Basic security scheme
 * for the admin user of {@link AdminProperties}, which every admin controller requires by being marked
 * {@link AdminApi}, and the tags that group them.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = AdminApiDocumentation.SECURITY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "The admin user of parley.admin.* (default admin / parley; none in the prod profile)")
public class AdminApiDocumentation {

    /** The name of the admin's HTTP Basic security scheme. */
    public static final String SECURITY_SCHEME = "admin";

    /** Tag of what site owners review: unanswered questions, intent statistics, daily counts, feedback. */
    public static final String REVIEW_TAG = "Admin: review";
    /** Tag of what changes the knowledge in service: reloading intent files, proposing examples. */
    public static final String KNOWLEDGE_TAG = "Admin: knowledge";
    /** Tag of the exports of the conversation history. */
    public static final String EXPORT_TAG = "Admin: export";
    /** Tag of what answers privacy requests: erasing what is kept of a conversation. */
    public static final String PRIVACY_TAG = "Admin: privacy";
    /** Tag of the API keys of programs that use the bot API. */
    public static final String KEYS_TAG = "Admin: API keys";
}
