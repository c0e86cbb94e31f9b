package io.murmur.graph.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import org.springframework.beans.factory.annotation.Autowired;

import io.murmur.graph.GraphIntegrationTests;
import io.murmur.graph.TimedLoop;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring Data Neo4j costs on the read fan-out repeats most: a page of 5,000 follower
 * ids, read through {@link FanOutRepository} (a {@code Neo4jClient} query in a
 * Spring-managed read transaction) against the same query in the bare driver's managed
 * read transaction, alternately, on a user with 20,000 followers. Not a test of behaviour
 * and too slow for every build: it runs with {@code -Dmurmur.neo4j.cost=true} and prints
 * the medians.
 * <p>
 * On 2026-12-06, on the two shared cores under a load average of about 30, a walk of the
 * 20,000 ids took 211.8 ms through Spring Data Neo4j and 196.8 ms through the driver
 * (median of 100, ratio 1.08): fan-out reads go through Spring Data Neo4j too.
 */
@EnabledIfSystemProperty(named = "murmur.neo4j.cost", matches = "true")
class FollowerIdsCostIntegrationTests extends GraphIntegrationTests {

	private static final int FOLLOWERS = 20_000;

	private static final int PAGE = 5_000;

	@Autowired
	Driver driver;

	@Autowired
	FanOutRepository repository;

	@Test
	void shouldReadFollowerIdsThroughSpringDataAboutAsFastAsThroughTheDriver() {
		long star = newUser();
		FanOutIntegrationTests.loadFollowers(this.driver, star, star + 1_000_000_000L, FOLLOWERS);

		TimedLoop.Comparison comparison = TimedLoop.compare("follower ids, " + FOLLOWERS + " in pages of " + PAGE, 30,
				100,
				() -> assertThat(walk((after) -> this.repository.followerIds(star, after, PAGE))).isEqualTo(FOLLOWERS),
				() -> assertThat(walk((after) -> driverPage(star, after))).isEqualTo(FOLLOWERS));

		assertThat(comparison.ratio()).isLessThan(1.25);
	}

	private List<Long> driverPage(long star, long after) {
		try (Session session = this.driver.session()) {
			return session.executeRead(
					(tx) -> tx.run(FanOutRepository.FOLLOWER_IDS, Map.of("user", star, "after", after, "limit", PAGE))
						.list((row) -> row.get("id").asLong()));
		}
	}

	private static int walk(PageReader reader) {
		List<Long> all = new ArrayList<>();
		long after = 0;
		List<Long> page;
		do {
			page = reader.read(after);
			all.addAll(page);
			after = page.isEmpty() ? after : page.get(page.size() - 1);
		}
		while (page.size() == PAGE);
		return all.size();
	}

	@FunctionalInterface
	private interface PageReader {

		List<Long> read(long after);

	}

}
