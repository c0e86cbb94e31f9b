/**
 * The notifications API: grouped and single pages by cursor, the unread count, the read
 * marker, and the hydration of actors and posts.
 */
@NullMarked
package io.murmur.notification.read;

import org.jspecify.annotations.NullMarked;
