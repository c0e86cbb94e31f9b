package io.murmur.acceptance;

import org.junit.jupiter.api.Test;

import io.murmur.acceptance.Api.Account;
import io.murmur.acceptance.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following and unfollowing through the gateway, against graph-service on a real Neo4j.
 */
class SocialGraphAcceptanceTests {

	final Api api = new Api(MurmurPlatform.get().gatewayUrl());

	@Test
	void shouldFollowListRelateAndUnfollow() {
		Account alice = this.api.newAccount();
		Account bob = this.api.newAccount();
		Account carol = this.api.newAccount();

		assertThat(follow(alice, bob).status()).isEqualTo(204);
		assertThat(follow(alice, bob).status()).as("following again changes nothing").isEqualTo(204);
		assertThat(follow(carol, bob).status()).isEqualTo(204);

		Response profile = this.api.get("/api/v1/users/" + bob.id(), alice.accessToken());
		assertThat(profile.json().get("followersCount").asLong()).isEqualTo(2);
		assertThat(profile.json().get("followingCount").asLong()).isZero();
		assertThat(this.api.get("/api/v1/users/me", alice.accessToken()).json().get("followingCount").asLong())
			.isEqualTo(1);

		Response followers = this.api.get("/api/v1/users/" + bob.id() + "/followers?limit=1", bob.accessToken());
		assertThat(followers.status()).isEqualTo(200);
		assertThat(followers.json().get("items").findValuesAsString("id")).containsExactly(carol.id());
		String cursor = followers.json().get("nextCursor").asString();
		Response next = this.api.get("/api/v1/users/" + bob.id() + "/followers?limit=1&cursor=" + cursor,
				bob.accessToken());
		assertThat(next.json().get("items").findValuesAsString("id")).containsExactly(alice.id());
		assertThat(this.api.get("/api/v1/users/" + alice.id() + "/following", alice.accessToken())
			.json()
			.get("items")
			.findValuesAsString("id")).containsExactly(bob.id());

		Response relationships = this.api.get("/api/v1/relationships?ids=" + alice.id() + "," + carol.id(),
				bob.accessToken());
		assertThat(relationships.status()).isEqualTo(200);
		assertThat(relationships.json().get("items").get(0).get("followedBy").asBoolean()).isTrue();
		assertThat(relationships.json().get("items").get(0).get("following").asBoolean()).isFalse();

		assertThat(this.api.delete("/api/v1/users/" + bob.id() + "/follow", alice.accessToken()).status())
			.isEqualTo(204);
		assertThat(this.api.delete("/api/v1/users/" + bob.id() + "/follow", alice.accessToken()).status())
			.isEqualTo(204);
		assertThat(this.api.get("/api/v1/users/" + bob.id() + "/followers", bob.accessToken())
			.json()
			.get("items")
			.findValuesAsString("id")).containsExactly(carol.id());
	}

	@Test
	void shouldRefuseSelfFollowsUnknownUsersAndBadInput() {
		Account alice = this.api.newAccount();
		Response self = follow(alice, alice);
		assertThat(self.status()).isEqualTo(400);
		assertThat(self.contentType()).startsWith("application/problem+json");
		Response unknown = this.api.post("/api/v1/users/987654321987/follow", null, alice.accessToken());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(this.api.post("/api/v1/users/abc/follow", null, alice.accessToken()).status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/users/" + alice.id() + "/followers?limit=1000", alice.accessToken()).status())
			.isEqualTo(400);
		assertThat(this.api.get("/api/v1/users/" + alice.id() + "/followers?cursor=no-such-cursor", alice.accessToken())
			.status()).isEqualTo(400);
	}

	private Response follow(Account who, Account whom) {
		return this.api.post("/api/v1/users/" + whom.id() + "/follow", null, who.accessToken());
	}

}
