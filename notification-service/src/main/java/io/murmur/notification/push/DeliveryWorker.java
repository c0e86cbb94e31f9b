package io.murmur.notification.push;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClientException;

import io.murmur.notification.config.NotificationProperties;
import io.murmur.notification.inbox.GroupRow;
import io.murmur.notification.inbox.InboxReader;
import io.murmur.notification.inbox.InboxWriter;
import io.murmur.notification.inbox.NewNotification;
import io.murmur.notification.inbox.NotificationType;
import io.murmur.notification.read.Hydrator;
import io.murmur.notification.read.NotificationItem;

/**
 * Sends the due deliveries of the queue, on every replica.
 * <ul>
 * <li>A run claims due rows with {@code FOR UPDATE SKIP LOCKED}, counting the attempt and
 * leasing them for longer than an attempt can take, so replicas share the queue without
 * sending a row twice at once, and the rows a crashed replica claimed come due
 * again.</li>
 * <li>Each delivery carries its group as it is when sent ("Ana and 49 others liked your
 * post"), so the last of a burst is what arrives.</li>
 * <li>A 2xx answer removes the row, unless a newer notification of the group arrived
 * meanwhile: then the row waits for the coalescing window again, as a new message.</li>
 * <li>Anything else is retried with exponential back-off. After {@code max-failures}
 * failed attempts in a row the webhook is disabled, its queue emptied, and its user gets
 * a {@code push_disabled} notification.</li>
 * </ul>
 */
@Component
class DeliveryWorker implements DisposableBean {

	private static final Log log = LogFactory.getLog(DeliveryWorker.class);

	private static final String CLAIM = """
			update webhook_deliveries d set attempts = d.attempts + 1, claimed_until = :lease
			from (select id from webhook_deliveries
			      where due_at <= :now and (claimed_until is null or claimed_until < :now)
			      order by due_at limit :limit for update skip locked) due
			where d.id = due.id
			returning d.id, d.user_id, d.group_id, d.message_id, d.notification_id, d.attempts
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Webhooks webhooks;

	private final InboxReader inbox;

	private final InboxWriter writer;

	private final Hydrator hydrator;

	private final WebhookSender sender;

	private final JsonMapper json;

	private final Clock clock;

	private final NotificationProperties.Push properties;

	private final MeterRegistry meters;

	private final ExecutorService senders;

	DeliveryWorker(JdbcClient jdbc, TransactionTemplate transaction, Webhooks webhooks, InboxReader inbox,
			InboxWriter writer, Hydrator hydrator, WebhookSender sender, JsonMapper json, Clock clock,
			NotificationProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.webhooks = webhooks;
		this.inbox = inbox;
		this.writer = writer;
		this.hydrator = hydrator;
		this.sender = sender;
		this.json = json;
		this.clock = clock;
		this.properties = properties.push();
		this.meters = meters;
		// Every outcome is a series from the start, on every replica: an alert on
		// failures
		// sees 0 rather than nothing, whichever replica happens to deliver.
		List.of("delivered", "failed", "dropped").forEach(this::deliveries);
		this.senders = Executors.newFixedThreadPool(this.properties.threads(), (task) -> {
			Thread thread = new Thread(task, "webhook-delivery");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Scheduled(fixedDelayString = "${murmur.notification.push.poll-interval:250ms}")
	void deliverDue() {
		Instant now = this.clock.instant();
		Duration lease = this.properties.timeout().multipliedBy(2).plusSeconds(10);
		List<Claimed> due = this.jdbc.sql(CLAIM)
			.param("now", timestamp(now))
			.param("lease", timestamp(now.plus(lease)))
			.param("limit", this.properties.threads() * 4)
			.query(Claimed.class)
			.list();
		CompletableFuture
			.allOf(due.stream()
				.map((claimed) -> CompletableFuture.runAsync(() -> deliverOrRelease(claimed), this.senders))
				.toArray(CompletableFuture[]::new))
			.join();
	}

	/**
	 * Delivers, and counts anything unexpected as a failed attempt, so that the row is
	 * retried with back-off instead of waiting for its lease to end.
	 */
	private void deliverOrRelease(Claimed claimed) {
		try {
			deliver(claimed);
		}
		catch (RuntimeException ex) {
			log.warn("Webhook delivery " + claimed.id() + " failed unexpectedly", ex);
			failed(claimed, "failed here: " + ex);
		}
	}

	private void deliver(Claimed claimed) {
		Webhooks.Webhook webhook = this.webhooks.of(claimed.userId()).orElse(null);
		GroupRow group = this.inbox.group(claimed.userId(), claimed.groupId()).orElse(null);
		if (webhook == null || webhook.disabledAt() != null || group == null) {
			this.jdbc.sql("delete from webhook_deliveries where id = :id").param("id", claimed.id()).update();
			outcome("dropped");
			return;
		}
		NotificationItem item = this.hydrator.groups(List.of(group), this.inbox.state(claimed.userId()).readUpTo())
			.get(0);
		byte[] body = this.json.writeValueAsBytes(new Payload("notification", this.clock.instant(), item));
		String failure;
		try {
			int status = this.sender.send(URI.create(webhook.url()), webhook.secret(), claimed.messageId().toString(),
					body);
			if (status >= 200 && status < 300) {
				delivered(claimed);
				return;
			}
			failure = "answered " + status;
		}
		catch (RestClientException ex) {
			failure = "no answer: " + ex.getMessage();
		}
		failed(claimed, failure);
	}

	private void delivered(Claimed claimed) {
		int removed = this.jdbc.sql("delete from webhook_deliveries where id = :id and notification_id = :sent")
			.param("id", claimed.id())
			.param("sent", claimed.notificationId())
			.update();
		if (removed == 0) {
			this.jdbc.sql("""
					update webhook_deliveries set attempts = 0, claimed_until = null, queued_at = :now, due_at = :due,
					    message_id = :message, last_error = null
					where id = :id
					""")
				.param("now", timestamp(this.clock.instant()))
				.param("due", timestamp(this.clock.instant().plus(this.properties.coalesceWindow())))
				.param("message", UUID.randomUUID())
				.param("id", claimed.id())
				.update();
		}
		this.jdbc.sql("update webhooks set consecutive_failures = 0 where user_id = :user and consecutive_failures > 0")
			.param("user", claimed.userId())
			.update();
		outcome("delivered");
	}

	private void failed(Claimed claimed, String failure) {
		outcome("failed");
		Duration backoff = backoff(claimed.attempts());
		this.jdbc.sql("""
				update webhook_deliveries set claimed_until = null, due_at = :due, last_error = :error where id = :id
				""")
			.param("due", timestamp(this.clock.instant().plus(backoff)))
			.param("error", (failure.length() > 500) ? failure.substring(0, 500) : failure)
			.param("id", claimed.id())
			.update();
		Integer failures = this.jdbc.sql("""
				update webhooks set consecutive_failures = consecutive_failures + 1
				where user_id = :user and disabled_at is null returning consecutive_failures
				""").param("user", claimed.userId()).query(Integer.class).optional().orElse(null);
		if (failures != null && failures >= this.properties.maxFailures()) {
			disable(claimed.userId(), failures);
		}
		else {
			log.info("Webhook delivery to user " + claimed.userId() + " failed (" + failure + "); retrying in "
					+ backoff);
		}
	}

	/**
	 * Disables the webhook, empties its queue and tells its user, in one transaction: the
	 * user never sees the webhook disabled without the notice, and a crash in between
	 * leaves it enabled, to be disabled again by the next failure.
	 */
	private void disable(long userId, int failures) {
		Boolean disabled = this.transaction.execute((status) -> {
			int updated = this.jdbc
				.sql("update webhooks set disabled_at = :now where user_id = :user and disabled_at is null")
				.param("now", timestamp(this.clock.instant()))
				.param("user", userId)
				.update();
			if (updated == 0) {
				return false;
			}
			this.jdbc.sql("delete from webhook_deliveries where user_id = :user").param("user", userId).update();
			this.writer.record(null, List.of(new NewNotification(userId, NotificationType.PUSH_DISABLED, null, null,
					null, this.clock.instant())));
			return true;
		});
		if (!Boolean.TRUE.equals(disabled)) {
			return;
		}
		log.warn("Disabled the webhook of user " + userId + " after " + failures + " failed attempts in a row");
		Counter.builder("murmur.notification.push.disabled")
			.description("Webhooks disabled after failing too often in a row")
			.register(this.meters)
			.increment();
	}

	Duration backoff(int attempts) {
		Duration backoff = this.properties.minBackoff();
		for (int i = 1; i < attempts && backoff.compareTo(this.properties.maxBackoff()) < 0; i++) {
			backoff = backoff.multipliedBy(2);
		}
		return (backoff.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : backoff;
	}

	private void outcome(String outcome) {
		deliveries(outcome).increment();
	}

	private Counter deliveries(String outcome) {
		return Counter.builder("murmur.notification.push.deliveries")
			.description("Webhook delivery attempts, by outcome: delivered, failed (retried), dropped (the"
					+ " webhook or the group is gone)")
			.tag("outcome", outcome)
			.register(this.meters);
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	@Override
	public void destroy() {
		this.senders.shutdownNow();
	}

	/**
	 * A row this replica claimed.
	 */
	record Claimed(long id, long userId, long groupId, UUID messageId, long notificationId, int attempts) {

	}

	/**
	 * What a delivery's body holds, as the Standard Webhooks specification suggests.
	 *
	 * @param type what the message is about
	 * @param timestamp when it was sent
	 * @param data the notification's group as the list shows it
	 */
	record Payload(String type, Instant timestamp, NotificationItem data) {

	}

}
