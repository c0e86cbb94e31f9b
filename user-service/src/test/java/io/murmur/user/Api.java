package io.murmur.user;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Talks to the service under test over HTTP the way a client does, from its own client
 * address (sent as {@code X-Forwarded-For}, which the service trusts from loopback) so
 * that the login throttle of one test never affects another.
 */
public final class Api {

	public static final String PASSWORD = "correct horse battery staple";

	private static final AtomicInteger counter = new AtomicInteger();

	private final RestTestClient client;

	private final String clientAddress;

	/**
	 * A client of the service on the given port. It uses the JDK's HTTP client, which,
	 * unlike Apache HttpClient, does not silently retry a 429 after its
	 * {@code Retry-After}.
	 * @param port the port the service listens on
	 */
	public Api(int port) {
		this.clientAddress = randomAddress();
		RestTestClient.Builder<?> builder = RestTestClient.bindToServer(new JdkClientHttpRequestFactory());
		builder.baseUrl("http://127.0.0.1:" + port);
		builder.defaultHeader("X-Forwarded-For", this.clientAddress);
		this.client = builder.build();
	}

	public RestTestClient client() {
		return this.client;
	}

	public String clientAddress() {
		return this.clientAddress;
	}

	/**
	 * A handle no other test uses.
	 * @return the handle
	 */
	public static String uniqueHandle() {
		return "u" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "_" + counter.incrementAndGet();
	}

	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	public Account register() {
		String handle = uniqueHandle();
		return register(handle, handle + "@example.com");
	}

	public Account register(String handle, String email) {
		UserJson user = this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("handle", handle, "email", email, "password", PASSWORD))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(UserJson.class)
			.returnResult()
			.getResponseBody();
		return new Account(user, email);
	}

	public TokensJson login(String login, String password) {
		return this.client.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", login, "password", password))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(TokensJson.class)
			.returnResult()
			.getResponseBody();
	}

	public TokensJson login(Account account) {
		return login(account.user().handle(), PASSWORD);
	}

	public RestTestClient.ResponseSpec refresh(String refreshToken) {
		return this.client.post()
			.uri("/api/v1/auth/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("refreshToken", refreshToken))
			.exchange();
	}

	public RestTestClient.ResponseSpec get(String path, String accessToken) {
		return this.client.get().uri(path).headers((headers) -> headers.setBearerAuth(accessToken)).exchange();
	}

	/**
	 * A registered account.
	 *
	 * @param user the user as registration returned it
	 * @param email the email registered with
	 */
	public record Account(UserJson user, String email) {

		public String id() {
			return this.user.id();
		}

	}

	public record UserJson(String id, String handle, String displayName, String bio, String avatarUrl,
			String createdAt) {

	}

	public record TokensJson(String accessToken, String refreshToken, String tokenType, long expiresIn) {

	}

}
