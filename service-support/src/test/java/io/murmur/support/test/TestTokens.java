package io.murmur.support.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * Access tokens signed the way user-service signs them, with a key the tests hold, and a
 * stand-in for user-service's JWKS ({@value #JWKS_PATH}) and token endpoint
 * ({@value #TOKEN_PATH}, client credentials with HTTP Basic) on a free loopback port.
 * Point a service at it with {@link #properties()} (and, for a service client,
 * {@link #serviceClientProperties(String)}).
 */
public final class TestTokens implements AutoCloseable {

	public static final String ISSUER = "murmur-user-service";

	public static final String AUDIENCE = "murmur-api";

	public static final String INTERNAL_AUDIENCE = "murmur-internal";

	public static final String JWKS_PATH = "/.well-known/jwks.json";

	public static final String TOKEN_PATH = "/internal/oauth2/token";

	private static final Duration LIFETIME = Duration.ofMinutes(15);

	private final RSAKey key;

	private final HttpServer server;

	private final Map<String, String> clientSecrets = new ConcurrentHashMap<>();

	private final AtomicInteger serviceTokensIssued = new AtomicInteger();

	private volatile Duration serviceTokenLifetime = LIFETIME;

	private volatile boolean tokenEndpointDown;

	private volatile boolean keysDown;

	private final AtomicInteger keyFetches = new AtomicInteger();

	private TestTokens(RSAKey key) {
		this.key = key;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext(JWKS_PATH, this::jwks);
		this.server.createContext(TOKEN_PATH, this::token);
		this.server.start();
	}

	/**
	 * A new signing key and the stand-in serving it.
	 * @return the started stand-in
	 */
	public static TestTokens start() {
		return new TestTokens(newKey("test-key"));
	}

	/**
	 * A fresh RSA key, for forging tokens a service must refuse.
	 * @param keyId its {@code kid}
	 * @return the key
	 */
	public static RSAKey newKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The key tokens are signed with, published in the JWKS. */
	public RSAKey key() {
		return this.key;
	}

	/** The stand-in's base URL. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String jwkSetUri() {
		return url() + JWKS_PATH;
	}

	public String tokenUri() {
		return url() + TOKEN_PATH;
	}

	/**
	 * The properties that make a service check tokens against this stand-in.
	 * @return {@code murmur.security.jwt.*}
	 */
	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("murmur.security.jwt.jwk-set-uri", jwkSetUri());
		properties.put("murmur.security.jwt.issuer", ISSUER);
		properties.put("murmur.security.jwt.audience", AUDIENCE);
		properties.put("murmur.security.jwt.internal-audience", INTERNAL_AUDIENCE);
		return properties;
	}

	/**
	 * The properties that make a service a client of this stand-in's token endpoint; the
	 * client is registered with a new secret.
	 * @param clientId the client id
	 * @return {@code murmur.service-client.*}
	 */
	public Map<String, String> serviceClientProperties(String clientId) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("murmur.service-client.token-uri", tokenUri());
		properties.put("murmur.service-client.client-id", clientId);
		properties.put("murmur.service-client.client-secret", registerClient(clientId));
		return properties;
	}

	/**
	 * Registers a client of the token endpoint.
	 * @param clientId the client id
	 * @return its secret
	 */
	public String registerClient(String clientId) {
		return this.clientSecrets.computeIfAbsent(clientId, (id) -> UUID.randomUUID().toString());
	}

	/** How many service tokens the token endpoint has issued. */
	public int serviceTokensIssued() {
		return this.serviceTokensIssued.get();
	}

	/**
	 * Sets the lifetime of the service tokens the token endpoint issues.
	 * @param lifetime the lifetime
	 */
	public void serviceTokenLifetime(Duration lifetime) {
		this.serviceTokenLifetime = lifetime;
	}

	/**
	 * Makes the token endpoint answer 503, or answer again.
	 * @param down whether it fails
	 */
	public void tokenEndpointDown(boolean down) {
		this.tokenEndpointDown = down;
	}

	/**
	 * Makes the JWKS answer 503, as when user-service is down, or answer again.
	 * @param down whether it fails
	 */
	public void keysDown(boolean down) {
		this.keysDown = down;
	}

	/**
	 * How many times the JWKS was asked for, answered or not.
	 * @return the count
	 */
	public int keyFetches() {
		return this.keyFetches.get();
	}

	/**
	 * A valid user token.
	 * @param userId the user
	 * @return the token
	 */
	public String user(long userId) {
		return sign(this.key, Long.toString(userId), ISSUER, AUDIENCE, null, Instant.now().plus(LIFETIME));
	}

	/**
	 * A user token that expired five minutes ago.
	 * @param userId the user
	 * @return the token
	 */
	public String expiredUser(long userId) {
		return sign(this.key, Long.toString(userId), ISSUER, AUDIENCE, null,
				Instant.now().minus(Duration.ofMinutes(5)));
	}

	/**
	 * A user token for another audience.
	 * @param userId the user
	 * @param audience the audience
	 * @return the token
	 */
	public String userForAudience(long userId, String audience) {
		return sign(this.key, Long.toString(userId), ISSUER, audience, null, Instant.now().plus(LIFETIME));
	}

	/**
	 * A valid service token, as user-service issues with client credentials.
	 * @param clientId the client
	 * @return the token
	 */
	public String service(String clientId) {
		return service(clientId, LIFETIME);
	}

	private String service(String clientId, Duration lifetime) {
		return sign(this.key, "service:" + clientId, ISSUER, INTERNAL_AUDIENCE, "internal",
				Instant.now().plus(lifetime));
	}

	/**
	 * Signs a token with any key and claims, for tokens a service must refuse.
	 * @param key the key
	 * @param subject the {@code sub} claim
	 * @param issuer the {@code iss} claim
	 * @param audience the {@code aud} claim
	 * @param scope the {@code scope} claim, or {@code null} for none
	 * @param expiresAt the {@code exp} claim
	 * @return the token
	 */
	public static String sign(RSAKey key, String subject, String issuer, String audience, @Nullable String scope,
			Instant expiresAt) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(issuer)
			.audience(audience)
			.issueTime(Date.from(expiresAt.minus(LIFETIME)))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString());
		if (scope != null) {
			claims.claim("scope", scope);
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				claims.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void jwks(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		this.keyFetches.incrementAndGet();
		if (this.keysDown) {
			send(exchange, 503, "{\"error\":\"temporarily_unavailable\"}");
			return;
		}
		send(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString());
	}

	private void token(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		if (this.tokenEndpointDown) {
			send(exchange, 503, "{\"error\":\"temporarily_unavailable\"}");
			return;
		}
		String clientId = authenticatedClient(exchange.getRequestHeaders().getFirst("Authorization"));
		if (clientId == null) {
			exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"murmur\"");
			send(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		if (!body.contains("grant_type=client_credentials")) {
			send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
			return;
		}
		Duration lifetime = this.serviceTokenLifetime;
		String token = service(clientId, lifetime);
		this.serviceTokensIssued.incrementAndGet();
		send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
				+ lifetime.toSeconds() + "}");
	}

	private @Nullable String authenticatedClient(@Nullable String authorization) {
		if (authorization == null || !authorization.startsWith("Basic ")) {
			return null;
		}
		String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			return null;
		}
		String clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
		String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
		return secret.equals(this.clientSecrets.get(clientId)) ? clientId : null;
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
