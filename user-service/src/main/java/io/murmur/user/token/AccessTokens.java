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

import io.murmur.support.security.AccessTokenValidator;
import io.murmur.support.security.JwtProperties;
import io.murmur.user.config.UserProperties;

/**
 * Issues access tokens: short-lived RS256 JWTs with the issuer every service checks, a
 * unique {@code jti} and the {@code kid} of the key that signed them. A user's token has
 * the user id as subject and the API audience; a service token has
 * {@code service:<client-id>} as subject, the internal audience and the scope
 * {@code internal}, which only {@code /internal/**} accepts.
 */
@Component
class AccessTokens {

	private final JwtEncoder encoder;

	private final String keyId;

	private final JwtProperties claims;

	private final UserProperties.Jwt properties;

	AccessTokens(JwtEncoder encoder, SigningKeys keys, JwtProperties claims, UserProperties properties) {
		this.encoder = encoder;
		this.keyId = keys.active().getKeyID();
		this.claims = claims;
		this.properties = properties.jwt();
	}

	String issue(long userId, Instant now) {
		return encode(JwtClaimsSet.builder()
			.subject(Long.toString(userId))
			.audience(List.of(this.claims.audience()))
			.expiresAt(now.plus(this.properties.accessTokenTtl())), now);
	}

	String issueForService(String clientId, Instant now) {
		return encode(JwtClaimsSet.builder()
			.subject(AccessTokenValidator.SERVICE_SUBJECT_PREFIX + clientId)
			.audience(List.of(this.claims.internalAudience()))
			.claim("scope", AccessTokenValidator.INTERNAL_SCOPE)
			.claim("client_id", clientId)
			.expiresAt(now.plus(this.properties.serviceTokenTtl())), now);
	}

	private String encode(JwtClaimsSet.Builder claims, Instant now) {
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").keyId(this.keyId).build();
		claims.issuer(this.claims.issuer()).issuedAt(now).id(UUID.randomUUID().toString());
		return this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	Duration ttl() {
		return this.properties.accessTokenTtl();
	}

	Duration serviceTokenTtl() {
		return this.properties.serviceTokenTtl();
	}

}
