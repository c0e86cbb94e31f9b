/**
 * What each user wants to be notified of: types, and people they do not follow.
 */
@NullMarked
package io.murmur.notification.preference;

import org.jspecify.annotations.NullMarked;
