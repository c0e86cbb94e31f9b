package io.murmur.localstack.platform.seed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import io.murmur.localstack.platform.ServiceClients;

/**
 * The seeding's service token, from user-service's client-credentials endpoint, fetched
 * again a minute before it expires.
 */
final class ServiceToken {

	private final SeedClient users;

	private final String basic;

	private @Nullable String token;

	private Instant renewAt = Instant.MIN;

	ServiceToken(SeedClient users, ClientCredentials client) {
		this.users = users;
		String credentials = URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8) + ":"
				+ URLEncoder.encode(client.clientSecret(), StandardCharsets.UTF_8);
		this.basic = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A valid service token.
	 * @return the token
	 * @throws SeedException if user-service refuses the client
	 */
	synchronized String get() {
		if (this.token == null || Instant.now().isAfter(this.renewAt)) {
			SeedClient.Reply answer = this.users.postForm(ServiceClients.TOKEN_PATH,
					"grant_type=client_credentials&scope=internal", this.basic, 200, 401);
			if (answer.status() == 401) {
				throw new SeedException("user-service does not know the platform's service client: "
						+ answer.body().path("error_description").asText()
						+ ". Restart the platform (./platform down, then ./platform up) and seed again.");
			}
			this.token = answer.text("access_token");
			this.renewAt = Instant.now()
				.plus(Duration.ofSeconds(answer.body().path("expires_in").asLong(300)))
				.minus(Duration.ofMinutes(1));
		}
		return this.token;
	}

}
