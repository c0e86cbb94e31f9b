package io.murmur.user.account;

import java.util.Locale;

/**
 * How handles and emails are compared: handles are ASCII and compared ignoring case,
 * emails are trimmed and stored in lower case.
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

}
