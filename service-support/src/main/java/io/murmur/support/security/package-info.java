/**
 * Every service is an OAuth2 resource server of user-service's access tokens: user tokens
 * for the public API and {@code /internal/**}, service tokens (client credentials) for
 * {@code /internal/**} only.
 */
@NullMarked
package io.murmur.support.security;

import org.jspecify.annotations.NullMarked;
