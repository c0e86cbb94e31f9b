/**
 * Avatars, owned by media-service: accepting a user's own image as their avatar, and
 * describing avatars with fresh URLs whenever profiles are read.
 */
@NullMarked
package io.murmur.user.media;

import org.jspecify.annotations.NullMarked;
