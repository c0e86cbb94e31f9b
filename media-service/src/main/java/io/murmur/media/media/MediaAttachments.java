package io.murmur.media.media;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.murmur.media.inspect.MediaKind;
import io.murmur.support.web.InvalidField;
import io.murmur.support.web.ProblemException;

/**
 * Which media is on which post, and which is an avatar: what post-service and
 * user-service ask before they accept a media id, and what keeps media from the clean-up.
 */
@Component
public class MediaAttachments {

	private final MediaRepository repository;

	private final TransactionTemplate transaction;

	private final Clock clock;

	MediaAttachments(MediaRepository repository, TransactionTemplate transaction, Clock clock) {
		this.repository = repository;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Puts media on a post, all or none: each must be the author's, ready, and on no
	 * other post. Claiming again for the same post is fine, so post-service may retry.
	 * @param postId the post
	 * @param ownerId its author
	 * @param ids the media ids, in display order
	 * @return the media, in the order given
	 * @throws ProblemException {@code media-not-attachable} (422) naming each id that
	 * cannot go on the post and why
	 */
	public List<Media> claim(long postId, long ownerId, List<Long> ids) {
		Set<Long> distinct = new LinkedHashSet<>(ids);
		Boolean claimed = this.transaction.execute((status) -> {
			if (this.repository.attach(postId, ownerId, distinct) == distinct.size()) {
				return true;
			}
			status.setRollbackOnly();
			return false;
		});
		Map<Long, Media> found = this.repository.findAll(distinct)
			.stream()
			.collect(Collectors.toMap(Media::id, Function.identity()));
		if (!Boolean.TRUE.equals(claimed)) {
			List<InvalidField> errors = new ArrayList<>();
			for (int i = 0; i < ids.size(); i++) {
				String reason = refusal(found.get(ids.get(i)), postId, ownerId);
				if (reason != null) {
					errors.add(new InvalidField("mediaIds[" + i + "]", reason));
				}
			}
			throw ProblemException.invalid(MediaProblem.MEDIA_NOT_ATTACHABLE, "Some media cannot go on this post",
					errors);
		}
		return ids.stream().map(found::get).toList();
	}

	private static @org.jspecify.annotations.Nullable String refusal(@org.jspecify.annotations.Nullable Media media,
			long postId, long ownerId) {
		if (media == null || media.ownerId() != ownerId) {
			return "is not a media of the author";
		}
		if (media.state() != MediaState.READY) {
			return "is not ready (" + media.state().value() + ")";
		}
		if (media.postId() != null && media.postId() != postId) {
			return "is on another post";
		}
		if (media.avatar()) {
			return "is the author's avatar";
		}
		return null;
	}

	/**
	 * Puts on a post whichever of its media are the author's, ready and free, one by one:
	 * for posts that post-service accepted without claiming them.
	 * @param postId the post
	 * @param ownerId its author
	 * @param ids the media ids
	 */
	public void attachOwnReady(long postId, long ownerId, List<Long> ids) {
		for (Long id : ids) {
			this.repository.attach(postId, ownerId, List.of(id));
		}
	}

	/**
	 * Withdraws a claim whose post was never stored: the media is unattached again, so
	 * that the author may put it on the post they retry (and the clean-up takes it if
	 * they never do). Idempotent. Should the post have been stored after all, its
	 * {@code PostCreated} attaches the media again.
	 * @param postId the post that was not stored
	 */
	public void withdraw(long postId) {
		this.repository.detach(postId, this.clock.instant());
	}

	/**
	 * The media on a post.
	 * @param postId the post
	 * @return its media
	 */
	public List<Media> onPost(long postId) {
		return this.repository.onPost(postId);
	}

	/**
	 * Accepts an image as its owner's avatar, which keeps it from the clean-up.
	 * @param ownerId the user
	 * @param id the media id
	 * @return the media
	 * @throws ProblemException {@code media-not-attachable} (422) when it is not the
	 * user's ready still image, or is on a post
	 */
	public Media avatar(long ownerId, long id) {
		Media media = this.repository.find(id).filter((found) -> found.ownerId() == ownerId).orElse(null);
		String reason = null;
		if (media == null) {
			reason = "is not a media of the user";
		}
		else if (media.state() != MediaState.READY) {
			reason = "is not ready (" + media.state().value() + ")";
		}
		else if (media.format() == null || media.format().kind() != MediaKind.IMAGE) {
			reason = "is not an image";
		}
		else if (!media.avatar() && !this.repository.markAvatar(id, ownerId)) {
			reason = "is on a post";
		}
		if (reason != null) {
			throw ProblemException.invalid(MediaProblem.MEDIA_NOT_ATTACHABLE, "This media cannot be the avatar",
					List.of(new InvalidField("avatarMediaId", reason)));
		}
		return this.repository.find(id).orElseThrow(MediaService::notFound);
	}

	/**
	 * Follows a profile's avatar after user-service stored it: the avatar named is kept
	 * (marked again, should an earlier change, handled late, have let it go) and every
	 * other avatar of the user is let go, so that the clean-up deletes a replaced or
	 * removed avatar once its window has passed since then. Idempotent; applied in the
	 * order of the profile's changes, the last one decides.
	 * @param ownerId the user
	 * @param avatarId the profile's avatar, or {@code null} when it has none
	 */
	public void followProfile(long ownerId, @Nullable Long avatarId) {
		this.transaction.executeWithoutResult((status) -> {
			if (avatarId != null) {
				this.repository.markAvatar(avatarId, ownerId);
			}
			this.repository.releaseAvatars(ownerId, avatarId, this.clock.instant());
		});
	}

	/**
	 * Ready media by id, for hydration.
	 * @param ids the ids
	 * @return the ready ones among them, in the order given; unknown and unready ids are
	 * left out
	 */
	public List<Media> ready(List<Long> ids) {
		Map<Long, Media> found = this.repository.findAll(new LinkedHashSet<>(ids))
			.stream()
			.filter((media) -> media.state() == MediaState.READY)
			.collect(Collectors.toMap(Media::id, Function.identity()));
		return ids.stream().distinct().filter(found::containsKey).map(found::get).toList();
	}

}
