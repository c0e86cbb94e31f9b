package io.murmur.acceptance;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.murmur.acceptance.Api.Account;
import io.murmur.acceptance.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's way through sign-up, sign-in, their profile and sign-out, through the
 * gateway.
 */
class IdentityJourneyAcceptanceTests {

	final Api api = new Api(MurmurPlatform.get().gatewayUrl());

	@Test
	void shouldRegisterLoginEditProfileRefreshAndLogout() {
		String handle = "Journey_" + UUID.randomUUID().toString().substring(0, 8);
		Response registered = this.api.post("/api/v1/auth/register",
				"""
						{"handle":"%s","email":"%s@Example.com","password":"a long and unusual pass phrase","displayName":"Journey"}
						"""
					.formatted(handle, handle),
				null);
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		String id = registered.json().get("id").asString();
		assertThat(id).matches("\\d+");
		assertThat(registered.json().get("handle").asString()).isEqualTo(handle);
		assertThat(registered.json().has("password")).isFalse();

		Response login = this.api.post("/api/v1/auth/login", """
				{"login":"%s","password":"a long and unusual pass phrase"}
				""".formatted(handle.toLowerCase() + "@example.com"), null);
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		assertThat(login.json().get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(login.json().get("expiresIn").asInt()).isEqualTo(900);
		String access = login.json().get("accessToken").asString();
		String refresh = login.json().get("refreshToken").asString();

		Response me = this.api.get("/api/v1/users/me", access);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("id").asString()).isEqualTo(id);
		assertThat(me.json().get("displayName").asString()).isEqualTo("Journey");

		Response patched = this.api.patch("/api/v1/users/me", """
				{"displayName":"Journey Two","bio":"Trying Murmur"}
				""", access);
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/users/" + id, access).json().get("bio").asString()).isEqualTo("Trying Murmur");
		assertThat(this.api.get("/api/v1/users/by-handle/" + handle.toUpperCase(), access).json().get("id").asString())
			.isEqualTo(id);

		Response refreshed = this.api.post("/api/v1/auth/refresh", """
				{"refreshToken":"%s"}
				""".formatted(refresh), null);
		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		String newAccess = refreshed.json().get("accessToken").asString();
		String newRefresh = refreshed.json().get("refreshToken").asString();
		assertThat(newRefresh).isNotEqualTo(refresh);
		assertThat(this.api.get("/api/v1/users/me", newAccess).status()).isEqualTo(200);

		Response logout = this.api.post("/api/v1/auth/logout", """
				{"refreshToken":"%s"}
				""".formatted(newRefresh), newAccess);
		assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
		Response afterLogout = this.api.post("/api/v1/auth/refresh", """
				{"refreshToken":"%s"}
				""".formatted(newRefresh), null);
		assertThat(afterLogout.status()).isEqualTo(401);
		assertThat(afterLogout.contentType()).startsWith("application/problem+json");
	}

	@Test
	void shouldRevokeTheWholeFamilyWhenARotatedRefreshTokenIsReused() {
		Account account = this.api.newAccount();
		Response first = refresh(account.refreshToken());
		assertThat(first.status()).isEqualTo(200);
		String current = first.json().get("refreshToken").asString();

		Response replay = refresh(account.refreshToken());
		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.json().get("type").asString())
			.isEqualTo("https://murmur.example/problems/invalid-refresh-token");

		assertThat(refresh(current).status()).as("the newest token of the family is revoked too").isEqualTo(401);
	}

	@Test
	void shouldNeverLetOneUsersTokenChangeAnother() {
		Account alice = this.api.newAccount();
		Account bob = this.api.newAccount();
		this.api.patch("/api/v1/users/me", "{\"displayName\":\"Alice\",\"id\":\"" + bob.id() + "\"}",
				alice.accessToken());
		assertThat(this.api.get("/api/v1/users/" + bob.id(), bob.accessToken()).json().get("displayName").asString())
			.isEqualTo("User " + bob.handle());
		assertThat(this.api.patch("/api/v1/users/" + bob.id(), "{\"displayName\":\"Hacked\"}", alice.accessToken())
			.status()).isIn(404, 405);
		assertThat(this.api.get("/api/v1/users/" + bob.id(), bob.accessToken()).json().get("displayName").asString())
			.isEqualTo("User " + bob.handle());
	}

	private Response refresh(String token) {
		return this.api.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + token + "\"}", null);
	}

}
