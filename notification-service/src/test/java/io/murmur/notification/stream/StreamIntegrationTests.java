package io.murmur.notification.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;
import io.murmur.notification.Events;
import io.murmur.notification.NotificationServiceApplication;
import io.murmur.notification.NotificationServiceTest;
import io.murmur.reliability.http.EventStream;
import io.murmur.reliability.http.EventStream.Event;
import io.murmur.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications live over server-sent events.
 */
class StreamIntegrationTests extends NotificationServiceTest {

	@Nested
	class Live {

		@Test
		void shouldSendALikeWithinTwoSecondsWithItsIdAndTheNewUnreadCount() {
			User author = newUser();
			try (EventStream stream = open(author, null)) {
				assertThat(stream.status()).isEqualTo(200);
				assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
				await().atMost(Duration.ofSeconds(10)).until(() -> stream.lastUnread() == 0);

				User fan = newUser();
				events.like(Events.newId(), author.id(), fan.id());

				await().atMost(Duration.ofSeconds(2)).until(() -> stream.notifications().size() == 1);
				Event event = stream.notifications().get(0);
				assertThat(event.id())
					.isEqualTo(api.items("grouped=false", author.token()).get(0).get("id").asString());
				JsonNode notification = event.json();
				assertThat(notification.get("type").asString()).isEqualTo("like");
				assertThat(notification.get("actors").get(0).get("handle").asString()).isEqualTo("user" + fan.id());
				await().atMost(Duration.ofSeconds(2)).until(() -> stream.lastUnread() == 1);
			}
		}

		@Test
		void shouldSendExactlyWhatWasMissedToAClientResumingWithLastEventId() {
			User ana = newUser();
			String first;
			try (EventStream stream = open(ana, null)) {
				await().atMost(Duration.ofSeconds(10)).until(() -> stream.lastUnread() == 0);
				events.follow(newUser().id(), ana.id());
				await().atMost(Duration.ofSeconds(5)).until(() -> stream.notifications().size() == 1);
				first = stream.notifications().get(0).id();
			}
			events.post(Events.newId(), newUser().id(), null, null, null, List.of(ana.id()));
			events.like(Events.newId(), ana.id(), newUser().id());
			List<String> missed = await().atMost(Duration.ofSeconds(30))
				.until(() -> api.items("grouped=false", ana.token()), (items) -> items.size() == 3)
				.subList(0, 2)
				.stream()
				.map((item) -> item.get("id").asString())
				.toList()
				.reversed();

			try (EventStream resumed = open(ana, first)) {
				await().atMost(Duration.ofSeconds(5)).until(() -> resumed.notifications().size() == 2);
				await().during(Duration.ofSeconds(1))
					.atMost(Duration.ofSeconds(3))
					.until(() -> resumed.notifications().size() == 2);
				assertThat(resumed.notifications()).extracting(Event::id).isEqualTo(missed);
				assertThat(resumed.lastUnread()).isEqualTo(3);
			}
		}

		@Test
		void shouldSendAHeartbeatCommentWhileNothingHappens() {
			try (EventStream stream = open(newUser(), null)) {
				await().atMost(Duration.ofSeconds(5)).until(() -> stream.comments() >= 2);
			}
		}

		@Test
		void shouldEndTheStreamWhenTheAccessTokenExpires() {
			long id = Events.newId();
			String shortLived = TestTokens.sign(tokens.key(), Long.toString(id), TestTokens.ISSUER, TestTokens.AUDIENCE,
					null, Instant.now().plusSeconds(3));
			try (EventStream stream = EventStream.open(api.baseUrl() + "/api/v1/notifications/stream", shortLived,
					null)) {
				assertThat(stream.status()).isEqualTo(200);
				await().atMost(Duration.ofSeconds(10)).until(stream::ended);
			}
		}

		@Test
		void shouldRefuseALastEventIdThatIsNotAnId() {
			try (EventStream stream = open(newUser(), "yesterday")) {
				assertThat(stream.status()).isEqualTo(400);
				assertThat(stream.header("Content-Type")).startsWith("application/problem+json");
			}
		}

	}

	@Nested
	class Replicas {

		@Test
		void shouldStreamFromOneReplicaWhatAnotherConsumedAndCloseCleanlyOnShutdown() {
			User author = newUser();
			try (ConfigurableApplicationContext replica = startStreamOnlyReplica()) {
				assertThat(replica.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers())
					.noneMatch((container) -> container.isRunning());
				int port = ((WebServerApplicationContext) replica).getWebServer().getPort();
				try (EventStream stream = EventStream.open("http://127.0.0.1:" + port + "/api/v1/notifications/stream",
						author.token(), null)) {
					await().atMost(Duration.ofSeconds(10)).until(() -> stream.lastUnread() == 0);

					events.like(Events.newId(), author.id(), newUser().id());

					await().atMost(Duration.ofSeconds(5)).until(() -> stream.notifications().size() == 1);
					replica.close();
					await().atMost(Duration.ofSeconds(10)).until(stream::ended);
				}
			}
		}

		/**
		 * A second replica of the service on the same database and Kafka whose listeners
		 * never start: whatever it streams, the replica under test consumed.
		 */
		private ConfigurableApplicationContext startStreamOnlyReplica() {
			Map<String, String> properties = new HashMap<>(
					LocalStack.shared().springProperties(Set.of(Store.POSTGRES, Store.KAFKA)));
			properties.putAll(tokens.properties());
			properties.putAll(tokens.serviceClientProperties("notification-service"));
			for (String service : List.of("user", "post", "graph")) {
				properties.put("murmur.services.urls." + service, others.url());
			}
			properties.put("server.port", "0");
			properties.put("spring.kafka.listener.auto-startup", "false");
			return new SpringApplicationBuilder(NotificationServiceApplication.class).run(properties.entrySet()
				.stream()
				.map((property) -> "--" + property.getKey() + "=" + property.getValue())
				.toArray(String[]::new));
		}

	}

	private EventStream open(User user, String lastEventId) {
		return EventStream.open(api.baseUrl() + "/api/v1/notifications/stream", user.token(), lastEventId);
	}

}
