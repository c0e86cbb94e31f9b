package io.murmur.user.token;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.murmur.user.Api;
import io.murmur.user.Api.Account;
import io.murmur.user.Api.TokensJson;
import io.murmur.user.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class AccessTokenIntegrationTests {

	private static final String ISSUER = "murmur-user-service";

	private static final String AUDIENCE = "murmur-api";

	@Autowired
	private JwtEncoder encoder;

	private Api api;

	private Account account;

	private TokensJson tokens;

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.api = new Api(port);
		this.account = this.api.register();
		this.tokens = this.api.login(this.account);
	}

	@Test
	void shouldIssueAnRs256TokenForTheUserThatTheJwksVerifies() throws Exception {
		SignedJWT jwt = SignedJWT.parse(this.tokens.accessToken());
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(jwt.getHeader().getKeyID()).isNotBlank();
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(this.account.id());
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(AUDIENCE);
		assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
		assertThat(Duration.between(jwt.getJWTClaimsSet().getIssueTime().toInstant(),
				jwt.getJWTClaimsSet().getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(15));

		Map<String, Object> jwks = this.api.client()
			.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches(HttpHeaders.CACHE_CONTROL, ".*max-age=300.*")
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		JWKSet keys = JWKSet.parse(jwks);
		RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).isNotNull();
		assertThat(key.isPrivate()).isFalse();
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
	}

	@Nested
	class Refused {

		@Test
		void shouldRefuseARequestWithoutAToken() {
			expectUnauthorized(api.client().get().uri("/api/v1/users/me").exchange(), "Bearer");
		}

		@Test
		void shouldRefuseAMalformedToken() {
			expectUnauthorized(api.get("/api/v1/users/me", "not.a.jwt"), "invalid_token");
		}

		@Test
		void shouldRefuseAnExpiredToken() throws ParseException {
			Instant past = Instant.now().minus(Duration.ofHours(1));
			String token = sign(encoder,
					(claims) -> claims.issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(15))));
			expectUnauthorized(api.get("/api/v1/users/me", token), "invalid_token");
		}

		@Test
		void shouldRefuseATokenSignedByAnotherKey() throws Exception {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			String keyId = SignedJWT.parse(tokens.accessToken()).getHeader().getKeyID();
			JwtEncoder forger = NimbusJwtEncoder
				.withKeyPair((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate())
				.jwkPostProcessor((key) -> key.keyID(keyId))
				.build();
			expectUnauthorized(api.get("/api/v1/users/me", sign(forger, (claims) -> {
			})), "invalid_token");
		}

		@Test
		void shouldRefuseATokenForAnotherAudience() throws ParseException {
			String token = sign(encoder, (claims) -> claims.audience(List.of("some-other-api")));
			expectUnauthorized(api.get("/api/v1/users/me", token), "invalid_token");
		}

		@Test
		void shouldRefuseATokenFromAnotherIssuer() throws ParseException {
			String token = sign(encoder, (claims) -> claims.issuer("https://evil.example"));
			expectUnauthorized(api.get("/api/v1/users/me", token), "invalid_token");
		}

		@Test
		void shouldRefuseATokenWithoutExpiry() throws ParseException {
			String token = sign(encoder, (claims) -> claims.claims((all) -> all.remove("exp")));
			expectUnauthorized(api.get("/api/v1/users/me", token), "invalid_token");
		}

		@Test
		void shouldRefuseProtectedEndpointsWithoutAToken() {
			expectUnauthorized(api.client().get().uri("/api/v1/users/1").exchange(), "Bearer");
			expectUnauthorized(api.client().get().uri("/api/v1/users/by-handle/someone").exchange(), "Bearer");
			expectUnauthorized(api.client()
				.patch()
				.uri("/api/v1/users/me")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("bio", "x"))
				.exchange(), "Bearer");
			expectUnauthorized(api.client()
				.post()
				.uri("/internal/users/batch")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("ids", List.of("1")))
				.exchange(), "Bearer");
		}

		private String sign(JwtEncoder with, Consumer<JwtClaimsSet.Builder> customizer) throws ParseException {
			String keyId = SignedJWT.parse(tokens.accessToken()).getHeader().getKeyID();
			Instant now = Instant.now();
			JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
				.issuer(ISSUER)
				.subject(account.id())
				.audience(List.of(AUDIENCE))
				.issuedAt(now)
				.expiresAt(now.plus(Duration.ofMinutes(15)))
				.id(UUID.randomUUID().toString());
			customizer.accept(claims);
			JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
			return with.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		}

		private void expectUnauthorized(RestTestClient.ResponseSpec response, String challenge) {
			response.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
				.expectHeader()
				.valueMatches(HttpHeaders.WWW_AUTHENTICATE, ".*" + challenge + ".*")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://murmur.example/problems/unauthorized")
				.jsonPath("$.status")
				.isEqualTo(401);
		}

	}

	@Test
	void shouldChangeOnlyTheProfileOfTheTokensSubject() {
		Account other = this.api.register();
		this.api.client()
			.patch()
			.uri("/api/v1/users/me")
			.headers((headers) -> headers.setBearerAuth(this.tokens.accessToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("displayName", "Changed by A", "id", other.id(), "handle", other.user().handle()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(this.account.id())
			.jsonPath("$.displayName")
			.isEqualTo("Changed by A");

		this.api.get("/api/v1/users/" + other.id(), this.tokens.accessToken())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.displayName")
			.isEqualTo(other.user().displayName());
		this.api.get("/api/v1/users/" + this.account.id(), this.tokens.accessToken())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.displayName")
			.isEqualTo("Changed by A");
	}

	@Test
	void shouldOfferNoWayToWriteAnotherUsersProfile() {
		Account other = this.api.register();
		this.api.client()
			.patch()
			.uri("/api/v1/users/" + other.id())
			.headers((headers) -> headers.setBearerAuth(this.tokens.accessToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("displayName", "Hijacked"))
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
