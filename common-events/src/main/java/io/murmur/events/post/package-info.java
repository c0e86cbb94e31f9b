/**
 * Events published by post-service on {@value io.murmur.events.Topics#POST}, keyed by the
 * id of the author of the post each event is about.
 */
@NullMarked
package io.murmur.events.post;

import org.jspecify.annotations.NullMarked;
