/**
 * Tokens: RS256 access tokens, their signing keys and JWKS, and rotating refresh tokens.
 */
@NullMarked
package io.murmur.user.token;

import org.jspecify.annotations.NullMarked;
