package io.murmur.notification.retention;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.murmur.notification.Events;
import io.murmur.notification.NotificationServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pruning of read notifications past the retention (90 days).
 */
class RetentionIntegrationTests extends NotificationServiceTest {

	@Autowired
	private Retention retention;

	@Test
	void shouldPruneReadNotificationsOlderThanTheRetentionAndKeepUnreadOnes() {
		User reader = newUser();
		User ignorer = newUser();
		for (User user : List.of(reader, ignorer)) {
			events.post(Events.newId(), newUser().id(), null, null, null, List.of(user.id()));
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> api.unread(reader.token()) == 1 && api.unread(ignorer.token()) == 1);
		String newest = api.items("", reader.token()).get(0).get("id").asString();
		api.post("/api/v1/notifications/read", "{\"upTo\":\"" + newest + "\"}", reader.token());

		clock.advance(Duration.ofDays(89));
		this.retention.prune();
		assertThat(api.items("", reader.token())).hasSize(1);

		clock.advance(Duration.ofDays(2));
		assertThat(this.retention.prune().groups()).isPositive();

		assertThat(api.items("", reader.token())).isEmpty();
		assertThat(api.items("grouped=false", reader.token())).isEmpty();
		assertThat(api.items("", ignorer.token())).hasSize(1);
		assertThat(api.unread(ignorer.token())).isOne();
	}

}
