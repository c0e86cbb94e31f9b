package io.murmur.user.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import io.murmur.user.config.UserProperties;

/**
 * Issues access tokens: short-lived RS256 JWTs whose subject is the user id, for the
 * configured issuer and audience, with a unique {@code jti} and the {@code kid} of the
 * key that signed them.
 */
@Component
class AccessTokens {

	private final JwtEncoder encoder;

	private final String keyId;

	private final UserProperties.Jwt properties;

	AccessTokens(JwtEncoder encoder, SigningKeys keys, UserProperties properties) {
		this.encoder = encoder;
		this.keyId = keys.active().getKeyID();
		this.properties = properties.jwt();
	}

	String issue(long userId, Instant now) {
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").keyId(this.keyId).build();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject(Long.toString(userId))
			.audience(List.of(this.properties.audience()))
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.accessTokenTtl()))
			.id(UUID.randomUUID().toString())
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	Duration ttl() {
		return this.properties.accessTokenTtl();
	}

}
