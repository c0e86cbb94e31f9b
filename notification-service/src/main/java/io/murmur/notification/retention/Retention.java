package io.murmur.notification.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.murmur.notification.config.NotificationProperties;

/**
 * Prunes what is no longer needed, in small batches, on one replica at a time (a
 * transaction-level advisory lock with a key of its own; recipients' locks are their
 * positive user ids):
 * <ul>
 * <li>read notifications older than the retention: whole groups whose newest member is
 * read and older than it, so counts and unread numbers stay true;</li>
 * <li>the ids of events handled longer ago than the deduplication horizon.</li>
 * </ul>
 */
@Component
public class Retention {

	private static final Log log = LogFactory.getLog(Retention.class);

	/** The advisory lock of the pruning run. */
	static final long LOCK = -0x6d75726d75720002L;

	static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final NotificationProperties properties;

	Retention(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${murmur.notification.prune-interval:1h}", initialDelayString = "1m")
	void scheduled() {
		Pruned pruned = prune();
		if (pruned.groups() > 0 || pruned.events() > 0) {
			log.info("Pruned " + pruned.groups() + " read notification groups and " + pruned.events()
					+ " handled event ids");
		}
	}

	/**
	 * Prunes now.
	 * @return what was pruned
	 */
	public Pruned prune() {
		Instant now = this.clock.instant();
		OffsetDateTime readBefore = OffsetDateTime.ofInstant(now.minus(this.properties.retention()), ZoneOffset.UTC);
		OffsetDateTime handledBefore = OffsetDateTime.ofInstant(now.minus(this.properties.dedupeRetention()),
				ZoneOffset.UTC);
		long groups = 0;
		long events = 0;
		int batch;
		do {
			batch = inBatch("""
					delete from notification_groups where id in (
					    select g.id from notification_groups g join inbox_state s on s.user_id = g.recipient_id
					    where g.latest_at < :before and g.latest_id <= s.read_up_to limit :batch)
					""", readBefore);
			groups += Math.max(batch, 0);
		}
		while (batch == BATCH);
		do {
			batch = inBatch("""
					delete from processed_events where event_id in (
					    select event_id from processed_events where processed_at < :before limit :batch)
					""", handledBefore);
			events += Math.max(batch, 0);
		}
		while (batch == BATCH);
		return new Pruned(groups, events);
	}

	private int inBatch(String delete, OffsetDateTime before) {
		Integer deleted = this.transaction.execute((status) -> {
			boolean locked = Boolean.TRUE.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
				.param("lock", LOCK)
				.query(Boolean.class)
				.single());
			if (!locked) {
				return -1;
			}
			return this.jdbc.sql(delete).param("before", before).param("batch", BATCH).update();
		});
		return (deleted != null) ? deleted : -1;
	}

	/**
	 * What a run pruned.
	 *
	 * @param groups read notification groups, with their notifications
	 * @param events ids of handled events
	 */
	public record Pruned(long groups, long events) {

	}

}
