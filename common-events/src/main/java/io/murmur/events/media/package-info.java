/**
 * Events published by media-service on {@value io.murmur.events.Topics#MEDIA}, keyed by
 * owner id.
 */
@NullMarked
package io.murmur.events.media;

import org.jspecify.annotations.NullMarked;
