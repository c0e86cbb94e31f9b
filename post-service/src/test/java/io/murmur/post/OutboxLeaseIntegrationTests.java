package io.murmur.post;

import java.time.Duration;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.murmur.events.post.PostCreated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One replica relays the outbox at a time: while another holds the relay lease, this
 * replica's writes are stored but not published by it, and once the other's lease lapses
 * this replica takes over and publishes them, none lost.
 */
class OutboxLeaseIntegrationTests extends IntegrationTestSupport {

	private static final int OTHER_LEASE_SECONDS = 20;

	/**
	 * How long the relay trusts its last renewal without asking Cassandra: a third of the
	 * lease time (15 s by default).
	 */
	private static final Duration RENEWAL_TRUSTED = Duration.ofSeconds(5);

	@Autowired
	CqlSession session;

	@Test
	void shouldLeaveRelayingToTheLeaseHolderAndTakeOverWhenItLapses() {
		PostEvents events = PostEvents.get();
		long author = Api.newUser();
		long first = this.api.create(author, Api.text("published while this replica holds the lease"))
			.get("id")
			.asLong();
		await().atMost(Duration.ofSeconds(30)).until(() -> published(events, first));

		this.session.execute("UPDATE outbox_lease USING TTL " + OTHER_LEASE_SECONDS
				+ " SET owner = 'another-replica' WHERE name = 'relay'");
		await().pollDelay(RENEWAL_TRUSTED.plusSeconds(1)).atMost(RENEWAL_TRUSTED.plusSeconds(2)).until(() -> true);
		long held = this.api.create(author, Api.text("written while another replica relays")).get("id").asLong();
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> !published(events, held));

		await().atMost(Duration.ofSeconds(OTHER_LEASE_SECONDS + 30)).until(() -> published(events, held));
		assertThat(events.of(PostCreated.class)).filteredOn((event) -> event.postId() == held).hasSize(1);
	}

	private static boolean published(PostEvents events, long postId) {
		return events.of(PostCreated.class).stream().anyMatch((event) -> event.postId() == postId);
	}

}
