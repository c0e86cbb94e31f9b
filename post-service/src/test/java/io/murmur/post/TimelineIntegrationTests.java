package io.murmur.post;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
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
 * ids never collide with those of the other tests' context.
 */
@TestPropertySource(properties = "murmur.post.worker-id=7")
class TimelineIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MutableClock clock;

	@Test
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
