package io.murmur.acceptance;

import org.junit.jupiter.api.Test;

import io.murmur.acceptance.Api.Account;
import io.murmur.acceptance.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posting, reading, liking, reposting, replying and deleting through the gateway, against
 * post-service on a real Cassandra.
 */
class PostsAcceptanceTests {

	final Api api = new Api(MurmurPlatform.get().gatewayUrl());

	@Test
	void shouldCreateReadLikeRepostReplyAndDelete() {
		Account alice = this.api.newAccount();
		Account bob = this.api.newAccount();
		Response created = this.api.post("/api/v1/posts", "{\"text\":\"Hello #murmur from @" + bob.handle() + "\"}",
				alice.accessToken());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(id).matches("\\d+");
		assertThat(created.json().get("hashtags").toString()).contains("murmur");
		assertThat(created.json().get("mentions").toString()).contains(bob.id());

		assertThat(this.api.post("/api/v1/posts/" + id + "/like", null, bob.accessToken()).status()).isEqualTo(204);
		assertThat(this.api.post("/api/v1/posts/" + id + "/like", null, bob.accessToken()).status()).isEqualTo(204);
		assertThat(this.api.post("/api/v1/posts/" + id + "/repost", null, bob.accessToken()).status()).isEqualTo(204);
		Response reply = this.api.post("/api/v1/posts", "{\"text\":\"Welcome!\",\"replyTo\":\"" + id + "\"}",
				bob.accessToken());
		assertThat(reply.status()).isEqualTo(201);

		Response seenByBob = this.api.get("/api/v1/posts/" + id, bob.accessToken());
		assertThat(seenByBob.status()).isEqualTo(200);
		assertThat(seenByBob.json().get("counts").get("likes").asLong()).isEqualTo(1);
		assertThat(seenByBob.json().get("counts").get("reposts").asLong()).isEqualTo(1);
		assertThat(seenByBob.json().get("counts").get("replies").asLong()).isEqualTo(1);
		assertThat(seenByBob.json().get("viewer").get("liked").asBoolean()).isTrue();
		assertThat(
				this.api.get("/api/v1/posts/" + id, alice.accessToken()).json().get("viewer").get("liked").asBoolean())
			.isFalse();

		assertThat(this.api.get("/api/v1/posts/" + id + "/replies", alice.accessToken())
			.json()
			.get("items")
			.findValuesAsString("id")).contains(reply.json().get("id").asString());
		assertThat(this.api.get("/api/v1/users/" + alice.id() + "/posts", alice.accessToken())
			.json()
			.get("items")
			.findValuesAsString("id")).contains(id);

		Response notYours = this.api.delete("/api/v1/posts/" + id, bob.accessToken());
		assertThat(notYours.status()).isEqualTo(403);
		assertThat(notYours.contentType()).startsWith("application/problem+json");
		assertThat(this.api.delete("/api/v1/posts/" + id, alice.accessToken()).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/posts/" + id, alice.accessToken()).status()).isEqualTo(404);
	}

	@Test
	void shouldRefuseBadPostsWithProblems() {
		String token = this.api.newAccount().accessToken();
		assertProblem(this.api.post("/api/v1/posts", "{\"text\":\"" + "a".repeat(281) + "\"}", token), 400);
		assertThat(this.api.post("/api/v1/posts", "{\"text\":\"" + "é".repeat(280) + "\"}", token).status())
			.as("280 characters are fine, whatever their encoded size")
			.isEqualTo(201);
		assertProblem(this.api.post("/api/v1/posts", "{\"text\":\"\"}", token), 400);
		Response unknownParent = this.api.post("/api/v1/posts", "{\"text\":\"hi\",\"replyTo\":\"123456789\"}", token);
		assertThat(unknownParent.status()).isBetween(400, 499);
		assertThat(unknownParent.contentType()).startsWith("application/problem+json");
		assertProblem(this.api.get("/api/v1/posts/not-an-id", token), 400);
		assertProblem(this.api.get("/api/v1/users/1/posts?limit=0", token), 400);
		assertProblem(this.api.get("/api/v1/users/1/posts?limit=101", token), 400);
	}

	private static void assertProblem(Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

}
