package io.murmur.graph.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.murmur.graph.GraphIntegrationTests;
import io.murmur.graph.QueryPlans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal reads feed-service fans out with.
 */
class FanOutIntegrationTests extends GraphIntegrationTests {

	private static final int FOLLOWERS = 20_000;

	@Autowired
	Driver driver;

	@Test
	void shouldListEveryFollowerIdOnceInAscendingOrderPageByPage() {
		long star = newUser();
		long firstFollower = star + 1_000_000_000L;
		loadFollowers(this.driver, star, firstFollower, FOLLOWERS);

		List<Long> seen = new ArrayList<>();
		int pages = 0;
		String after = null;
		do {
			JsonNode page = as(star, "GET",
					"/internal/users/" + star + "/follower-ids?limit=3000" + ((after != null) ? "&after=" + after : ""))
				.json();
			assertThat(page.get("items").size()).isLessThanOrEqualTo(3000);
			page.get("items").forEach((id) -> seen.add(Long.parseLong(id.asString())));
			after = page.get("nextAfter").isNull() ? null : page.get("nextAfter").asString();
			pages++;
		}
		while (after != null);

		assertThat(pages).isEqualTo(7);
		assertThat(seen).hasSize(FOLLOWERS).doesNotHaveDuplicates().isSorted();
		assertThat(seen.get(0)).isEqualTo(firstFollower);
		assertThat(seen.get(FOLLOWERS - 1)).isEqualTo(firstFollower + FOLLOWERS - 1);
		assertThat(as(star, "GET", "/internal/users/" + star + "/counts").json().get("followersCount").asLong())
			.isEqualTo(FOLLOWERS);
	}

	/**
	 * Gives a user followers with consecutive ids, created in descending id order so that
	 * the index, not the order of creation, sorts them, and counts them.
	 */
	static void loadFollowers(Driver driver, long star, long firstFollower, int count) {
		try (Session session = driver.session()) {
			session.executeWriteWithoutResult((tx) -> tx.run("""
					MERGE (s:User {id: $star}) ON CREATE SET s.followersCount = 0, s.followingCount = 0
					WITH s
					UNWIND range($first + $count - 1, $first, -1) AS id
					MERGE (f:User {id: id}) ON CREATE SET f.followersCount = 0, f.followingCount = 1
					CREATE (f)-[:FOLLOWS {followerId: id, followeeId: $star, since: 1700000000000 + id % 1000}]->(s)
					WITH s, count(*) AS created
					SET s.followersCount = s.followersCount + created
					""", Map.of("star", star, "first", firstFollower, "count", count)).consume());
		}
	}

	@Test
	void shouldSeekFollowerIdsInIndexOrderWithoutReadingOrSortingThemAll() {
		QueryPlans.assertSeeksInIndexOrder(this.driver, FanOutRepository.FOLLOWER_IDS,
				Map.of("user", 1L, "after", 0L, "limit", 1001));
	}

	@Test
	void shouldListEveryFolloweeIdOnceOldestFollowFirstPageByPage() {
		long reader = newUser();
		List<Long> followees = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long followee = newUser();
			followees.add(followee);
			as(reader, "POST", "/api/v1/users/" + followee + "/follow");
		}
		as(newUser(), "POST", "/api/v1/users/" + reader + "/follow");

		List<Long> seen = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = as(reader, "GET",
					"/internal/users/" + reader + "/followee-ids?limit=2" + ((after != null) ? "&after=" + after : ""))
				.json();
			assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
			page.get("items").forEach((id) -> seen.add(Long.parseLong(id.asString())));
			after = page.get("nextAfter").isNull() ? null : page.get("nextAfter").asString();
		}
		while (after != null);

		assertThat(seen).containsExactlyElementsOf(followees);
	}

	@Test
	void shouldSeekFolloweeIdsInIndexOrderWithoutReadingOrSortingThemAll() {
		QueryPlans.assertSeeksInIndexOrder(this.driver, FanOutRepository.FOLLOWEE_IDS,
				Map.of("user", 1L, "since", -1L, "after", 0L, "limit", 1001));
	}

	@Test
	void shouldListTheFolloweesWithAtLeastTheThresholdOfFollowers() {
		long reader = newUser();
		long celebrity = newUser();
		long friend = newUser();
		as(reader, "POST", "/api/v1/users/" + celebrity + "/follow");
		as(reader, "POST", "/api/v1/users/" + friend + "/follow");
		as(newUser(), "POST", "/api/v1/users/" + celebrity + "/follow");
		as(newUser(), "POST", "/api/v1/users/" + celebrity + "/follow");

		JsonNode items = as(reader, "GET", "/internal/users/" + reader + "/celebrity-followees?threshold=3").json()
			.get("items");

		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("id").asString()).isEqualTo(Long.toString(celebrity));
		assertThat(items.get(0).get("followersCount").asLong()).isEqualTo(3);
	}

}
