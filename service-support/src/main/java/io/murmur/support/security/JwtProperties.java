package io.murmur.support.security;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How access tokens are checked, under {@code murmur.security.jwt}: RS256 JWTs issued by
 * user-service. Each service maps these to its environment in {@code application.yml}
 * ({@code MURMUR_JWK_SET_URI}, {@code MURMUR_JWT_ISSUER}, {@code MURMUR_JWT_AUDIENCE}).
 *
 * @param jwkSetUri user-service's JWKS; required unless the service defines its own
 * {@code JwtDecoder} (user-service checks its own tokens in process)
 * @param issuer the {@code iss} claim required of every token
 * @param audience the {@code aud} value of user tokens, the tokens of the public API
 * @param internalAudience the {@code aud} value of service tokens, which only
 * {@code /internal/**} accepts
 * @param keys how the signing keys fetched from {@code jwkSetUri} are kept
 */
@Validated
@ConfigurationProperties("murmur.security.jwt")
public record JwtProperties(@Nullable URI jwkSetUri, @NotBlank String issuer, @NotBlank String audience,
		@DefaultValue("murmur-internal") @NotBlank String internalAudience, @DefaultValue Keys keys) {

	/**
	 * The signing keys' cache. Keys are fetched again before {@code refresh} runs out and
	 * at once for a token signed by a key not yet known; if user-service cannot be
	 * reached then, the keys already fetched are kept in use for up to
	 * {@code outageTolerance}, so that tokens go on being checked through its outage
	 * instead of every request failing once the cache time passes.
	 *
	 * @param refresh how long fetched keys are used before they are fetched again
	 * @param outageTolerance how long fetched keys stay in use while they cannot be
	 * fetched again
	 */
	public record Keys(@DefaultValue("5m") Duration refresh, @DefaultValue("24h") Duration outageTolerance) {

	}

}
