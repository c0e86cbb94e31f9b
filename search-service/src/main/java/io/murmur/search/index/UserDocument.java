package io.murmur.search.index;

import java.time.Instant;

/**
 * A person as the users index holds them.
 *
 * @param id the user id
 * @param handle the handle, without {@code @}
 * @param displayName the display name
 * @param followers how many follow them, a ranking signal
 * @param profileAt when the profile held here was current: a profile event older than
 * this is stale and left out
 */
public record UserDocument(String id, String handle, String displayName, long followers, Instant profileAt) {

}
