package io.murmur.user.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A Murmur account with its public profile. The handle is fixed at registration; the
 * profile fields change through {@link #changeProfile}. Never leaves the service: the API
 * shows it as a {@link UserResponse}.
 */
@Entity
@Table(name = "users")
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, updatable = false, length = 30)
	private String handle;

	@Column(nullable = false, length = 254)
	private String email;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "display_name", nullable = false, length = 50)
	private String displayName;

	@Column(nullable = false, length = 160)
	private String bio;

	@Column(name = "avatar_media_id")
	private @Nullable Long avatarMediaId;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/**
	 * Creates a new account.
	 * @param handle the handle, already validated
	 * @param email the email, already normalised to lower case
	 * @param passwordHash the encoded password
	 * @param displayName the display name
	 * @param now the time of registration, kept to the millisecond
	 */
	public User(String handle, String email, String passwordHash, String displayName, Instant now) {
		this.handle = handle;
		this.email = email;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.bio = "";
		this.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
		this.updatedAt = this.createdAt;
	}

	protected User() {
	}

	/**
	 * The id, assigned by the database when the account is saved.
	 * @return the id
	 * @throws IllegalStateException if the account was not saved yet
	 */
	public long getId() {
		if (this.id == null) {
			throw new IllegalStateException("User has not been saved yet");
		}
		return this.id;
	}

	public String getHandle() {
		return this.handle;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getBio() {
		return this.bio;
	}

	public @Nullable Long getAvatarMediaId() {
		return this.avatarMediaId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/**
	 * Replaces the password hash, for example when the encoder's defaults got stronger.
	 * @param passwordHash the new encoded password
	 */
	public void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	/**
	 * Changes the profile.
	 * @param displayName the new display name
	 * @param bio the new bio, empty for none
	 * @param avatarMediaId the new avatar, or {@code null} for none
	 * @param now the time of the change
	 * @return whether anything changed
	 */
	public boolean changeProfile(String displayName, String bio, @Nullable Long avatarMediaId, Instant now) {
		boolean changed = !this.displayName.equals(displayName) || !this.bio.equals(bio)
				|| !Objects.equals(this.avatarMediaId, avatarMediaId);
		if (changed) {
			this.displayName = displayName;
			this.bio = bio;
			this.avatarMediaId = avatarMediaId;
			this.updatedAt = now.truncatedTo(ChronoUnit.MILLIS);
		}
		return changed;
	}

}
