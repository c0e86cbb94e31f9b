package io.murmur.benchmarks.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The run's service token, from user-service's client-credentials endpoint, fetched again
 * a minute before it expires.
 */
public final class ServiceToken {

	private final URI tokenUri;

	private final String basic;

	private @Nullable String token;

	private Instant renewAt = Instant.MIN;

	ServiceToken(URI tokenUri, String clientId, String secret) {
		this.tokenUri = tokenUri;
		String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
				+ URLEncoder.encode(secret, StandardCharsets.UTF_8);
		this.basic = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A valid service token.
	 * @return the token
	 */
	public synchronized String bearer() {
		if (this.token == null || Instant.now().isAfter(this.renewAt)) {
			HttpRequest.Builder request = HttpRequest.newBuilder(this.tokenUri)
				.header("Authorization", this.basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=internal"));
			JsonNode answer = Http.send(request, null, 200);
			this.token = answer.path("access_token").asString();
			this.renewAt = Instant.now()
				.plus(Duration.ofSeconds(answer.path("expires_in").asLong(300)))
				.minus(Duration.ofMinutes(1));
		}
		return this.token;
	}

}
