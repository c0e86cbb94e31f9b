package io.murmur.acceptance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import io.murmur.acceptance.Api.Response;
import io.murmur.events.EventType;
import io.murmur.events.Topics;
import io.murmur.localstack.kafka.KafkaServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An acknowledged registration always reaches Kafka as {@code user.registered.v1}, even
 * when Kafka was down at the time.
 */
class UserEventsAcceptanceTests {

	final Api api = new Api(MurmurPlatform.get().gatewayUrl());

	@Test
	void shouldPublishUserRegisteredEvenWhenKafkaWasDown() {
		KafkaServer kafka = MurmurPlatform.get().kafka();
		String before = register();
		kafka.stop();
		String during;
		try {
			during = register();
		}
		finally {
			kafka.restart();
		}
		List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = MurmurPlatform.get().consumer(Topics.USER)) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
				assertThat(seen).extracting(ConsumerRecord::key).contains(before, during);
			});
		}
		ConsumerRecord<String, byte[]> event = seen.stream()
			.filter((record) -> record.key().equals(during))
			.findFirst()
			.orElseThrow();
		assertThat(new String(event.headers().lastHeader(EventType.HEADER).value(), StandardCharsets.UTF_8))
			.isEqualTo("user.registered.v1");
		assertThat(new String(event.value(), StandardCharsets.UTF_8)).contains("\"userId\":\"" + during + "\"");
	}

	private String register() {
		String handle = "kafka_" + UUID.randomUUID().toString().substring(0, 8);
		Response response = this.api.post("/api/v1/auth/register", """
				{"handle":"%s","email":"%s@example.com","password":"a long and unusual pass phrase"}
				""".formatted(handle, handle), null);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

}
