package io.murmur.notification.push;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.notification.inbox.NotificationType;
import io.murmur.notification.web.NotificationProblem;
import io.murmur.notification.web.TypeNames;
import io.murmur.support.security.CurrentUser;
import io.murmur.support.web.ProblemException;

/**
 * The caller's webhook, the stand-in for a mobile push provider.
 */
@RestController
@RequestMapping("/api/v1/notifications/push")
@Tag(name = "notifications")
class WebhookController {

	private final Webhooks webhooks;

	private final WebhookAddresses addresses;

	WebhookController(Webhooks webhooks, WebhookAddresses addresses) {
		this.webhooks = webhooks;
		this.addresses = addresses;
	}

	@PutMapping
	@Operation(operationId = "registerWebhook", summary = "Register your webhook (replacing any you had)",
			description = "Deliveries are POSTs of {type, timestamp, data} (data: the notification's group as the "
					+ "list shows it) signed as the Standard Webhooks specification says (webhook-id, "
					+ "webhook-timestamp, webhook-signature), retried with exponential back-off, one per group "
					+ "update within a short window. The URL must be http(s) and must not point at a private, "
					+ "loopback or link-local address. The signing secret is returned only in this answer. After "
					+ "too many consecutive failures the webhook is disabled and you get a push_disabled "
					+ "notification.")
	Registered register(@AuthenticationPrincipal Jwt token, @Valid @RequestBody WebhookRequest request) {
		Set<NotificationType> types = (request.types() != null)
				? TypeNames.parse("types", request.types(), NotificationType.causedByPeople()) : null;
		Webhooks.Webhook webhook = this.webhooks.register(CurrentUser.of(token), this.addresses.check(request.url()),
				types);
		return new Registered(webhook.url(), webhook.typeIds(), webhook.secret(), webhook.createdAt());
	}

	@GetMapping
	@Operation(operationId = "getWebhook", summary = "Your webhook and whether it is enabled (without its secret)")
	@ApiResponse(responseCode = "200", description = "Your webhook")
	@ApiResponse(responseCode = "404", description = "You have no webhook",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	Described get(@AuthenticationPrincipal Jwt token) {
		Webhooks.Webhook webhook = this.webhooks.of(CurrentUser.of(token))
			.orElseThrow(() -> new ProblemException(NotificationProblem.WEBHOOK_NOT_FOUND, "You have no webhook"));
		return new Described(webhook.url(), webhook.typeIds(), webhook.createdAt(), webhook.disabledAt() == null,
				webhook.consecutiveFailures());
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteWebhook", summary = "Remove your webhook and what is queued for it",
			description = "Idempotent: answers 204 also when you have none.")
	@ApiResponse(responseCode = "204", description = "Removed")
	void delete(@AuthenticationPrincipal Jwt token) {
		this.webhooks.remove(CurrentUser.of(token));
	}

	/**
	 * A webhook to register.
	 *
	 * @param url where to deliver: an absolute http or https URL
	 * @param types the types to deliver; absent for every type you receive
	 */
	record WebhookRequest(
			@Schema(example = "https://push.example.com/murmur") @NotBlank @Size(
					max = WebhookAddresses.MAX_URL_LENGTH) String url,
			@Schema(description = "follow, like, repost, reply, mention, quote") @Nullable List<String> types) {

	}

	/**
	 * A registered webhook, with its secret.
	 *
	 * @param url where deliveries go
	 * @param types the types delivered, {@code null} for all
	 * @param secret the signing secret ({@code whsec_...}); shown only now
	 * @param createdAt when it was registered
	 */
	record Registered(String url, @Nullable List<String> types, String secret, Instant createdAt) {

	}

	/**
	 * A webhook as stored.
	 *
	 * @param url where deliveries go
	 * @param types the types delivered, {@code null} for all
	 * @param createdAt when it was registered
	 * @param enabled whether deliveries go out; {@code false} after too many consecutive
	 * failures, until it is registered again
	 * @param consecutiveFailures failed attempts since the last success
	 */
	record Described(String url, @Nullable List<String> types, Instant createdAt, boolean enabled,
			int consecutiveFailures) {

	}

}
