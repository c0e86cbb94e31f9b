package io.murmur.notification.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's OpenAPI document, which the gateway shows with the others: every
 * operation takes a bearer access token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	@Bean
	OpenAPI notificationServiceOpenApi() {
		return new OpenAPI()
			.info(new Info().title("notification-service")
				.version("v1")
				.description("Notifications of follows, likes, reposts, replies, quotes and mentions: grouped pages, "
						+ "the unread count and read marker, a live stream of server-sent events, webhooks and "
						+ "preferences"))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
