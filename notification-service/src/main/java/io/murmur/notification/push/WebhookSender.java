package io.murmur.notification.push;

import java.net.URI;
import java.time.Clock;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.FilteredHostException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

import io.murmur.notification.config.NotificationProperties;

/**
 * Sends one signed delivery: a POST of the JSON body with the Standard Webhooks headers,
 * through an HTTP client that connects only to addresses {@link WebhookAddresses} allows,
 * never follows a redirect (which could lead anywhere) and gives up after the configured
 * timeout.
 */
@Component
class WebhookSender {

	private final RestClient client;

	private final Clock clock;

	WebhookSender(WebhookAddresses addresses, NotificationProperties properties, Clock clock) {
		NotificationProperties.Push push = properties.push();
		this.client = RestClient.builder()
			.requestFactory(ClientHttpRequestFactoryBuilder.httpComponents()
				.build(HttpClientSettings.defaults()
					.withTimeouts(push.timeout(), push.timeout())
					.withRedirects(HttpRedirects.DONT_FOLLOW)
					.withInetAddressFilter(addresses.filter())))
			.defaultHeader("User-Agent", "Murmur-Webhooks/1")
			.build();
		this.clock = clock;
	}

	/**
	 * Sends a delivery.
	 * @param url where to
	 * @param secret the webhook's signing secret
	 * @param messageId the message id, the same on every retry of this message
	 * @param body the JSON body, exactly as signed
	 * @return the receiver's status
	 * @throws RestClientException if no answer came: the receiver is unreachable, slow,
	 * or resolves only to addresses that are not allowed
	 */
	int send(URI url, String secret, String messageId, byte[] body) {
		long timestamp = this.clock.instant().getEpochSecond();
		try {
			return post(url, secret, messageId, body, timestamp);
		}
		catch (FilteredHostException ex) {
			throw new ResourceAccessException(
					"The webhook's host " + ex.getHost() + " resolves only to addresses that are not allowed");
		}
	}

	private int post(URI url, String secret, String messageId, byte[] body, long timestamp) {
		return this.client.post()
			.uri(url)
			.contentType(MediaType.APPLICATION_JSON)
			.header(WebhookSignature.ID_HEADER, messageId)
			.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
			.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, messageId, timestamp, body))
			.body(body)
			.exchange((request, response) -> response.getStatusCode().value());
	}

}
