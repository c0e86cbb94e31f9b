package io.murmur.acceptance;

import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.acceptance.Api.Account;
import io.murmur.acceptance.Api.Response;
import io.murmur.reliability.auth.AuthMatrixRun;
import io.murmur.reliability.auth.BadToken;
import io.murmur.reliability.openapi.Operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auth matrix, generated from the operations every service publishes so that a new
 * route cannot be forgotten: each protected operation with no token, garbage,
 * {@code alg: none}, a bad signature, an expired token, a wrong audience, a wrong issuer
 * and a service's token, at the gateway and at its service directly. And one user acting
 * on another's things, where the subject always comes from the token.
 */
class AuthMatrixAcceptanceTests {

	@Test
	void shouldRefuseEveryBadTokenOnEveryProtectedRouteAtTheGatewayAndAtEachService() {
		MurmurPlatform platform = MurmurPlatform.get();
		List<Operation> operations = ServiceDocuments.operations(platform);
		Account someone = new Api(platform.gatewayUrl()).newAccount();
		RSAKey key = platform.signingKey();
		String serviceToken = ServiceTokenAcceptanceTests.serviceToken(platform);
		AuthMatrixRun.Result result = new AuthMatrixRun(operations, platform.gatewayUrl(),
				ServiceDocuments.urls(platform))
			.run(key, Tokens.ISSUER, Tokens.AUDIENCE, someone.id(), serviceToken);
		System.out.printf("Auth matrix: %d operations (%d protected), %d cases, %d holes%n", result.operations(),
				result.protectedOperations(), result.cases(), result.holes());

		assertThat(result.protectedOperations()).isGreaterThan(30);
		assertThat(result.cases()).isGreaterThan(2 * 30 * (BadToken.values().length + 1));
		assertThat(result.holes())
			.as("auth holes (by target and token: %s), the first ones:%n%s", result.byKind(),
					String.join("\n", result.examples()))
			.isZero();
	}

	/**
	 * User A acting on user B's things, through the gateway and at the service directly:
	 * refused or applied to A's own, never to B's.
	 */
	@Nested
	class OtherUsersThings {

		final MurmurPlatform platform = MurmurPlatform.get();

		final Api gateway = new Api(this.platform.gatewayUrl());

		final Account a = this.gateway.newAccount();

		final Account b = this.gateway.newAccount();

		@Test
		void shouldNotLetOneUserDeleteAnothersPost() {
			String post = this.gateway.post("/api/v1/posts", "{\"text\":\"mine alone\"}", this.b.accessToken())
				.json()
				.get("id")
				.asString();
			for (Api api : List.of(this.gateway, new Api(this.platform.postServiceUrl()))) {
				Response deleted = api.delete("/api/v1/posts/" + post, this.a.accessToken());
				assertThat(deleted.status()).as(deleted.toString()).isIn(403, 404);
				assertThat(deleted.contentType()).startsWith("application/problem+json");
			}
			assertThat(this.gateway.get("/api/v1/posts/" + post, this.b.accessToken()).status()).isEqualTo(200);
		}

		@Test
		void shouldNotLetOneUserPatchAnothersProfile() {
			for (Api api : List.of(this.gateway, new Api(this.platform.userServiceUrl()))) {
				Response patched = api.patch("/api/v1/users/" + this.b.id(), "{\"displayName\":\"Taken over\"}",
						this.a.accessToken());
				assertThat(patched.status()).as(patched.toString()).isIn(403, 404, 405);
				assertThat(patched.contentType()).startsWith("application/problem+json");
				assertThat(
						api.patch("/api/v1/users/me", "{\"displayName\":\"Only me\"}", this.a.accessToken()).status())
					.isEqualTo(200);
			}
			JsonNode profile = this.gateway.get("/api/v1/users/" + this.b.id(), this.b.accessToken()).json();
			assertThat(profile.get("displayName").asString()).isEqualTo("User " + this.b.handle());
		}

		@Test
		void shouldNotLetOneUserMarkAnothersNotificationsRead() {
			assertThat(
					this.gateway.post("/api/v1/users/" + this.b.id() + "/follow", null, this.a.accessToken()).status())
				.isEqualTo(204);
			await().atMost(Duration.ofSeconds(30)).until(() -> unread(this.b) > 0);
			String newest = this.gateway.get("/api/v1/notifications", this.b.accessToken())
				.json()
				.get("items")
				.get(0)
				.get("id")
				.asString();
			for (Api api : List.of(this.gateway, new Api(this.platform.notificationServiceUrl()))) {
				Response read = api.post("/api/v1/notifications/read", "{\"upTo\":\"" + newest + "\"}",
						this.a.accessToken());
				assertThat(read.status()).as(read.toString()).isLessThan(500);
			}
			assertThat(unread(this.b)).isGreaterThan(0);
		}

		@Test
		void shouldNotLetOneUserReplaceAnothersWebhook() {
			Response registered = this.gateway.send("PUT", "/api/v1/notifications/push",
					"{\"url\":\"http://127.0.0.1:9/b-hook\"}", this.b.accessToken());
			assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
			for (Api api : List.of(this.gateway, new Api(this.platform.notificationServiceUrl()))) {
				assertThat(api
					.send("PUT", "/api/v1/notifications/push", "{\"url\":\"http://127.0.0.1:9/a-hook\"}",
							this.a.accessToken())
					.status()).isEqualTo(200);
				assertThat(api.delete("/api/v1/notifications/push", this.a.accessToken()).status()).isLessThan(300);
			}
			Response mine = this.gateway.get("/api/v1/notifications/push", this.b.accessToken());
			assertThat(mine.json().get("url").asString()).isEqualTo("http://127.0.0.1:9/b-hook");
		}

		@Test
		void shouldNotLetOneUserAttachAnothersMedia() throws Exception {
			Response uploaded = MediaUploads.upload(this.platform.gatewayUrl(), this.b.accessToken(),
					MediaAcceptanceTests.jpeg(64, 48));
			assertThat(uploaded.status()).as(uploaded.toString()).isIn(201, 202);
			String media = uploaded.json().get("id").asString();
			for (Api api : List.of(this.gateway, new Api(this.platform.postServiceUrl()))) {
				Response post = api.post("/api/v1/posts",
						"{\"text\":\"look at this\",\"mediaIds\":[\"" + media + "\"]}", this.a.accessToken());
				assertThat(post.status()).as(post.toString()).isEqualTo(422);
				assertThat(post.contentType()).startsWith("application/problem+json");
			}
		}

		private long unread(Account account) {
			return this.gateway.get("/api/v1/notifications/unread-count", account.accessToken())
				.json()
				.get("count")
				.asLong();
		}

	}

}
