package io.murmur.support.openapi;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What a service's OpenAPI document says about itself, under {@code murmur.api-docs}.
 * Each service sets its own title and description; a service that forgets them does not
 * start, rather than publish a document called "OpenAPI definition".
 *
 * @param title the title, such as {@code Murmur posts API}
 * @param description what the API does, for the people who write clients
 * @param version the version of the API ({@code v1} for the paths under {@code /api/v1})
 * @param serverUrl where clients reach the API: the gateway's public URL
 * ({@code MURMUR_PUBLIC_URL}), never the service's own port
 */
@Validated
@ConfigurationProperties("murmur.api-docs")
public record ApiDocsProperties(@NotBlank String title, @NotBlank String description, @NotBlank String version,
		@NotNull URI serverUrl) {

}
