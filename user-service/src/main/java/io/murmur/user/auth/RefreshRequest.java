package io.murmur.user.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A refresh or a logout.
 *
 * @param refreshToken the refresh token
 */
record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {

}
