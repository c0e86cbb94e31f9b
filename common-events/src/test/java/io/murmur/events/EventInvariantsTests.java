package io.murmur.events;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.murmur.events.graph.UserFollowed;
import io.murmur.events.media.MediaUploaded;
import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostLiked;
import io.murmur.events.post.PostReposted;

import static io.murmur.events.SampleEvents.ALICE;
import static io.murmur.events.SampleEvents.BOB;
import static io.murmur.events.SampleEvents.MEDIA;
import static io.murmur.events.SampleEvents.OCCURRED_AT;
import static io.murmur.events.SampleEvents.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The records refuse to be built in a state no consumer should have to handle.
 */
class EventInvariantsTests {

	@Test
	void shouldCopyListsSoThatAPublishedEventCannotChange() {
		List<Long> mediaIds = new ArrayList<>(List.of(MEDIA));
		PostCreated event = postCreated(null, null, mediaIds);
		mediaIds.add(MEDIA + 1);
		assertThat(event.mediaIds()).containsExactly(MEDIA);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> event.mediaIds().add(MEDIA + 1));
	}

	@Test
	void shouldRequireTheRepliedToPostAndItsAuthorTogether() {
		assertThatIllegalArgumentException().isThrownBy(() -> postCreated(POST - 1, null, List.of()))
			.withMessageContaining("replyToAuthorId");
		assertThatIllegalArgumentException().isThrownBy(() -> postCreated(null, BOB, List.of()));
		assertThat(postCreated(POST - 1, BOB, List.of()).replyToAuthorId()).isEqualTo(BOB);
	}

	@Test
	void shouldRefuseIdsThatAreNotPositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PostLiked(UUID.randomUUID(), OCCURRED_AT, 0, ALICE, BOB))
			.withMessage("postId must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PostReposted(UUID.randomUUID(), OCCURRED_AT, POST, ALICE, -BOB, POST + 1))
			.withMessage("reposterId must be positive");
	}

	@Test
	void shouldRefuseMissingEventIdentity() {
		assertThatNullPointerException().isThrownBy(() -> new PostLiked(null, OCCURRED_AT, POST, ALICE, BOB))
			.withMessage("eventId must not be null");
		assertThatNullPointerException().isThrownBy(() -> new PostLiked(UUID.randomUUID(), null, POST, ALICE, BOB))
			.withMessage("occurredAt must not be null");
	}

	@Test
	void shouldRefuseASelfFollow() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserFollowed(UUID.randomUUID(), OCCURRED_AT, ALICE, ALICE, OCCURRED_AT));
	}

	@Test
	void shouldRefuseEmptyMedia() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MediaUploaded(UUID.randomUUID(), OCCURRED_AT, MEDIA, ALICE, "image/png", 0));
	}

	private PostCreated postCreated(Long replyToPostId, Long replyToAuthorId, List<Long> mediaIds) {
		return new PostCreated(UUID.randomUUID(), OCCURRED_AT, POST, ALICE, OCCURRED_AT, "text", replyToPostId,
				replyToAuthorId, null, mediaIds, List.of(), List.of());
	}

}
