package io.murmur.support.client;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own access token for other services' {@code /internal/**} endpoints, got
 * from user-service with the client credentials grant (RFC 6749 §4.4) and kept until
 * shortly before it expires. Thread-safe: callers share one token, and only one of them
 * fetches a new one while the others wait for it. If a refresh fails while the current
 * token is still valid, the current token is used and the refresh retried a few seconds
 * later.
 */
public class ServiceTokens {

	private static final Log log = LogFactory.getLog(ServiceTokens.class);

	/** How long before its expiry a token is replaced, at most half its lifetime. */
	static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(60);

	/** How long to keep using a still valid token after a refresh failed. */
	static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

	private final ServiceClientProperties properties;

	private final HttpClient http;

	private final JsonMapper json;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile @Nullable Token current;

	ServiceTokens(ServiceClientProperties properties, JsonMapper json, Clock clock) {
		this.properties = properties;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The value of an {@code Authorization} header with the service's token.
	 * @return {@code Bearer <token>}
	 * @throws ServiceTokenException if no valid token is at hand and none can be got
	 */
	public String authorizationHeader() {
		return "Bearer " + accessToken();
	}

	/**
	 * The service's access token.
	 * @return the token
	 * @throws ServiceTokenException if no valid token is at hand and none can be got
	 */
	public String accessToken() {
		Token token = this.current;
		if (token != null && token.isFresh(this.clock.instant())) {
			return token.value();
		}
		this.lock.lock();
		try {
			token = this.current;
			Instant now = this.clock.instant();
			if (token != null && token.isFresh(now)) {
				return token.value();
			}
			try {
				Token fetched = fetch(now);
				this.current = fetched;
				return fetched.value();
			}
			catch (ServiceTokenException ex) {
				if (token != null && token.isValid(now)) {
					log.warn("Could not refresh the service token, using the current one until it expires at "
							+ token.expiresAt() + ": " + ex.getMessage());
					this.current = token.retryAt(now.plus(RETRY_AFTER_FAILURE));
					return token.value();
				}
				throw ex;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Forgets the current token, if it is this one, so that the next call fetches a new
	 * one: for a caller whose request was refused with 401, as when user-service's
	 * signing key changed.
	 * @param token the token that was refused
	 */
	public void invalidate(String token) {
		this.lock.lock();
		try {
			Token held = this.current;
			if (held != null && held.value().equals(token)) {
				this.current = null;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private Token fetch(Instant now) {
		HttpRequest request = HttpRequest.newBuilder(this.properties.tokenUri())
			.timeout(this.properties.timeout())
			.header("Authorization", basic(this.properties.clientId(), this.properties.clientSecret()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new ServiceTokenException(
					"The token endpoint " + this.properties.tokenUri() + " did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServiceTokenException("Interrupted while getting a service token", ex);
		}
		JsonNode body = parse(response.body());
		if (response.statusCode() != 200) {
			String error = (body != null && body.hasNonNull("error")) ? body.get("error").asString() : "no error code";
			throw new ServiceTokenException("The token endpoint refused client '" + this.properties.clientId()
					+ "' with " + response.statusCode() + " (" + error + ")");
		}
		if (body == null || !body.hasNonNull("access_token")
				|| !body.path("token_type").asString("").equalsIgnoreCase("Bearer")
				|| body.path("expires_in").asLong(0) <= 0) {
			throw new ServiceTokenException("The token endpoint answered without a bearer token and its lifetime");
		}
		Duration lifetime = Duration.ofSeconds(body.get("expires_in").asLong());
		Duration early = (lifetime.compareTo(REFRESH_BEFORE_EXPIRY.multipliedBy(2)) < 0) ? lifetime.dividedBy(2)
				: REFRESH_BEFORE_EXPIRY;
		Instant expiresAt = now.plus(lifetime);
		return new Token(body.get("access_token").asString(), expiresAt.minus(early), expiresAt);
	}

	private @Nullable JsonNode parse(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String basic(String clientId, String clientSecret) {
		String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
				+ URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A token and when to replace it.
	 *
	 * @param value the token
	 * @param refreshAt from when it is replaced
	 * @param expiresAt when it expires
	 */
	private record Token(String value, Instant refreshAt, Instant expiresAt) {

		boolean isFresh(Instant now) {
			return now.isBefore(this.refreshAt);
		}

		boolean isValid(Instant now) {
			return now.isBefore(this.expiresAt);
		}

		Token retryAt(Instant retryAt) {
			return new Token(this.value, retryAt.isBefore(this.expiresAt) ? retryAt : this.expiresAt, this.expiresAt);
		}

	}

}
