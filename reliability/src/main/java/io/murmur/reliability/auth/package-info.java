/**
 * The auth matrix: every operation against every kind of bad token, and the tokens
 * themselves.
 */
@NullMarked
package io.murmur.reliability.auth;

import org.jspecify.annotations.NullMarked;
