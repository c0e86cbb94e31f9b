package io.murmur.user.token;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import io.murmur.user.config.UserProperties;

/**
 * The JWT encoder that signs access tokens with the active key and the decoder the
 * service checks them with: against its own public keys, in process, requiring an RS256
 * signature by a known key, an expiry in the future, the configured issuer and audience,
 * and a user id as subject.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,18}");

	@Bean
	SigningKeys signingKeys(UserProperties properties, ResourceLoader resourceLoader) {
		return SigningKeys.load(properties.jwt(), resourceLoader);
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.active())));
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, UserProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys.verification()))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.jwt().issuer()),
						new JwtAudienceValidator(properties.jwt().audience()),
						new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
						new JwtClaimValidator<String>(JwtClaimNames.SUB,
								(subject) -> subject != null && USER_ID.matcher(subject).matches())));
		return decoder;
	}

}
