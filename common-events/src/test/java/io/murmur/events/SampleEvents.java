package io.murmur.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.murmur.events.graph.UserFollowed;
import io.murmur.events.graph.UserUnfollowed;
import io.murmur.events.media.MediaDeleted;
import io.murmur.events.media.MediaUploaded;
import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.events.post.PostLiked;
import io.murmur.events.post.PostReposted;
import io.murmur.events.post.PostUnliked;
import io.murmur.events.post.PostUnreposted;
import io.murmur.events.user.ProfileUpdated;
import io.murmur.events.user.UserRegistered;

/**
 * One event of each type, equal to what its checked-in sample under
 * {@code samples/<type-id>.json} holds. Ids are above 2^53 where they can be, so that a
 * number on the wire would lose precision in JavaScript.
 */
final class SampleEvents {

	static final long ALICE = 7336295843512434689L;

	static final long BOB = 7336295843512434690L;

	static final long POST = 7336301122044452864L;

	static final long REPLIED_TO_POST = 7336299998773686272L;

	static final long QUOTED_POST = 7336298875502919680L;

	static final long REPOST = 7336302245315219456L;

	static final long MEDIA = 7336300498779869184L;

	static final long OTHER_MEDIA = 7336300498779869185L;

	static final Instant OCCURRED_AT = Instant.parse("2026-03-14T15:09:26.535Z");

	private SampleEvents() {
	}

	static MurmurEvent of(EventType type) {
		return switch (type) {
			case USER_REGISTERED -> new UserRegistered(uuid(1), OCCURRED_AT, ALICE, "alice", "Alice Liddell");
			case PROFILE_UPDATED ->
				new ProfileUpdated(uuid(2), OCCURRED_AT, ALICE, "alice", "Alice L.", "Curiouser and curiouser", MEDIA);
			case USER_FOLLOWED ->
				new UserFollowed(uuid(3), OCCURRED_AT, BOB, ALICE, Instant.parse("2026-03-14T15:09:26.500Z"));
			case USER_UNFOLLOWED -> new UserUnfollowed(uuid(4), OCCURRED_AT, BOB, ALICE);
			case POST_CREATED ->
				new PostCreated(uuid(5), OCCURRED_AT, POST, ALICE, Instant.parse("2026-03-14T15:09:26.512Z"),
						"Down the rabbit hole with @bob #wonderland #tea", REPLIED_TO_POST, BOB, QUOTED_POST,
						List.of(MEDIA, OTHER_MEDIA), List.of(BOB), List.of("wonderland", "tea"));
			case POST_DELETED -> new PostDeleted(uuid(6), OCCURRED_AT, POST, ALICE);
			case POST_LIKED -> new PostLiked(uuid(7), OCCURRED_AT, POST, ALICE, BOB);
			case POST_UNLIKED -> new PostUnliked(uuid(8), OCCURRED_AT, POST, ALICE, BOB);
			case POST_REPOSTED -> new PostReposted(uuid(9), OCCURRED_AT, POST, ALICE, BOB, REPOST);
			case POST_UNREPOSTED -> new PostUnreposted(uuid(10), OCCURRED_AT, POST, ALICE, BOB, REPOST);
			case MEDIA_UPLOADED -> new MediaUploaded(uuid(11), OCCURRED_AT, MEDIA, ALICE, "image/jpeg", 482_113);
			case MEDIA_DELETED -> new MediaDeleted(uuid(12), OCCURRED_AT, MEDIA, ALICE);
		};
	}

	private static UUID uuid(int n) {
		return UUID.fromString("3f0c8a4e-9b1d-4c2a-8e57-%012d".formatted(n));
	}

}
