package io.murmur.user.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import io.murmur.support.security.AccessTokenValidator;
import io.murmur.support.security.JwtProperties;
import io.murmur.user.config.UserProperties;

/**
 * The JWT encoder that signs access tokens with the active key and the decoder the
 * service checks them with: against its own public keys, in process, requiring an RS256
 * signature by a known key and then exactly what every other service requires (see
 * {@link AccessTokenValidator}).
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	SigningKeys signingKeys(UserProperties properties, ResourceLoader resourceLoader) {
		return SigningKeys.load(properties.jwt(), resourceLoader);
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.active())));
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, JwtProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys.verification()))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(new AccessTokenValidator(properties));
		return decoder;
	}

}
