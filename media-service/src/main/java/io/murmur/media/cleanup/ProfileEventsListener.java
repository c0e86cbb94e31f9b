package io.murmur.media.cleanup;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.user.ProfileUpdated;
import io.murmur.media.media.MediaAttachments;

/**
 * Follows profiles: when a user replaces or removes their avatar, the avatar they let go
 * becomes unattached, and the clean-up deletes it with its objects once its window has
 * passed. Profile changes of one user come in the order they were made.
 */
@Component
class ProfileEventsListener {

	private final MediaAttachments attachments;

	ProfileEventsListener(MediaAttachments attachments) {
		this.attachments = attachments;
	}

	@KafkaListener(topics = Topics.USER)
	void on(MurmurEvent event) {
		if (event instanceof ProfileUpdated updated) {
			this.attachments.followProfile(updated.userId(), updated.avatarMediaId());
		}
	}

}
