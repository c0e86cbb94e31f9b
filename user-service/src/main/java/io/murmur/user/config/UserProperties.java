package io.murmur.user.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything about user-service that differs between environments, under
 * {@code murmur.user}. The defaults in {@code application.yml} suit a local run; each can
 * be overridden by an environment variable.
 *
 * @param jwt how access tokens are signed
 * @param refreshToken how long refresh tokens live
 * @param loginThrottle how failed logins are throttled
 * @param web limits and trust at the HTTP edge
 * @param passwordHashing how much of the machine hashing passwords may take
 * @param serviceClients the services that may get a service token with their client
 * credentials; none by default
 */
@Validated
@ConfigurationProperties("murmur.user")
public record UserProperties(@Valid @NotNull Jwt jwt, @Valid @NotNull RefreshToken refreshToken,
		@Valid @NotNull LoginThrottle loginThrottle, @Valid @NotNull Web web,
		@Valid @NotNull PasswordHashing passwordHashing, @Nullable List<@Valid ServiceClient> serviceClients) {

	public UserProperties {
		serviceClients = (serviceClients != null) ? List.copyOf(serviceClients) : List.of();
	}

	/**
	 * Access tokens: RS256 JWTs signed with the active key; every configured key's public
	 * half is published in the JWKS so that a key can be rotated without invalidating the
	 * tokens it signed. The issuer and the audiences written are those every service
	 * checks, {@code murmur.security.jwt.*}.
	 *
	 * @param accessTokenTtl how long a user's access token is valid
	 * @param serviceTokenTtl how long a service token is valid
	 * @param activeKeyId the {@code kid} of the key that signs new tokens; may be empty
	 * when exactly one key is configured
	 * @param keys the RSA keys; when there are none, a development key is generated at
	 * start-up
	 */
	public record Jwt(@NotNull Duration accessTokenTtl, @NotNull Duration serviceTokenTtl, @Nullable String activeKeyId,
			@Nullable List<@Valid Key> keys) {

		public Jwt {
			keys = (keys != null) ? List.copyOf(keys) : List.of();
		}

		/**
		 * One RSA key. Each half is either PEM text or the location of a PEM file
		 * ({@code file:/run/secrets/jwt.pem}, {@code classpath:...}). The private key is
		 * PKCS#8 ({@code BEGIN PRIVATE KEY}); the public key ({@code BEGIN PUBLIC KEY})
		 * may be left out when the private key is given. A retired key keeps only its
		 * public half until the tokens it signed have expired.
		 *
		 * @param id the key id, published as {@code kid}
		 * @param privateKey the private key, or {@code null} for a verification-only key
		 * @param publicKey the public key, or {@code null} to derive it from the private
		 * key
		 */
		public record Key(@NotBlank String id, @Nullable String privateKey, @Nullable String publicKey) {

		}

	}

	/**
	 * Refresh tokens.
	 *
	 * @param ttl how long a refresh token may be used; each refresh issues a new one with
	 * a fresh lifetime
	 */
	public record RefreshToken(@NotNull Duration ttl) {

	}

	/**
	 * Throttling of failed logins, counted in PostgreSQL so that every replica sees the
	 * same counts.
	 *
	 * @param window how far back failures count
	 * @param maxFailuresPerAccount failures of one account within the window before its
	 * logins are refused
	 * @param maxFailuresPerClient failures from one client address within the window
	 * before its logins are refused
	 */
	public record LoginThrottle(@NotNull Duration window, @Min(1) int maxFailuresPerAccount,
			@Min(1) int maxFailuresPerClient) {

	}

	/**
	 * The HTTP edge.
	 *
	 * @param trustedProxies addresses or CIDR ranges of the proxies (the gateway) whose
	 * {@code X-Forwarded-For} header names the client
	 */
	public record Web(@NotEmpty List<@NotBlank String> trustedProxies) {

	}

	/**
	 * Password hashing: each Argon2id hash is CPU-bound for tens of milliseconds and
	 * holds 19 MiB, so a burst of sign-ins that hashed on every core at once would stall
	 * every other request of the service until it is through.
	 *
	 * @param concurrency how many hashes are computed at once; 0 for half the processors,
	 * at least one
	 */
	public record PasswordHashing(@Min(0) int concurrency) {

		/**
		 * How many hashes are computed at once on this machine.
		 * @return the configured number, or half the processors and at least one
		 */
		public int effectiveConcurrency() {
			return (this.concurrency > 0) ? this.concurrency
					: Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
		}

	}

	/**
	 * A service that may get service tokens (OAuth 2.0 client credentials) for other
	 * services' {@code /internal/**} endpoints. The secret comes from the environment
	 * ({@code MURMUR_USER_SERVICECLIENTS_0_ID},
	 * {@code MURMUR_USER_SERVICECLIENTS_0_SECRET}, ...), never from a committed file. It
	 * is either the secret itself, which is hashed at start-up and not kept, or
	 * {@code {sha256}} followed by the hex SHA-256 of the secret, so that user-service
	 * never sees the secret.
	 *
	 * @param id the client id; the token's subject is {@code service:<id>}
	 * @param secret the secret or its {@code {sha256}} hash
	 */
	public record ServiceClient(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String id,
			@NotBlank String secret) {

		@Override
		public String toString() {
			return "ServiceClient[id=" + this.id + ", secret=(hidden)]";
		}

	}

}
