package io.murmur.user.auth;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.CodePointLength;
import org.jspecify.annotations.Nullable;

import io.murmur.user.account.EmailAddress;
import io.murmur.user.account.Handle;
import io.murmur.user.account.PlainText;

/**
 * A registration.
 *
 * @param handle 3 to 30 of {@code A-Z a-z 0-9 _}, unique ignoring case
 * @param email the email address, unique ignoring case
 * @param password see {@link PasswordPolicy}
 * @param displayName the name shown next to the handle; the handle if absent
 */
@AcceptablePassword
record RegisterRequest(@Handle @Nullable String handle, @EmailAddress @Nullable String email,
		@NotNull @CodePointLength(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH,
				message = PasswordPolicy.LENGTH_MESSAGE) @Nullable String password,
		@PlainText(max = 50) @Nullable String displayName) {

}
