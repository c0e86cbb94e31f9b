package io.murmur.notification.push;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.murmur.notification.inbox.NotificationType;

/**
 * Users' webhooks, one per user: registered with a new signing secret, replaced by
 * registering again, removed with everything still queued for it.
 */
@Component
class Webhooks {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Webhooks(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Registers a user's webhook, replacing any they had: a new secret, failures
	 * forgotten, enabled, and nothing queued for the old one.
	 * @param userId the user
	 * @param url where to deliver, already checked
	 * @param types the types to deliver, or {@code null} for every type the user receives
	 * @return the webhook with its secret, which is shown only now
	 */
	Webhook register(long userId, URI url, @Nullable Set<NotificationType> types) {
		String secret = WebhookSignature.newSecret();
		Instant now = this.clock.instant();
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("delete from webhook_deliveries where user_id = :user").param("user", userId).update();
			this.jdbc.sql("""
					insert into webhooks (user_id, url, types, secret, created_at, consecutive_failures, disabled_at)
					values (:user, :url, cast(:types as varchar[]), :secret, :now, 0, null)
					on conflict (user_id) do update set url = excluded.url, types = excluded.types,
					    secret = excluded.secret, created_at = excluded.created_at, consecutive_failures = 0,
					    disabled_at = null
					""")
				.param("user", userId)
				.param("url", url.toString())
				.param("types", (types != null) ? NotificationType.toSqlArray(types) : null)
				.param("secret", secret)
				.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
				.update();
		});
		return new Webhook(url.toString(), types, secret, now, null, 0);
	}

	/**
	 * Removes a user's webhook and what is queued for it.
	 * @param userId the user
	 * @return whether they had one
	 */
	boolean remove(long userId) {
		return this.jdbc.sql("delete from webhooks where user_id = :user").param("user", userId).update() > 0;
	}

	/**
	 * A user's webhook.
	 * @param userId the user
	 * @return it, if they have one
	 */
	Optional<Webhook> of(long userId) {
		return this.jdbc
			.sql("select url, types, secret, created_at, disabled_at, consecutive_failures from webhooks"
					+ " where user_id = :user")
			.param("user", userId)
			.query(Webhooks::webhook)
			.optional();
	}

	private static Webhook webhook(ResultSet rs, int row) throws SQLException {
		OffsetDateTime disabledAt = rs.getObject("disabled_at", OffsetDateTime.class);
		Array types = rs.getArray("types");
		return new Webhook(rs.getString("url"), (types != null) ? NotificationType.fromSqlArray(types) : null,
				rs.getString("secret"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				(disabledAt != null) ? disabledAt.toInstant() : null, rs.getInt("consecutive_failures"));
	}

	/**
	 * A webhook.
	 *
	 * @param url where deliveries go
	 * @param types the types delivered, {@code null} for all
	 * @param secret the signing secret
	 * @param createdAt when it was registered
	 * @param disabledAt when it was disabled after failing too often, {@code null} while
	 * enabled
	 * @param consecutiveFailures failed attempts since the last success
	 */
	record Webhook(String url, @Nullable Set<NotificationType> types, String secret, Instant createdAt,
			@Nullable Instant disabledAt, int consecutiveFailures) {

		@Nullable List<String> typeIds() {
			return (this.types != null) ? this.types.stream().map(NotificationType::id).sorted().toList() : null;
		}

	}

}
