package io.murmur.post.post;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.murmur.post.engagement.EngagementRepository;
import io.murmur.post.engagement.EngagementRepository.Counts;
import io.murmur.post.media.MediaLibrary;
import io.murmur.support.media.MediaView;

/**
 * Posts as the API shows them: with their counters and what the viewer did to them, and a
 * repost entry with the original post it shows, their authors as user-service describes
 * them, and their media as media-service describes them now (its URLs are short-lived, so
 * they are never stored). The posts, the originals, the counters and the viewer's likes
 * and reposts are each read with a few concurrent {@code IN} queries, and the media with
 * one call to media-service, however many posts a page holds.
 */
@Component
public class PostViews {

	private final PostRepository posts;

	private final EngagementRepository engagement;

	private final MediaLibrary media;

	private final Authors authors;

	PostViews(PostRepository posts, EngagementRepository engagement, MediaLibrary media, Authors authors) {
		this.posts = posts;
		this.engagement = engagement;
		this.media = media;
		this.authors = authors;
	}

	/**
	 * Reads posts by id and renders those that exist, in the order asked, each once.
	 * @param ids the post ids
	 * @param viewerId the viewer, or 0 for none
	 * @return the posts
	 */
	public List<PostResponse> read(List<Long> ids, long viewerId) {
		Map<Long, Post> found = join(this.posts.findAll(ids));
		List<Post> ordered = new ArrayList<>();
		for (Long id : new LinkedHashSet<>(ids)) {
			Post post = found.get(id);
			if (post != null) {
				ordered.add(post);
			}
		}
		return render(ordered, viewerId);
	}

	/**
	 * A post just created, as its author sees it: nothing counted or done to it yet.
	 * @param post the post
	 * @param media its media, as claimed
	 * @return the post as the API shows it
	 */
	PostResponse created(Post post, List<MediaView> media) {
		return PostResponse.of(post, this.authors.of(List.of(post.authorId())).get(post.authorId()), media, Counts.NONE,
				false, false, null);
	}

	/**
	 * Renders posts; a repost entry whose original is gone is left out.
	 * @param found the posts
	 * @param viewerId the viewer, or 0 for none
	 * @return the posts as the API shows them
	 */
	List<PostResponse> render(List<Post> found, long viewerId) {
		Set<Long> missing = new HashSet<>();
		for (Post post : found) {
			if (post.isRepost()) {
				missing.add(post.repostOf());
			}
		}
		Map<Long, Post> originals = missing.isEmpty() ? Map.of() : join(this.posts.findAll(missing));
		Map<Long, Post> content = new LinkedHashMap<>();
		for (Post post : found) {
			Post shown = post.isRepost() ? originals.get(post.repostOf()) : post;
			if (shown != null) {
				content.put(shown.id(), shown);
			}
		}
		CompletableFuture<Map<Long, Counts>> counts = this.engagement.counts(content.keySet());
		CompletableFuture<Set<Long>> liked = this.engagement.likedBy(content.keySet(), viewerId);
		CompletableFuture<Set<Long>> reposted = this.engagement.repostedBy(content.keySet(), viewerId);
		Map<Long, Counts> countsOf = join(counts);
		Set<Long> likedIds = join(liked);
		Set<Long> repostedIds = join(reposted);
		Function<Post, List<MediaView>> mediaOf = media(content.values());
		Set<Long> named = new HashSet<>();
		found.forEach((post) -> named.add(post.authorId()));
		content.values().forEach((post) -> named.add(post.authorId()));
		Map<Long, PostResponse.Author> authorOf = this.authors.of(named);
		List<PostResponse> responses = new ArrayList<>();
		for (Post post : found) {
			Post shown = post.isRepost() ? originals.get(post.repostOf()) : post;
			if (shown == null) {
				continue;
			}
			Counts shownCounts = countsOf.getOrDefault(shown.id(), Counts.NONE);
			boolean isLiked = likedIds.contains(shown.id());
			boolean isReposted = repostedIds.contains(shown.id());
			PostResponse original = post.isRepost() ? PostResponse.of(shown, authorOf.get(shown.authorId()),
					mediaOf.apply(shown), shownCounts, isLiked, isReposted, null) : null;
			responses.add(PostResponse.of(post, authorOf.get(post.authorId()), mediaOf.apply(post), shownCounts,
					isLiked, isReposted, original));
		}
		return responses;
	}

	/**
	 * The media of each post, described by media-service in one call for all of them:
	 * only what is still there when it answers, its id only when it cannot answer.
	 */
	private Function<Post, List<MediaView>> media(Collection<Post> shown) {
		List<Long> ids = shown.stream().flatMap((post) -> post.mediaIds().stream()).toList();
		if (ids.isEmpty()) {
			return (post) -> List.of();
		}
		Map<Long, MediaView> described = this.media.describe(ids).orElse(null);
		if (described == null) {
			return (post) -> post.mediaIds().stream().map(MediaView::unavailable).toList();
		}
		return (post) -> post.mediaIds().stream().map(described::get).filter(Objects::nonNull).toList();
	}

	/**
	 * Waits for a read, rethrowing its failure as it was thrown.
	 * @param future the read
	 * @return its result
	 */
	public static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	static @Nullable String string(@Nullable Long id) {
		return (id != null) ? Long.toString(id) : null;
	}

}
