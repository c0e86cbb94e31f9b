package io.murmur.support.events.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.media.MediaDeleted;
import io.murmur.events.media.MediaUploaded;

/**
 * A service as the others are made: its outbox in PostgreSQL, and listeners on the media
 * and post topics that fail on purpose for some events.
 */
@SpringBootApplication
public class EventSupportTestApplication {

	/** Uploads of this size fail as if a store were out of reach, twice, then pass. */
	public static final long TRANSIENT_SIZE = 1_001;

	/** Uploads of this size are refused as making no sense. */
	public static final long REFUSED_SIZE = 1_002;

	/** Uploads of this size fail on every attempt with an error that will not pass. */
	public static final long BROKEN_SIZE = 1_003;

	@Bean
	InitializingBean outboxTable(JdbcTemplate jdbc) {
		return () -> jdbc.execute("""
				create table if not exists outbox_events (
				    id          bigint generated always as identity primary key,
				    event_id    uuid         not null,
				    event_type  varchar(100) not null,
				    topic       varchar(249) not null,
				    message_key varchar(100) not null,
				    payload     text         not null,
				    created_at  timestamptz  not null default now()
				)""");
	}

	/**
	 * Records what the listeners were given and what they processed.
	 */
	@Component
	public static class Listeners {

		/** Every event delivered to a listener, retries included. */
		public final List<MurmurEvent> attempts = new CopyOnWriteArrayList<>();

		/** The events processed without failing. */
		public final List<MurmurEvent> processed = new CopyOnWriteArrayList<>();

		private final AtomicInteger transientFailures = new AtomicInteger();

		@KafkaListener(topics = { Topics.MEDIA, Topics.POST })
		void on(MurmurEvent event) {
			this.attempts.add(event);
			if (event instanceof MediaUploaded uploaded) {
				if (uploaded.sizeBytes() == TRANSIENT_SIZE && this.transientFailures.incrementAndGet() <= 2) {
					throw new DataAccessResourceFailureException("thumbnail store out of reach");
				}
				if (uploaded.sizeBytes() == REFUSED_SIZE) {
					throw new IllegalArgumentException("an upload of " + REFUSED_SIZE + " bytes makes no sense");
				}
				if (uploaded.sizeBytes() == BROKEN_SIZE) {
					throw new IllegalStateException("thumbnail store unavailable");
				}
			}
			this.processed.add(event);
		}

	}

}
