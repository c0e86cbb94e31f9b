/**
 * The client side of service tokens: a service that calls another service's
 * {@code /internal/**} endpoints from background work, where no user token exists, gets a
 * token of its own from user-service with the OAuth 2.0 client credentials grant.
 */
@NullMarked
package io.murmur.support.client;

import org.jspecify.annotations.NullMarked;
