package io.murmur.notification.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import io.murmur.events.Topics;
import io.murmur.localstack.LocalStack;
import io.murmur.notification.Events;
import io.murmur.notification.NotificationServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery is at least once: the service's consumer group is moved back to the start of
 * its topics, as an operator replaying from an earlier offset would, and everything is
 * consumed again without a notification appearing twice.
 */
class ReplayIntegrationTests extends NotificationServiceTest {

	private static final String GROUP = "notification-service";

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Autowired
	private MeterRegistry meters;

	@Test
	void shouldCreateNoDuplicatesWhenEventsAreReplayedFromAnEarlierOffset() throws Exception {
		User author = newUser();
		long post = Events.newId();
		for (int i = 0; i < 3; i++) {
			events.like(post, author.id(), newUser().id());
		}
		events.follow(newUser().id(), author.id());
		events.post(Events.newId(), newUser().id(), post, author.id(), null, List.of());
		await().atMost(Duration.ofSeconds(30)).until(() -> api.unread(author.token()) == 5);
		List<JsonNode> before = api.items("grouped=false", author.token());
		double redeliveredBefore;

		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafka().bootstrapServers()))) {
			await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(admin));
			redeliveredBefore = redelivered();
			this.listeners.stop();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).members().isEmpty());
			Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
			partitions(admin).forEach((partition) -> start.put(partition, new OffsetAndMetadata(0)));
			admin.alterConsumerGroupOffsets(GROUP, start).all().get();
			this.listeners.start();
			await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(admin));
		}

		assertThat(api.items("grouped=false", author.token())).isEqualTo(before);
		assertThat(api.unread(author.token())).isEqualTo(5);
		assertThat(api.items("", author.token())).extracting((item) -> item.get("count").asInt())
			.containsExactlyInAnyOrder(1, 1, 3);
		assertThat(redelivered() - redeliveredBefore).as("events recognised as handled before")
			.isGreaterThanOrEqualTo(5);
	}

	private double redelivered() {
		return this.meters.get("murmur.notification.events.redelivered").counter().count();
	}

	private static Set<TopicPartition> partitions(Admin admin) throws ExecutionException, InterruptedException {
		return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().keySet();
	}

	private static boolean caughtUp(Admin admin) throws ExecutionException, InterruptedException {
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
			.partitionsToOffsetAndMetadata()
			.get();
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		committed.keySet()
			.stream()
			.filter((partition) -> partition.topic().equals(Topics.POST) || partition.topic().equals(Topics.GRAPH))
			.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
		var ends = admin.listOffsets(latest).all().get();
		return !latest.isEmpty() && latest.keySet()
			.stream()
			.allMatch((partition) -> committed.get(partition).offset() >= ends.get(partition).offset());
	}

}
