/**
 * The endpoints other services call with their service token: claiming media for a post,
 * releasing it, describing media for hydration, checking an avatar.
 */
@NullMarked
package io.murmur.media.internal;

import org.jspecify.annotations.NullMarked;
