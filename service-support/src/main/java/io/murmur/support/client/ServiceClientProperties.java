package io.murmur.support.client;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service's credentials as an OAuth 2.0 client of user-service, under
 * {@code murmur.service-client}. {@link ServiceTokens} exists only when the token URI,
 * the client id and the client secret are all set; the secret comes from the environment
 * and is never committed.
 *
 * @param tokenUri user-service's token endpoint, e.g.
 * {@code http://user-service:8081/internal/oauth2/token}
 * @param clientId the client id user-service knows the service by
 * @param clientSecret the client secret
 * @param timeout how long one token request may take
 */
@Validated
@ConfigurationProperties("murmur.service-client")
public record ServiceClientProperties(@NotNull URI tokenUri, @NotBlank String clientId, @NotBlank String clientSecret,
		@DefaultValue("5s") @NotNull Duration timeout) {

	@Override
	public String toString() {
		return "ServiceClientProperties[tokenUri=" + this.tokenUri + ", clientId=" + this.clientId
				+ ", clientSecret=(hidden), timeout=" + this.timeout + "]";
	}

}
