package io.murmur.media.cleanup;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.media.media.MediaAttachments;

/**
 * Follows posts: a new post's media, the author's own and ready, is attached to it (so
 * that the clean-up keeps it, also for posts written before post-service claimed media
 * itself), and a deleted post's media is deleted with its objects. Both are idempotent:
 * attaching to the same post again and deleting what is gone change nothing.
 */
@Component
class PostEventsListener {

	private final MediaAttachments attachments;

	private final MediaDeletion deletion;

	PostEventsListener(MediaAttachments attachments, MediaDeletion deletion) {
		this.attachments = attachments;
		this.deletion = deletion;
	}

	@KafkaListener(topics = Topics.POST)
	void on(MurmurEvent event) {
		if (event instanceof PostCreated created && !created.mediaIds().isEmpty()) {
			this.attachments.attachOwnReady(created.postId(), created.authorId(), created.mediaIds());
		}
		else if (event instanceof PostDeleted deleted) {
			this.attachments.onPost(deleted.postId()).forEach(this.deletion::delete);
		}
	}

}
