package io.murmur.notification.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClientException;

import io.murmur.notification.config.NotificationProperties;
import io.murmur.support.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The guard against webhooks into the service's own network, when a URL is registered and
 * again when a delivery connects.
 */
class WebhookAddressesTests {

	@Test
	void shouldRefuseInternalAddressesUnlessTheirRangeIsAllowed() {
		WebhookAddresses strict = addresses(List.of());
		WebhookAddresses loopbackAllowed = addresses(List.of("127.0.0.0/8"));

		for (String url : List.of("http://127.0.0.1/hook", "http://localhost/hook", "http://10.0.0.1/hook",
				"http://172.16.5.4/hook", "http://[fe80::1]/hook", "http://[fd00::1]/hook", "http://100.64.0.1/hook")) {
			assertThatExceptionOfType(ProblemException.class).as(url).isThrownBy(() -> strict.check(url));
		}
		assertThat(loopbackAllowed.check("http://127.0.0.1:9/hook")).isEqualTo(URI.create("http://127.0.0.1:9/hook"));
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> loopbackAllowed.check("http://10.0.0.1/"));
		assertThat(strict.check("https://93.184.215.14/hook")).hasHost("93.184.215.14");
	}

	@Test
	void shouldNotConnectToAnAddressTheGuardRefusesWhenDelivering() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			WebhookSender sender = new WebhookSender(addresses(List.of()), properties(List.of()), Clock.systemUTC());

			assertThatExceptionOfType(RestClientException.class)
				.isThrownBy(() -> sender.send(URI.create(receiver.url()), WebhookSignature.newSecret(), "msg_1",
						"{}".getBytes(StandardCharsets.UTF_8)));
			assertThat(receiver.attempts()).isEmpty();

			WebhookSender allowed = new WebhookSender(addresses(List.of("127.0.0.0/8")),
					properties(List.of("127.0.0.0/8")), Clock.systemUTC());
			assertThat(allowed.send(URI.create(receiver.url()), WebhookSignature.newSecret(), "msg_2",
					"{}".getBytes(StandardCharsets.UTF_8)))
				.isEqualTo(204);
			assertThat(receiver.attempts()).hasSize(1);
		}
	}

	private static WebhookAddresses addresses(List<String> allowed) {
		return new WebhookAddresses(properties(allowed));
	}

	private static NotificationProperties properties(List<String> allowed) {
		return new NotificationProperties(Duration.ofHours(12), 3, Duration.ofDays(90), Duration.ofDays(14),
				Duration.ofHours(1), new NotificationProperties.Stream(Duration.ofSeconds(15), 1),
				new NotificationProperties.Push(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMillis(250),
						Duration.ofSeconds(1), Duration.ofMinutes(5), 20, Duration.ofSeconds(2), 1, allowed));
	}

}
