package io.murmur.user.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A login.
 *
 * @param login the handle (any case) or the email address
 * @param password the password
 */
record LoginRequest(@NotBlank @Size(max = 254) String login, @NotEmpty @Size(max = 1024) String password) {

}
