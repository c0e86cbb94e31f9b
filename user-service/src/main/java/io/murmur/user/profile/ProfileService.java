package io.murmur.user.profile;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.murmur.events.user.ProfileUpdated;
import io.murmur.support.events.outbox.PostgresOutbox;
import io.murmur.support.web.ProblemException;
import io.murmur.support.web.UserIds;
import io.murmur.user.account.User;
import io.murmur.user.account.UserRepository;
import io.murmur.user.account.UserResponse;
import io.murmur.user.account.UserResponses;
import io.murmur.user.media.MediaLibrary;
import io.murmur.user.web.UserProblem;

/**
 * Reads profiles and changes one's own. A change locks the account's row first, so that
 * concurrent changes of one profile apply, and publish their {@link ProfileUpdated}
 * events, in one order. A new avatar is accepted by media-service (the user's own ready
 * still image) before it is stored.
 */
@Service
class ProfileService {

	private final UserRepository users;

	private final UserResponses responses;

	private final MediaLibrary media;

	private final PostgresOutbox outbox;

	ProfileService(UserRepository users, UserResponses responses, MediaLibrary media, PostgresOutbox outbox) {
		this.users = users;
		this.media = media;
		this.responses = responses;
		this.outbox = outbox;
	}

	@Transactional(readOnly = true)
	UserResponse byId(long id) {
		return this.users.findById(id).map(this.responses::of).orElseThrow(ProfileService::notFound);
	}

	@Transactional(readOnly = true)
	UserResponse byHandle(String handle) {
		return this.users.findByHandle(handle).map(this.responses::of).orElseThrow(ProfileService::notFound);
	}

	/**
	 * The users with the given ids that exist, in the order asked for, read with one
	 * query.
	 */
	@Transactional(readOnly = true)
	List<UserResponse> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, User> found = this.users.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(User::getId, Function.identity()));
		return this.responses.of(ids.stream().map(found::get).filter(Objects::nonNull).toList());
	}

	@Transactional
	UserResponse update(long userId, ProfileUpdateRequest request) {
		User user = this.users.findByIdForUpdate(userId).orElseThrow(ProfileService::notFound);
		String displayName = request.hasDisplayName() ? displayName(request.displayName(), user)
				: user.getDisplayName();
		String bio = request.hasBio() ? Optional.ofNullable(request.bio()).map(String::strip).orElse("")
				: user.getBio();
		Long avatarMediaId = request.hasAvatarMediaId() ? avatarMediaId(request.avatarMediaId())
				: user.getAvatarMediaId();
		if (avatarMediaId != null && !avatarMediaId.equals(user.getAvatarMediaId())) {
			this.media.acceptAvatar(userId, avatarMediaId);
		}
		Instant now = Instant.now();
		if (user.changeProfile(displayName, bio, avatarMediaId, now)) {
			this.outbox.append(new ProfileUpdated(UUID.randomUUID(), now, user.getId(), user.getHandle(),
					user.getDisplayName(), user.getBio(), user.getAvatarMediaId()));
		}
		return this.responses.of(user);
	}

	private static String displayName(@Nullable String displayName, User user) {
		if (displayName == null) {
			return user.getHandle();
		}
		if (displayName.isBlank()) {
			throw ProblemException.invalidField("displayName", "must not be blank; send null to use the handle");
		}
		return displayName.strip();
	}

	private static @Nullable Long avatarMediaId(@Nullable String avatarMediaId) {
		if (avatarMediaId == null) {
			return null;
		}
		OptionalLong id = UserIds.parse(avatarMediaId);
		if (id.isEmpty()) {
			throw ProblemException.invalidField("avatarMediaId", "must be a media id: a positive decimal string");
		}
		return id.getAsLong();
	}

	private static ProblemException notFound() {
		return new ProblemException(UserProblem.USER_NOT_FOUND, "No such user");
	}

}
