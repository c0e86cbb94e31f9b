package io.murmur.media.cleanup;

import java.time.Clock;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.murmur.media.config.MediaProperties;
import io.murmur.media.media.Media;
import io.murmur.media.media.MediaRepository;
import io.murmur.media.quota.UploadQuota;

/**
 * Deletes media that went on no post and is no avatar within
 * {@code murmur.media.cleanup.unattached-after} of its upload (an abandoned draft, a
 * presigned upload never completed, a refused one), with its objects, and forgets quota
 * counts of past days. Replicas may run it at the same time: a deletion done twice does
 * nothing the second time.
 */
@Component
class UnattachedMediaCleanup {

	private static final Log log = LogFactory.getLog(UnattachedMediaCleanup.class);

	private final MediaRepository repository;

	private final MediaDeletion deletion;

	private final UploadQuota quota;

	private final MediaProperties.Cleanup properties;

	private final Clock clock;

	UnattachedMediaCleanup(MediaRepository repository, MediaDeletion deletion, UploadQuota quota,
			MediaProperties properties, Clock clock) {
		this.repository = repository;
		this.deletion = deletion;
		this.quota = quota;
		this.properties = properties.cleanup();
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${murmur.media.cleanup.interval:5m}", initialDelayString = "10s")
	void run() {
		List<Media> unattached = this.repository.unattachedBefore(
				this.clock.instant().minus(this.properties.unattachedAfter()), this.properties.batchSize());
		int deleted = 0;
		for (Media media : unattached) {
			try {
				this.deletion.delete(media);
				deleted++;
			}
			catch (RuntimeException ex) {
				log.warn("Could not delete unattached media " + media.id() + ", trying again next run: " + ex);
			}
		}
		if (deleted > 0) {
			log.info("Deleted " + deleted + " unattached media");
		}
		this.quota.forgetOldDays();
	}

}
