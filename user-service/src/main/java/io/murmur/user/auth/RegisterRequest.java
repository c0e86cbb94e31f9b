package io.murmur.user.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.murmur.user.account.PlainText;

/**
 * A registration. The handle is ASCII on purpose: letters that look alike across scripts
 * (a Cyrillic {@code а} for a Latin {@code a}, fullwidth letters) would let one account
 * pose as another.
 *
 * @param handle 3 to 30 of {@code A-Z a-z 0-9 _}, unique ignoring case
 * @param email the email address, unique ignoring case
 * @param password see {@link PasswordPolicy}
 * @param displayName the name shown next to the handle; the handle if absent
 */
@AcceptablePassword
record RegisterRequest(
		@NotNull @Pattern(regexp = "[A-Za-z0-9_]{3,30}",
				message = "must be 3 to 30 characters of A-Z, a-z, 0-9 and _") @Nullable String handle,
		@NotBlank @Email @Size(max = 254) @Nullable String email, @NotNull @Nullable String password,
		@PlainText(max = 50) @Nullable String displayName) {

}
