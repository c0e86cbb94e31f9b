package io.murmur.post;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import io.murmur.post.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's timeline across month buckets, with posts written in past months through a
 * clock the test sets. Runs in its own application context with its own worker id, so its
 * ids never collide with those of the other tests' context. The tests that set the clock
 * run in the order of the months they use, because ids never go back in time.
 */
@TestPropertySource(properties = "murmur.post.worker-id=7")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimelineIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MutableClock clock;

	@Test
	@Order(1)
	void shouldPageNewestFirstAcrossMonthsWithoutGapsOrDuplicates() {
		long author = Api.newUser();
		long reader = Api.newUser();
		ZonedDateTime start = ZonedDateTime.of(2025, 1, 10, 12, 0, 0, 0, ZoneOffset.UTC);
		List<String> written = new ArrayList<>();
		int[][] plan = { { 0, 2 }, { 2, 3 }, { 5, 2 } };
		for (int[] month : plan) {
			this.clock.set(start.plusMonths(month[0]).toInstant());
			for (int i = 0; i < month[1]; i++) {
				JsonNode post = this.api.create(author, Api.text("month +" + month[0] + " post " + i));
				written.add(post.get("id").asString());
			}
		}
		this.clock.set(Instant.now());
		assertThat(this.api.get("/api/v1/posts/" + written.get(0), reader).json().get("createdAt").asString())
			.startsWith("2025-01-10T12:00");

		List<String> read = new ArrayList<>();
		List<Integer> pageSizes = new ArrayList<>();
		String cursor = null;
		do {
			Response page = this.api.get(
					"/api/v1/users/" + author + "/posts?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""),
					reader);
			assertThat(page.status()).isEqualTo(200);
			List<String> ids = PostApiIntegrationTests.ids(page.json());
			pageSizes.add(ids.size());
			read.addAll(ids);
			cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
		}
		while (cursor != null && read.size() < 20);

		assertThat(read).containsExactlyElementsOf(written.reversed());
		assertThat(new HashSet<>(read)).hasSize(7);
		assertThat(pageSizes).containsExactly(2, 2, 2, 1);
	}

	@Test
	@Order(2)
	void shouldMergeTheTimelinesOfManyAuthorsNewestFirstAcrossMonths() {
		long alice = Api.newUser();
		long bob = Api.newUser();
		long reader = Api.newUser();
		ZonedDateTime start = ZonedDateTime.of(2025, 9, 5, 8, 0, 0, 0, ZoneOffset.UTC);
		this.clock.set(start.toInstant());
		String aliceOld = this.api.create(alice, Api.text("alice in March")).get("id").asString();
		this.clock.set(start.plusMonths(1).toInstant());
		String bobPost = this.api.create(bob, Api.text("bob in April")).get("id").asString();
		this.clock.set(start.plusMonths(2).toInstant());
		String reply = this.api.create(alice, "{\"text\":\"alice answers bob\",\"replyTo\":\"" + bobPost + "\"}")
			.get("id")
			.asString();
		this.clock.set(start.plusMonths(2).plusDays(1).toInstant());
		assertThat(this.api.post("/api/v1/posts/" + aliceOld + "/repost", bob, null).status()).isEqualTo(204);
		this.clock.set(Instant.now());

		JsonNode all = this.api
			.post("/internal/posts/timelines", reader,
					"{\"authorIds\":[\"" + alice + "\",\"" + bob + "\"],\"limit\":10}")
			.json()
			.get("items");
		assertThat(all).as(all::toString).hasSize(4);
		JsonNode repost = all.get(0);
		assertThat(repost.get("authorId").asString()).isEqualTo(Long.toString(bob));
		assertThat(repost.get("repostOf").asString()).isEqualTo(aliceOld);
		assertThat(repost.get("repostOfAuthorId").asString()).isEqualTo(Long.toString(alice));
		assertThat(all.get(1).get("id").asString()).isEqualTo(reply);
		assertThat(all.get(1).get("replyToAuthorId").asString()).isEqualTo(Long.toString(bob));
		assertThat(all.get(2).get("id").asString()).as(all::toString).isEqualTo(bobPost);
		assertThat(all.get(3).get("id").asString()).isEqualTo(aliceOld);

		String until = start.plusMonths(1).plusMinutes(1).toInstant().toString();
		JsonNode older = this.api
			.post("/internal/posts/timelines", reader,
					"{\"authorIds\":[\"" + alice + "\",\"" + bob + "\"],\"until\":\"" + until + "\",\"limit\":1}")
			.json()
			.get("items");
		assertThat(older).hasSize(1);
		assertThat(older.get(0).get("id").asString()).isEqualTo(bobPost);
	}

	@Test
	void shouldRefuseTimelinesOfMalformedAuthorIds() {
		Response response = this.api.post("/internal/posts/timelines", Api.newUser(),
				"{\"authorIds\":[\"abc\"],\"limit\":10}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void shouldReturnAnEmptyPageForAUserWithoutPosts() {
		Response page = this.api.get("/api/v1/users/" + Api.newUser() + "/posts", Api.newUser());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("items").size()).isZero();
		assertThat(page.json().get("nextCursor").isNull()).isTrue();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock();
		}

	}

}
