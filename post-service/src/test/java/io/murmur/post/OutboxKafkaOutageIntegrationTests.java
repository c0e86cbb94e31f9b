package io.murmur.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostLiked;
import io.murmur.localstack.LocalStack;
import io.murmur.localstack.kafka.KafkaServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An acknowledged post reaches Kafka even when Kafka was down when it was written: the
 * outbox keeps it and the relay publishes it once the broker is back, then deletes the
 * published rows and moves past the closed minutes.
 */
class OutboxKafkaOutageIntegrationTests extends IntegrationTestSupport {

	@Autowired
	CqlSession session;

	@Test
	void shouldPublishEverythingWrittenWhileKafkaWasDown() {
		PostEvents events = PostEvents.get();
		long author = Api.newUser();
		long before = this.api.create(author, Api.text("before the outage")).get("id").asLong();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> events.of(PostCreated.class).stream().anyMatch((event) -> event.postId() == before));

		KafkaServer kafka = LocalStack.shared().kafka();
		kafka.stop();
		List<Long> written = new ArrayList<>();
		long fan = Api.newUser();
		try {
			for (int i = 0; i < 5; i++) {
				written.add(this.api.create(author, Api.text("during the outage " + i)).get("id").asLong());
			}
			assertThat(this.api.post("/api/v1/posts/" + written.get(0) + "/like", fan, null).status()).isEqualTo(204);
		}
		finally {
			kafka.restart();
		}

		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(events.of(PostCreated.class)).extracting(PostCreated::postId)
				.containsAll(written));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(events.of(PostLiked.class))
				.anyMatch((liked) -> liked.postId() == written.get(0) && liked.userId() == fan));
		List<Long> order = events.of(PostCreated.class)
			.stream()
			.filter((event) -> event.authorId() == author)
			.map(PostCreated::postId)
			.distinct()
			.toList();
		List<Long> expected = new ArrayList<>(List.of(before));
		expected.addAll(written);
		assertThat(order).containsExactlyElementsOf(expected);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.session.execute("SELECT event_id FROM outbox").all()).isEmpty());
		long minute = System.currentTimeMillis() / 60_000;
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(
					() -> assertThat(this.session.execute("SELECT shard, bucket FROM outbox_progress").all()).hasSize(4)
						.allSatisfy((row) -> assertThat(row.getLong("bucket")).isGreaterThanOrEqualTo(minute - 1)));
	}

}
