package io.murmur.user.account;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How handles and emails are compared: handles are ASCII and compared ignoring case,
 * emails are trimmed and stored in lower case. And what a new account's display name is.
 */
public final class Normalization {

	private Normalization() {
	}

	/**
	 * The lower-case form of a handle, the form uniqueness is decided on.
	 * @param handle a handle
	 * @return the handle in lower case
	 */
	public static String lowerCase(String handle) {
		return handle.toLowerCase(Locale.ROOT);
	}

	/**
	 * The stored form of an email address.
	 * @param email an email address as entered
	 * @return the address trimmed and in lower case
	 */
	public static String email(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The display name a new account is stored with.
	 * @param displayName the display name as entered, if any
	 * @param handle the account's handle
	 * @return the display name without surrounding white space, or the handle if none or
	 * a blank one was entered
	 */
	public static String displayName(@Nullable String displayName, String handle) {
		return (displayName != null && !displayName.isBlank()) ? displayName.strip() : handle;
	}

}
