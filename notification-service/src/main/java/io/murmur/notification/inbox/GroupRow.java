package io.murmur.notification.inbox;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A group as a page lists it.
 *
 * @param id the group's id
 * @param type the type of its members
 * @param postId the post its members are about, if any
 * @param targetPostId the recipient's post a reply or quote is about, if any
 * @param latestId the id of its newest member, which orders the list
 * @param latestAt when the newest member was stored
 * @param count how many members it has
 * @param recentActors the latest actors, newest first
 */
public record GroupRow(long id, NotificationType type, @Nullable Long postId, @Nullable Long targetPostId,
		long latestId, Instant latestAt, int count, List<Long> recentActors) {

}
