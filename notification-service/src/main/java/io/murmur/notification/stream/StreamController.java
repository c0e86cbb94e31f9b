package io.murmur.notification.stream;

import java.time.Instant;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.murmur.notification.web.Ids;
import io.murmur.support.security.CurrentUser;

/**
 * The caller's notifications, live, as server-sent events.
 */
@RestController
@Tag(name = "notifications")
class StreamController {

	private final Streams streams;

	StreamController(Streams streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/api/v1/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(operationId = "streamNotifications", summary = "Your notifications as they arrive (server-sent events)",
			description = "Events: 'notification' (id = the notification's id, data = a notification as the list "
					+ "shows it, with its group's count) and 'unread' (data = {count}), first on connecting and "
					+ "whenever the count changes; a ': heartbeat' comment every 15 s. Reconnect with "
					+ "Last-Event-ID to receive exactly what was missed. The stream ends when the access token "
					+ "expires and when the service stops; reconnect then.")
	@ApiResponse(responseCode = "200", description = "The stream",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "503", description = "This replica is shutting down; reconnect",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	SseEmitter stream(@AuthenticationPrincipal Jwt token,
			@Parameter(description = "The id of the last event received, to resume after it") @RequestHeader(
					name = "Last-Event-ID", required = false) @Nullable String lastEventId,
			HttpServletResponse response) {
		long userId = CurrentUser.of(token);
		Long resumeAfter = (lastEventId != null && !lastEventId.isBlank())
				? Ids.notification("Last-Event-ID", lastEventId) : null;
		Instant expiresAt = Objects.requireNonNull(token.getExpiresAt(), "access tokens always expire");
		response.setHeader("Cache-Control", "no-cache");
		response.setHeader("X-Accel-Buffering", "no");
		return this.streams.open(userId, resumeAfter, expiresAt);
	}

}
