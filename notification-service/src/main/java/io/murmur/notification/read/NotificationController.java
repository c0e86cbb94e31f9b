package io.murmur.notification.read;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.notification.inbox.InboxReader;
import io.murmur.notification.inbox.InboxState;
import io.murmur.notification.inbox.InboxWriter;
import io.murmur.notification.inbox.NotificationType;
import io.murmur.notification.web.Ids;
import io.murmur.notification.web.TypeNames;
import io.murmur.support.security.CurrentUser;

/**
 * The caller's notifications: pages, the unread count and the read marker. The user is
 * always the access token's subject.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notifications",
		description = "Your notifications: pages, the unread count and read marker, the live stream, webhook and preferences")
class NotificationController {

	static final int MAX_PAGE = 50;

	private final InboxReader inbox;

	private final InboxWriter writer;

	private final Hydrator hydrator;

	NotificationController(InboxReader inbox, InboxWriter writer, Hydrator hydrator) {
		this.inbox = inbox;
		this.writer = writer;
		this.hydrator = hydrator;
	}

	@GetMapping
	@Operation(operationId = "listNotifications", summary = "Your notifications, newest first, grouped by default",
			description = "Likes and reposts of one post, and follows, that arrived within the group window are one "
					+ "item with their count and latest actors; grouped=false lists every notification. Actors "
					+ "and posts are hydrated; their details are null when the service that has them does not "
					+ "answer.")
	Page list(@AuthenticationPrincipal Jwt token,
			@Parameter(description = "Items per page") @RequestParam(
					defaultValue = "20") @Min(1) @Max(MAX_PAGE) int limit,
			@Parameter(description = "The nextCursor of the previous page") @RequestParam(
					required = false) @Nullable String cursor,
			@Parameter(description = "Only these types, comma-separated or repeated",
					schema = @Schema(example = "like,follow")) @RequestParam(
							required = false) @Nullable List<String> types,
			@Parameter(description = "Not these types, comma-separated or repeated") @RequestParam(
					required = false) @Nullable List<String> excludeTypes,
			@Parameter(description = "Whether likes, reposts and follows are grouped") @RequestParam(
					defaultValue = "true") boolean grouped) {
		long userId = CurrentUser.of(token);
		long before = Cursor.decode(cursor);
		Set<NotificationType> wanted = wanted(types, excludeTypes);
		long readUpTo = this.inbox.state(userId).readUpTo();
		if (grouped) {
			var groups = this.inbox.groups(userId, wanted, before, limit + 1);
			String next = (groups.size() > limit) ? Cursor.after(groups.get(limit - 1).latestId()) : null;
			return new Page(this.hydrator.groups(groups.subList(0, Math.min(limit, groups.size())), readUpTo), next);
		}
		var notifications = this.inbox.notifications(userId, wanted, before, limit + 1);
		String next = (notifications.size() > limit) ? Cursor.after(notifications.get(limit - 1).id()) : null;
		return new Page(this.hydrator.notifications(notifications.subList(0, Math.min(limit, notifications.size())),
				readUpTo, false), next);
	}

	@GetMapping("/unread-count")
	@Operation(operationId = "getUnreadNotificationCount", summary = "How many notifications are unread",
			description = "Read from a counter kept with every change, never by counting.")
	UnreadCount unreadCount(@AuthenticationPrincipal Jwt token) {
		return UnreadCount.of(this.inbox.state(CurrentUser.of(token)));
	}

	@PostMapping("/read")
	@Operation(operationId = "markNotificationsRead", summary = "Mark notifications read up to an id",
			description = "Moves the read marker forward to upTo (at most your newest notification); a marker "
					+ "already past it stays where it is. Idempotent.")
	UnreadCount read(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ReadRequest request) {
		long upTo = Ids.notification("upTo", request.upTo());
		return UnreadCount.of(this.writer.markRead(CurrentUser.of(token), upTo));
	}

	private static @Nullable Set<NotificationType> wanted(@Nullable List<String> types,
			@Nullable List<String> excludeTypes) {
		List<NotificationType> all = List.of(NotificationType.values());
		if (types == null && excludeTypes == null) {
			return null;
		}
		Set<NotificationType> wanted = (types != null) ? TypeNames.parse("types", types, all)
				: EnumSet.noneOf(NotificationType.class);
		if (wanted.isEmpty()) {
			wanted.addAll(all);
		}
		if (excludeTypes != null) {
			wanted.removeAll(TypeNames.parse("excludeTypes", excludeTypes, all));
		}
		return wanted;
	}

	/**
	 * A page of notifications.
	 *
	 * @param items the notifications or groups, newest first
	 * @param nextCursor where the next page starts, {@code null} after the last
	 */
	record Page(List<NotificationItem> items, @Nullable String nextCursor) {

	}

	/**
	 * Marks notifications read.
	 *
	 * @param upTo the id of the newest notification read
	 */
	record ReadRequest(@Schema(description = "A notification id", example = "4711") @NotNull String upTo) {

	}

	/**
	 * The read state.
	 *
	 * @param count how many notifications are unread
	 * @param readUpTo the id of the newest notification read, {@code null} before any
	 */
	record UnreadCount(long count, @Nullable String readUpTo) {

		static UnreadCount of(InboxState state) {
			return new UnreadCount(state.unread(), (state.readUpTo() > 0) ? Long.toString(state.readUpTo()) : null);
		}

	}

}
