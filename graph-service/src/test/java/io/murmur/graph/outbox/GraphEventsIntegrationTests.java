package io.murmur.graph.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import org.springframework.beans.factory.annotation.Autowired;

import io.murmur.events.EventJson;
import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.graph.UserFollowed;
import io.murmur.events.graph.UserUnfollowed;
import io.murmur.graph.GraphIntegrationTests;
import io.murmur.graph.KafkaRecords;
import io.murmur.localstack.LocalStack;
import io.murmur.localstack.kafka.KafkaServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code UserFollowed} and {@code UserUnfollowed} reaching Kafka through the outbox.
 */
class GraphEventsIntegrationTests extends GraphIntegrationTests {

	@Autowired
	Driver driver;

	@Autowired
	MeterRegistry meters;

	@Test
	void shouldPublishAFollowAndAnUnfollowInOrderKeyedByTheFollowerAndNothingForRepeats() {
		long alice = newUser();
		long bob = newUser();
		long carol = newUser();

		as(alice, "POST", "/api/v1/users/" + bob + "/follow");
		as(alice, "POST", "/api/v1/users/" + bob + "/follow");
		as(alice, "DELETE", "/api/v1/users/" + bob + "/follow");
		as(alice, "DELETE", "/api/v1/users/" + bob + "/follow");
		as(alice, "POST", "/api/v1/users/" + carol + "/follow");

		List<ConsumerRecord<String, byte[]>> records = eventsOf(alice, 3);
		assertThat(records).extracting(GraphEventsIntegrationTests::type)
			.containsExactly("user.followed.v1", "user.unfollowed.v1", "user.followed.v1");
		assertThat(records).extracting(ConsumerRecord::key).containsOnly(Long.toString(alice));
		assertThat(event(records.get(0))).isInstanceOfSatisfying(UserFollowed.class, (followed) -> {
			assertThat(followed.followerId()).isEqualTo(alice);
			assertThat(followed.followeeId()).isEqualTo(bob);
		});
		assertThat(event(records.get(1))).isInstanceOfSatisfying(UserUnfollowed.class, (unfollowed) -> {
			assertThat(unfollowed.followerId()).isEqualTo(alice);
			assertThat(unfollowed.followeeId()).isEqualTo(bob);
		});
		assertThat(((UserFollowed) event(records.get(2))).followeeId()).isEqualTo(carol);
		assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8))
			.contains("\"followerId\":\"" + alice + "\"")
			.contains("\"followeeId\":\"" + bob + "\"");
	}

	@Test
	void shouldPublishFollowsMadeWhileKafkaWasDownOnceItIsBack() {
		long alice = newUser();
		long bob = newUser();
		long carol = newUser();
		KafkaServer kafka = LocalStack.shared().kafka();
		double failuresBefore = failedRuns();
		kafka.stop();
		try {
			assertThat(as(alice, "POST", "/api/v1/users/" + bob + "/follow").status()).isEqualTo(204);
			assertThat(as(alice, "POST", "/api/v1/users/" + carol + "/follow").status()).isEqualTo(204);
			assertThat(as(alice, "DELETE", "/api/v1/users/" + bob + "/follow").status()).isEqualTo(204);
			await().atMost(Duration.ofSeconds(60)).until(() -> failedRuns() > failuresBefore);
			assertThat(storedEventsOf(alice)).isEqualTo(3);
		}
		finally {
			kafka.restart();
		}

		List<ConsumerRecord<String, byte[]>> records = eventsOf(alice, 3);
		assertThat(records).hasSize(3);
		assertThat(records).extracting(GraphEventsIntegrationTests::event)
			.satisfiesExactly((first) -> assertThat(first).isInstanceOf(UserFollowed.class),
					(second) -> assertThat(second).isInstanceOf(UserFollowed.class),
					(third) -> assertThat(third).isInstanceOf(UserUnfollowed.class));
		assertThat(((UserFollowed) event(records.get(0))).followeeId()).isEqualTo(bob);
		assertThat(((UserFollowed) event(records.get(1))).followeeId()).isEqualTo(carol);
		assertThat(((UserUnfollowed) event(records.get(2))).followeeId()).isEqualTo(bob);
	}

	/**
	 * The distinct events of a follower, in the order first published: delivery is at
	 * least once, so a redelivered event (same id) is not a second event.
	 */
	private static List<ConsumerRecord<String, byte[]>> eventsOf(long follower, int count) {
		Set<UUID> seen = new HashSet<>();
		return KafkaRecords.read(Topics.GRAPH, (record) -> Long.toString(follower).equals(record.key()), count)
			.stream()
			.filter((record) -> seen.add(event(record).eventId()))
			.toList();
	}

	private double failedRuns() {
		return this.meters.get("murmur.outbox.publish.failures").counter().count();
	}

	private long storedEventsOf(long follower) {
		return storedEventsOf(this.driver, follower);
	}

	/**
	 * How many events of a key wait in the outbox.
	 */
	static long storedEventsOf(Driver driver, long follower) {
		try (Session session = driver.session()) {
			return session
				.run("MATCH (e:OutboxEvent {key: $key}) RETURN count(e) AS n", Map.of("key", Long.toString(follower)))
				.single()
				.get("n")
				.asLong();
		}
	}

	private static String type(ConsumerRecord<String, byte[]> record) {
		return new String(record.headers().lastHeader(EventType.HEADER).value(), StandardCharsets.UTF_8);
	}

	private static MurmurEvent event(ConsumerRecord<String, byte[]> record) {
		return EventJson.read(type(record), record.value());
	}

}
