package io.murmur.user.profile;

import com.fasterxml.jackson.annotation.JsonSetter;
import org.jspecify.annotations.Nullable;

import io.murmur.user.account.PlainText;

/**
 * A change of one's own profile, with JSON merge patch semantics: a field left out stays
 * as it is, a field set to {@code null} is cleared (the display name falls back to the
 * handle), a field with a value is replaced. Hence a class that remembers which fields
 * were present, rather than a record.
 */
final class ProfileUpdateRequest {

	@PlainText(max = 50)
	private @Nullable String displayName;

	private boolean displayNameSet;

	@PlainText(max = 160, multiline = true)
	private @Nullable String bio;

	private boolean bioSet;

	private @Nullable String avatarMediaId;

	private boolean avatarMediaIdSet;

	@JsonSetter("displayName")
	void setDisplayName(@Nullable String displayName) {
		this.displayName = displayName;
		this.displayNameSet = true;
	}

	@JsonSetter("bio")
	void setBio(@Nullable String bio) {
		this.bio = bio;
		this.bioSet = true;
	}

	@JsonSetter("avatarMediaId")
	void setAvatarMediaId(@Nullable String avatarMediaId) {
		this.avatarMediaId = avatarMediaId;
		this.avatarMediaIdSet = true;
	}

	@Nullable String displayName() {
		return this.displayName;
	}

	boolean hasDisplayName() {
		return this.displayNameSet;
	}

	@Nullable String bio() {
		return this.bio;
	}

	boolean hasBio() {
		return this.bioSet;
	}

	@Nullable String avatarMediaId() {
		return this.avatarMediaId;
	}

	boolean hasAvatarMediaId() {
		return this.avatarMediaIdSet;
	}

}
