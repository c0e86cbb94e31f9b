package io.murmur.notification.push;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature scheme against the test vector the Standard Webhooks specification
 * publishes, so that receivers' libraries accept what is sent.
 */
class WebhookSignatureTests {

	@Test
	void shouldSignThePublishedTestVectorAsTheSpecificationDoes() {
		String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
				"msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void shouldMakeADifferentSecretEachTime() {
		String first = WebhookSignature.newSecret();

		assertThat(first).startsWith("whsec_").hasSize("whsec_".length() + 44);
		assertThat(WebhookSignature.newSecret()).isNotEqualTo(first);
	}

}
