package io.murmur.notification.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import io.murmur.notification.inbox.GroupRow;
import io.murmur.notification.inbox.NotificationRow;
import io.murmur.notification.read.NotificationItem.Actor;
import io.murmur.notification.read.NotificationItem.Post;
import io.murmur.notification.source.PostDirectory;
import io.murmur.notification.source.PostDirectory.PostSummary;
import io.murmur.support.profile.UserProfiles;
import io.murmur.support.profile.UserView;

/**
 * Turns stored notifications into what the API shows: one batch call to user-service for
 * every actor a page names, and one to post-service for every post, made at the same time
 * and each only for what is not kept from a recent page. A page is still served when
 * either service does not answer, with the ids alone, so that a slow user-service never
 * hides a user's notifications.
 */
@Component
public class Hydrator {

	private static final Log log = LogFactory.getLog(Hydrator.class);

	private final UserProfiles users;

	private final PostDirectory posts;

	/** Where a page's post look-up runs while its user look-up runs on the caller. */
	private final Executor lookups = Executors.newVirtualThreadPerTaskExecutor();

	Hydrator(UserProfiles users, PostDirectory posts) {
		this.users = users;
		this.posts = posts;
	}

	/**
	 * Groups as items.
	 * @param groups the groups of a page
	 * @param readUpTo the recipient's read marker
	 * @return the items, in the same order
	 */
	public List<NotificationItem> groups(List<GroupRow> groups, long readUpTo) {
		Set<Long> actorIds = new LinkedHashSet<>();
		Set<Long> postIds = new LinkedHashSet<>();
		groups.forEach((group) -> {
			actorIds.addAll(group.recentActors());
			if (group.postId() != null) {
				postIds.add(group.postId());
			}
		});
		Found found = lookUp(actorIds, postIds);
		List<NotificationItem> items = new ArrayList<>(groups.size());
		for (GroupRow group : groups) {
			items.add(new NotificationItem(Long.toString(group.latestId()), Long.toString(group.id()),
					group.type().id(), group.count(), group.recentActors().stream().map(found::actor).toList(),
					found.post(group.postId()), idOrNull(group.targetPostId()), group.latestAt(),
					group.latestId() > readUpTo));
		}
		return items;
	}

	/**
	 * Single notifications as items, each with the count of its group.
	 * @param notifications the notifications
	 * @param readUpTo the recipient's read marker
	 * @param withGroupCount whether an item carries its group's count (a stream's event)
	 * or 1 (a page of single notifications)
	 * @return the items, in the same order
	 */
	public List<NotificationItem> notifications(List<NotificationRow> notifications, long readUpTo,
			boolean withGroupCount) {
		Set<Long> actorIds = new LinkedHashSet<>();
		Set<Long> postIds = new LinkedHashSet<>();
		notifications.forEach((notification) -> {
			if (notification.actorId() != null) {
				actorIds.add(notification.actorId());
			}
			if (notification.postId() != null) {
				postIds.add(notification.postId());
			}
		});
		Found found = lookUp(actorIds, postIds);
		List<NotificationItem> items = new ArrayList<>(notifications.size());
		for (NotificationRow notification : notifications) {
			List<Actor> actors = (notification.actorId() != null) ? List.of(found.actor(notification.actorId()))
					: List.of();
			items.add(new NotificationItem(Long.toString(notification.id()), Long.toString(notification.groupId()),
					notification.type().id(), withGroupCount ? notification.groupCount() : 1, actors,
					found.post(notification.postId()), idOrNull(notification.targetPostId()), notification.createdAt(),
					notification.id() > readUpTo));
		}
		return items;
	}

	private Found lookUp(Set<Long> actorIds, Set<Long> postIds) {
		if (actorIds.isEmpty() || postIds.isEmpty()) {
			return new Found(fetch("user-service", actorIds, this.users::find),
					fetch("post-service", postIds, this.posts::posts));
		}
		CompletableFuture<Map<Long, PostSummary>> posts = CompletableFuture
			.supplyAsync(() -> fetch("post-service", postIds, this.posts::posts), this.lookups);
		Map<Long, UserView> profiles = fetch("user-service", actorIds, this.users::find);
		return new Found(profiles, posts.join());
	}

	private static <T> Map<Long, T> fetch(String service, Collection<Long> ids,
			Function<Collection<Long>, Map<Long, T>> batch) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		try {
			return batch.apply(ids);
		}
		catch (RestClientException | IllegalStateException ex) {
			log.warn("Could not hydrate notifications from " + service + ", showing ids only: " + ex.getMessage());
			return Map.of();
		}
	}

	private static @Nullable String idOrNull(@Nullable Long id) {
		return (id != null) ? Long.toString(id) : null;
	}

	/**
	 * The profiles and posts one page names, as far as their services answered.
	 */
	private record Found(Map<Long, UserView> profiles, Map<Long, PostSummary> posts) {

		Actor actor(long id) {
			UserView profile = this.profiles.get(id);
			return (profile != null)
					? new Actor(profile.id(), profile.handle(), profile.displayName(), profile.avatarUrl())
					: new Actor(Long.toString(id), null, null, null);
		}

		@Nullable Post post(@Nullable Long id) {
			if (id == null) {
				return null;
			}
			PostSummary post = this.posts.get(id);
			return (post != null) ? new Post(post.id(), post.text(), post.createdAt())
					: new Post(Long.toString(id), null, null);
		}

	}

}
