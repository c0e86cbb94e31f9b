package io.murmur.acceptance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import io.murmur.acceptance.Api.Account;
import io.murmur.acceptance.Api.Response;
import io.murmur.events.EventType;
import io.murmur.events.Topics;
import io.murmur.localstack.kafka.KafkaServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Posts under load and through a Kafka outage, as clients see them through the gateway.
 */
class PostEventsAcceptanceTests {

	final Api api = new Api(MurmurPlatform.get().gatewayUrl());

	@Test
	void shouldCountFiftyConcurrentLikesExactly() throws Exception {
		Account author = this.api.newAccount();
		String id = this.api.post("/api/v1/posts", "{\"text\":\"like me\"}", author.accessToken())
			.json()
			.get("id")
			.asString();
		List<Account> fans = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			fans.add(this.api.newAccount());
		}
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			List<Future<Integer>> likes = new ArrayList<>();
			for (Account fan : fans) {
				likes.add(pool
					.submit(() -> this.api.post("/api/v1/posts/" + id + "/like", null, fan.accessToken()).status()));
				likes.add(pool
					.submit(() -> this.api.post("/api/v1/posts/" + id + "/like", null, fan.accessToken()).status()));
			}
			for (Future<Integer> like : likes) {
				assertThat(like.get()).isEqualTo(204);
			}
		}
		assertThat(this.api.get("/api/v1/posts/" + id, author.accessToken()).json().get("counts").get("likes").asLong())
			.isEqualTo(50);
	}

	@Test
	void shouldPublishEveryAcknowledgedPostEvenWhenKafkaWasDown() {
		KafkaServer kafka = MurmurPlatform.get().kafka();
		Account author = this.api.newAccount();
		List<String> acknowledged = new ArrayList<>();
		kafka.stop();
		try {
			for (int i = 0; i < 3; i++) {
				Response created = this.api.post("/api/v1/posts",
						"{\"text\":\"written while Kafka is down " + i + "\"}", author.accessToken());
				assertThat(created.status()).as(created.toString()).isEqualTo(201);
				acknowledged.add(created.json().get("id").asString());
			}
		}
		finally {
			kafka.restart();
		}
		List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = MurmurPlatform.get().consumer(Topics.POST)) {
			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
				List<String> created = seen.stream()
					.filter((record) -> record.key().equals(author.id()))
					.filter((record) -> new String(record.headers().lastHeader(EventType.HEADER).value(),
							StandardCharsets.UTF_8)
						.equals("post.created.v1"))
					.map((record) -> new String(record.value(), StandardCharsets.UTF_8))
					.toList();
				for (String id : acknowledged) {
					assertThat(created).anyMatch((json) -> json.contains("\"postId\":\"" + id + "\""));
				}
			});
		}
	}

}
