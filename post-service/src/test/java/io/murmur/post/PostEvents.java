package io.murmur.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.murmur.events.EventDeserializer;
import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.localstack.LocalStack;

/**
 * Everything published on the post topic during the test run, read by a plain consumer
 * with the contracts' deserializer, as feed-service would read it.
 */
final class PostEvents {

	private static PostEvents instance;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private PostEvents() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				LocalStack.shared().kafka().bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"post-service-tests-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
		KafkaConsumer<String, MurmurEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new EventDeserializer());
		consumer.subscribe(List.of(Topics.POST));
		Thread thread = Thread.ofPlatform().daemon().name("post-events").start(() -> {
			try (consumer) {
				while (!Thread.currentThread().isInterrupted()) {
					for (ConsumerRecord<String, MurmurEvent> record : consumer.poll(Duration.ofMillis(200))) {
						Header type = record.headers().lastHeader(EventType.HEADER);
						this.received.add(new Received(record.key(),
								(type != null) ? new String(type.value(), StandardCharsets.UTF_8) : null,
								record.value()));
					}
				}
			}
			catch (WakeupException ex) {
				// closing
			}
		});
		Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup));
		thread.setUncaughtExceptionHandler((t, ex) -> ex.printStackTrace());
	}

	static synchronized PostEvents get() {
		if (instance == null) {
			instance = new PostEvents();
		}
		return instance;
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	<T extends MurmurEvent> List<T> of(Class<T> type) {
		return this.received.stream().map(Received::event).filter(type::isInstance).map(type::cast).toList();
	}

	record Received(String key, String typeId, MurmurEvent event) {

	}

}
