package io.murmur.post;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.murmur.events.post.PostCreated;

import static org.awaitility.Awaitility.await;

/**
 * A write wakes the outbox relay: its event reaches Kafka right after the client's
 * acknowledgement, not at the relay's next poll, which these tests hold back to every
 * {@value IntegrationTestSupport#RELAY_POLL}.
 */
class OutboxRelayWakeIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldPublishEachPostWellBeforeTheNextPoll() {
		PostEvents events = PostEvents.get();
		long author = Api.newUser();
		long first = this.api.create(author, Api.text("the relay holds its lease once this is out")).get("id").asLong();
		await().atMost(Duration.ofSeconds(30)).until(() -> published(events, first));

		for (int i = 0; i < 5; i++) {
			long id = this.api.create(author, Api.text("woken " + i)).get("id").asLong();
			await().atMost(Duration.ofSeconds(2))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> published(events, id));
		}
	}

	private static boolean published(PostEvents events, long postId) {
		return events.of(PostCreated.class).stream().anyMatch((event) -> event.postId() == postId);
	}

}
