package io.murmur.user.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import io.murmur.user.account.PlainText;

/**
 * A login.
 *
 * @param login the handle (any case) or the email address: plain text, which a NUL, that
 * PostgreSQL refuses in any text, is not
 * @param password the password
 */
record LoginRequest(@NotBlank @PlainText(max = 254) String login, @NotEmpty @Size(max = 1024) String password) {

}
