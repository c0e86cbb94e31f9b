/**
 * Profiles: reading users by id and handle, changing one's own profile, and the batch
 * lookup other services hydrate with.
 */
@NullMarked
package io.murmur.user.profile;

import org.jspecify.annotations.NullMarked;
