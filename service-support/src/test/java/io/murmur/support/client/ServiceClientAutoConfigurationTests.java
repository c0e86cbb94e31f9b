package io.murmur.support.client;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;

import io.murmur.support.time.ClockAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceClientAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ClockAutoConfiguration.class,
				ServiceClientAutoConfiguration.class));

	@Test
	void shouldProvideServiceTokensWhenTheClientIsConfigured() {
		this.contexts
			.withPropertyValues("murmur.service-client.token-uri=http://127.0.0.1:8081/internal/oauth2/token",
					"murmur.service-client.client-id=feed-service", "murmur.service-client.client-secret=s3cret")
			.run((context) -> assertThat(context).hasSingleBean(ServiceTokens.class));
	}

	@Test
	void shouldProvideNoServiceTokensWithoutASecret() {
		this.contexts
			.withPropertyValues("murmur.service-client.token-uri=http://127.0.0.1:8081/internal/oauth2/token",
					"murmur.service-client.client-id=feed-service", "murmur.service-client.client-secret=")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ServiceTokens.class));
	}

	@Test
	void shouldProvideNoServiceTokensByDefault() {
		this.contexts.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ServiceTokens.class));
	}

}
