package io.murmur.support.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.murmur.support.security.PublicEndpoints;

/**
 * The OpenAPI document of a Murmur service on Spring MVC, whenever springdoc is on its
 * class path. The service gives only its title and description
 * ({@code murmur.api-docs.*}) and annotates its operations with an {@code operationId}, a
 * summary and a tag; the rest comes from here and from the code itself, so that every
 * document tells a generated client the same things in the same way:
 * <ul>
 * <li>the gateway as the server ({@code MURMUR_PUBLIC_URL});</li>
 * <li>a bearer JWT on every operation except the service's {@link PublicEndpoints}, which
 * the security set-up lets through without a token;</li>
 * <li>the error responses each operation can give, all {@code application/problem+json}
 * of one {@code Problem} schema ({@link ProblemResponses});</li>
 * <li>{@code required}, nullability and constraints of request and response bodies read
 * from the records ({@link RecordSchemas}) and of parameters from their annotations.</li>
 * </ul>
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(ApiDocsProperties.class)
public final class OpenApiAutoConfiguration {

	/** The name of the bearer token scheme. */
	static final String BEARER = "bearer";

	@Bean
	OpenAPI murmurOpenApi(ApiDocsProperties properties) {
		return new OpenAPI()
			.info(new Info().title(properties.title())
				.description(properties.description())
				.version(properties.version()))
			.servers(List.of(new Server().url(properties.serverUrl().toString()).description("The Murmur gateway")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("An access token from login or refresh")))
			.security(List.of(new SecurityRequirement().addList(BEARER)));
	}

	@Bean
	ProblemResponses murmurProblemResponses(ObjectProvider<PublicEndpoints> publicEndpoints) {
		return new ProblemResponses(publicEndpoints.orderedStream().toList());
	}

	@Bean
	RecordSchemas murmurRecordSchemas() {
		return new RecordSchemas();
	}

	@Bean
	ParameterCustomizer murmurParameterConstraints() {
		return (parameter, methodParameter) -> {
			if (parameter != null && parameter.getSchema() != null) {
				SchemaConstraints.apply(parameter.getSchema(),
						SchemaConstraints.of(methodParameter.getParameterAnnotations()));
			}
			return parameter;
		};
	}

}
