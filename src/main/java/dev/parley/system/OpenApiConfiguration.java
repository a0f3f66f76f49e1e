package dev.parley.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

/** The title and description of the OpenAPI document at {@code /v3/api-docs} (Swagger UI: {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI parleyOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Parley bot API")
                .version("v1")
                .description("Ask the Parley FAQ bot questions and read its FAQ content. Errors are RFC 9457 "
                        + "problem details (application/problem+json).")
                .license(new License().name("Apache-2.0")));
    }
}
