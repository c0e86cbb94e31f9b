/**
 * HTTP concerns of user-service's own: its problem types and the client address.
 */
@NullMarked
package io.murmur.user.web;

import org.jspecify.annotations.NullMarked;
