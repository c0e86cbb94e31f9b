package io.murmur.support.client;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import io.murmur.support.profile.UserProfiles;
import io.murmur.support.profile.UserProfilesProperties;
import io.murmur.support.time.ClockAutoConfiguration;

/**
 * {@link ServiceCalls}, {@link UserProfiles}, and {@link ServiceTokens} when
 * {@code murmur.service-client.token-uri}, {@code client-id} and {@code client-secret}
 * are all set (not empty).
 */
@AutoConfiguration(after = { JacksonAutoConfiguration.class, ClockAutoConfiguration.class })
@EnableConfigurationProperties({ ServiceCallProperties.class, UserProfilesProperties.class })
public final class ServiceClientAutoConfiguration {

	@Bean
	ServiceCalls serviceCalls(ServiceCallProperties properties, ObjectProvider<ObservationRegistry> observations) {
		return new ServiceCalls(properties, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	/**
	 * The profiles client, for a service that knows where user-service is (every service
	 * does, through the shared defaults; a test context may not).
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("murmur.services.urls.user")
	UserProfiles userProfiles(ServiceCalls services, ObjectProvider<ServiceTokens> tokens,
			UserProfilesProperties properties, ObjectProvider<MeterRegistry> meters) {
		return new UserProfiles(services.client("user"), tokens.getIfAvailable(), properties,
				meters.getIfAvailable(() -> Metrics.globalRegistry));
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnServiceClientConfigured.class)
	@EnableConfigurationProperties(ServiceClientProperties.class)
	static class Tokens {

		@Bean
		ServiceTokens serviceTokens(ServiceClientProperties properties, JsonMapper jsonMapper, Clock clock) {
			return new ServiceTokens(properties, jsonMapper, clock);
		}

	}

	static final class OnServiceClientConfigured extends SpringBootCondition {

		private static final String[] REQUIRED = { "token-uri", "client-id", "client-secret" };

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			for (String name : REQUIRED) {
				if (!StringUtils.hasText(environment.getProperty("murmur.service-client." + name))) {
					return ConditionOutcome.noMatch("murmur.service-client." + name + " is not set");
				}
			}
			return ConditionOutcome.match("murmur.service-client is configured");
		}

	}

}
