package io.murmur.user.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which passwords Murmur accepts: 10 to 128 characters (counted as Unicode code points,
 * so an emoji is one), and nothing trivial to guess:
 * <ul>
 * <li>a password from the embedded list of common passwords, ignoring case;</li>
 * <li>a common word such as {@code password} or {@code qwerty} decorated only with digits
 * and symbols ({@code Password2024!});</li>
 * <li>one that contains the handle, or the local part of the email address;</li>
 * <li>one character repeated, or a short pattern repeated ({@code abcabcabca});</li>
 * <li>a run of consecutive characters ({@code abcdefghij}, {@code 9876543210}).</li>
 * </ul>
 * This is a floor against the guesses attackers try first, not a strength meter.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	static final int MAX_LENGTH = 128;

	/** Why a password of the wrong length is refused. */
	static final String LENGTH_MESSAGE = "must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters long";

	private static final int MAX_PATTERN_LENGTH = 4;

	private static final int MIN_EMAIL_LOCAL_PART = 4;

	private static final Set<String> COMMON_PASSWORDS = load("common-passwords.txt");

	private static final Set<String> COMMON_WORDS = load("common-password-words.txt");

	private PasswordPolicy() {
	}

	/**
	 * Checks a password.
	 * @param password the password
	 * @param handle the handle of the account, if known
	 * @param email the email address of the account, if known
	 * @return why the password is refused, or empty if it is acceptable
	 */
	static Optional<String> check(String password, @Nullable String handle, @Nullable String email) {
		if (!hasAcceptableLength(password)) {
			return Optional.of(LENGTH_MESSAGE);
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON_PASSWORDS.contains(lower) || COMMON_WORDS.contains(lettersOnly(lower))) {
			return Optional.of("is too common; choose a password that is hard to guess");
		}
		if (handle != null && handle.length() >= 3 && lower.contains(handle.toLowerCase(Locale.ROOT))) {
			return Optional.of("must not contain the handle");
		}
		String localPart = localPart(email);
		if (localPart != null && localPart.length() >= MIN_EMAIL_LOCAL_PART && lower.contains(localPart)) {
			return Optional.of("must not contain the email address");
		}
		int[] codePoints = lower.codePoints().toArray();
		if (isRepeatedPattern(codePoints)) {
			return Optional.of("must not be a character or a short pattern repeated");
		}
		if (isSequence(codePoints)) {
			return Optional.of("must not be a sequence of consecutive characters");
		}
		return Optional.empty();
	}

	/**
	 * Whether a password's length, in characters, is within the bounds.
	 * @param password the password
	 * @return whether it is neither too short nor too long
	 */
	static boolean hasAcceptableLength(String password) {
		int length = password.codePointCount(0, password.length());
		return length >= MIN_LENGTH && length <= MAX_LENGTH;
	}

	private static String lettersOnly(String password) {
		StringBuilder letters = new StringBuilder();
		password.codePoints().filter(Character::isLetter).forEach(letters::appendCodePoint);
		return letters.toString();
	}

	private static @Nullable String localPart(@Nullable String email) {
		if (email == null) {
			return null;
		}
		int at = email.lastIndexOf('@');
		return (at > 0) ? email.substring(0, at).toLowerCase(Locale.ROOT) : null;
	}

	private static boolean isRepeatedPattern(int[] codePoints) {
		for (int size = 1; size <= MAX_PATTERN_LENGTH && size <= codePoints.length / 2; size++) {
			boolean repeated = true;
			for (int i = size; i < codePoints.length && repeated; i++) {
				repeated = codePoints[i] == codePoints[i - size];
			}
			if (repeated) {
				return true;
			}
		}
		return false;
	}

	private static boolean isSequence(int[] codePoints) {
		int step = codePoints[1] - codePoints[0];
		if (step != 1 && step != -1) {
			return false;
		}
		for (int i = 2; i < codePoints.length; i++) {
			if (codePoints[i] - codePoints[i - 1] != step) {
				return false;
			}
		}
		return true;
	}

	private static Set<String> load(String name) {
		Set<String> entries = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + name);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String entry = line.strip();
				if (!entry.isEmpty() && !entry.startsWith("#")) {
					entries.add(entry.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(entries);
	}

}
