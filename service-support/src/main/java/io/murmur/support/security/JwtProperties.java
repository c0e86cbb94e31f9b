package io.murmur.support.security;

import java.net.URI;

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
 */
@Validated
@ConfigurationProperties("murmur.security.jwt")
public record JwtProperties(@Nullable URI jwkSetUri, @NotBlank String issuer, @NotBlank String audience,
		@DefaultValue("murmur-internal") @NotBlank String internalAudience) {

}
