package io.murmur.media.cleanup;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.murmur.events.media.MediaDeleted;
import io.murmur.media.media.Media;
import io.murmur.media.media.MediaMetrics;
import io.murmur.media.media.MediaRepository;
import io.murmur.media.media.MediaState;
import io.murmur.media.storage.MediaStorage;
import io.murmur.support.events.outbox.PostgresOutbox;

/**
 * Deletes a media: its objects first, so that nothing stays in S3 when the record is
 * gone, then the record, with {@code MediaDeleted} in the outbox when
 * {@code MediaUploaded} had announced it. Deleting one already gone does nothing, so a
 * replayed event or a second clean-up run is harmless.
 */
@Component
public class MediaDeletion {

	private final MediaStorage storage;

	private final MediaRepository repository;

	private final PostgresOutbox outbox;

	private final TransactionTemplate transaction;

	private final MediaMetrics metrics;

	private final Clock clock;

	MediaDeletion(MediaStorage storage, MediaRepository repository, PostgresOutbox outbox,
			TransactionTemplate transaction, MediaMetrics metrics, Clock clock) {
		this.storage = storage;
		this.repository = repository;
		this.outbox = outbox;
		this.transaction = transaction;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Deletes a media with its objects.
	 * @param media the media
	 */
	public void delete(Media media) {
		this.storage.delete(media.keys());
		this.transaction.executeWithoutResult((status) -> {
			if (this.repository.delete(media.id()) && media.state() == MediaState.READY) {
				this.outbox
					.append(new MediaDeleted(UUID.randomUUID(), this.clock.instant(), media.id(), media.ownerId()));
			}
		});
		this.metrics.deleted(media.storedBytes());
	}

}
