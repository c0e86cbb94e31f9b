/**
 * Events published by user-service on {@value io.murmur.events.Topics#USER}, keyed by
 * user id.
 */
@NullMarked
package io.murmur.events.user;

import org.jspecify.annotations.NullMarked;
