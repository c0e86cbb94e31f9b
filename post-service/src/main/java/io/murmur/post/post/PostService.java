package io.murmur.post.post;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.events.post.PostLiked;
import io.murmur.events.post.PostReposted;
import io.murmur.events.post.PostUnliked;
import io.murmur.events.post.PostUnreposted;
import io.murmur.post.id.PostIds;
import io.murmur.post.outbox.Outbox;
import io.murmur.post.post.PostRepository.Counts;
import io.murmur.support.problem.CommonProblem;
import io.murmur.support.web.InvalidField;
import io.murmur.support.web.ProblemException;

/**
 * Writes and reads posts. Every change that others must hear about writes its event to
 * the outbox together with the change (see {@link Outbox}).
 * <p>
 * Likes and reposts are decided by lightweight transactions on one row per user and post:
 * only the request that actually inserted (or removed) the row moves the counter and
 * publishes an event, so counts stay exact under concurrent and repeated requests. When
 * the event of a new like or repost cannot be stored, the marker row is taken back (best
 * effort) and the request fails, so that a retry starts over. Counters cannot join a
 * logged batch: a crash between storing the event and updating the counter leaves the
 * counter one off.
 */
@Service
class PostService {

	static final int MAX_MEDIA = 4;

	private static final int BUCKETS_PER_READ = 12;

	private final PostRepository posts;

	private final PostIds ids;

	private final Outbox outbox;

	private final UserDirectory users;

	private final Clock clock;

	private final Counter created;

	PostService(PostRepository posts, PostIds ids, Outbox outbox, UserDirectory users, Clock clock,
			MeterRegistry meters) {
		this.created = Counter.builder("murmur.posts.created")
			.description("Posts published, replies and quotes included, reposts not")
			.register(meters);
		this.posts = posts;
		this.ids = ids;
		this.outbox = outbox;
		this.users = users;
		this.clock = clock;
	}

	PostResponse create(long authorId, CreatePostRequest request, String accessToken) {
		List<InvalidField> errors = new ArrayList<>();
		String text = TextFeatures.normalize((request.text() != null) ? request.text() : "");
		if (TextFeatures.length(text) > TextFeatures.MAX_LENGTH) {
			errors.add(new InvalidField("text", "must be at most " + TextFeatures.MAX_LENGTH + " characters"));
		}
		List<Long> mediaIds = new ArrayList<>();
		List<String> media = (request.mediaIds() != null) ? request.mediaIds() : List.of();
		if (media.size() > MAX_MEDIA) {
			errors.add(new InvalidField("mediaIds", "must have at most " + MAX_MEDIA + " entries"));
		}
		for (int i = 0; i < media.size(); i++) {
			Long id = Ids.parse(media.get(i));
			if (id == null) {
				errors.add(new InvalidField("mediaIds[" + i + "]", "must be a media id"));
			}
			else {
				mediaIds.add(id);
			}
		}
		if (text.isBlank() && media.isEmpty()) {
			errors.add(new InvalidField("text", "must not be empty unless the post has media"));
		}
		Post replyTo = referenced("replyTo", request.replyTo(), errors);
		Post quoteOf = referenced("quoteOf", request.quoteOf(), errors);
		if (!errors.isEmpty()) {
			throw ProblemException.invalidFields(errors);
		}
		List<String> handles = TextFeatures.mentions(text);
		Map<Long, String> mentions = handles.isEmpty() ? Map.of() : this.users.resolve(handles, accessToken);
		long id = this.ids.next();
		Instant createdAt = PostIds.instantOf(id);
		Post post = new Post(id, authorId, createdAt, text, mediaIds, (replyTo != null) ? replyTo.id() : null,
				(replyTo != null) ? replyTo.authorId() : null, (quoteOf != null) ? quoteOf.id() : null, null, null,
				mentions, TextFeatures.hashtags(text));
		PostCreated event = new PostCreated(UUID.randomUUID(), this.clock.instant(), id, authorId, createdAt, text,
				post.replyTo(), post.replyToAuthor(), post.quoteOf(), mediaIds, List.copyOf(mentions.keySet()),
				post.hashtags());
		this.posts.insert(post, this.outbox.append(event));
		this.created.increment();
		if (replyTo != null) {
			this.posts.addReplies(replyTo.id(), 1);
		}
		return response(post, Counts.NONE, false, false, null);
	}

	private @Nullable Post referenced(String field, @Nullable String value, List<InvalidField> errors) {
		if (value == null) {
			return null;
		}
		Long id = Ids.parse(value);
		if (id == null) {
			errors.add(new InvalidField(field, "must be a post id"));
			return null;
		}
		Post post = this.posts.findById(id).orElse(null);
		if (post != null && post.isRepost()) {
			post = this.posts.findById(post.repostOf()).orElse(null);
		}
		if (post == null) {
			errors.add(new InvalidField(field, "no post has this id"));
		}
		return post;
	}

	PostResponse get(long id, long viewerId) {
		List<PostResponse> found = render(List.of(find(id)), viewerId);
		if (found.isEmpty()) {
			throw notFound();
		}
		return found.get(0);
	}

	List<PostResponse> batch(List<Long> ids, long viewerId) {
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

	void delete(long id, long userId) {
		Post post = find(id);
		if (post.authorId() != userId) {
			throw new ProblemException(CommonProblem.FORBIDDEN, "Only its author can delete a post");
		}
		if (post.isRepost()) {
			unrepost(post.repostOf(), userId);
			return;
		}
		this.posts.delete(post, this.outbox
			.append(new PostDeleted(UUID.randomUUID(), this.clock.instant(), post.id(), post.authorId())));
		if (post.replyTo() != null) {
			this.posts.addReplies(post.replyTo(), -1);
		}
	}

	void like(long id, long userId) {
		Post post = original(id);
		Instant now = this.clock.instant();
		if (this.posts.like(post.id(), userId, now)) {
			try {
				this.posts.store(
						this.outbox.append(new PostLiked(UUID.randomUUID(), now, post.id(), post.authorId(), userId)));
			}
			catch (RuntimeException ex) {
				undo(() -> this.posts.unlike(post.id(), userId), ex);
				throw ex;
			}
			this.posts.addLikes(post.id(), 1);
		}
	}

	void unlike(long id, long userId) {
		Post post = original(id);
		if (this.posts.unlike(post.id(), userId)) {
			this.posts.store(this.outbox
				.append(new PostUnliked(UUID.randomUUID(), this.clock.instant(), post.id(), post.authorId(), userId)));
			this.posts.addLikes(post.id(), -1);
		}
	}

	void repost(long id, long userId) {
		Post post = original(id);
		long repostId = this.ids.next();
		if (this.posts.repost(post.id(), userId, repostId)) {
			Post entry = Post.repost(repostId, userId, PostIds.instantOf(repostId), post);
			try {
				this.posts.insert(entry, this.outbox.append(new PostReposted(UUID.randomUUID(), this.clock.instant(),
						post.id(), post.authorId(), userId, repostId)));
			}
			catch (RuntimeException ex) {
				undo(() -> this.posts.unrepost(post.id(), userId, repostId), ex);
				throw ex;
			}
			this.posts.addReposts(post.id(), 1);
		}
	}

	void unrepost(long id, long userId) {
		Post post = original(id);
		Long repostId = this.posts.findRepost(post.id(), userId).orElse(null);
		if (repostId != null && this.posts.unrepost(post.id(), userId, repostId)) {
			Post entry = Post.repost(repostId, userId, PostIds.instantOf(repostId), post);
			this.posts.delete(entry, this.outbox.append(new PostUnreposted(UUID.randomUUID(), this.clock.instant(),
					post.id(), post.authorId(), userId, repostId)));
			this.posts.addReposts(post.id(), -1);
		}
	}

	/**
	 * Takes back a like or repost marker whose event could not be stored, so that a retry
	 * of the request records it again instead of finding it done; best effort.
	 */
	private static void undo(Runnable undo, RuntimeException failure) {
		try {
			undo.run();
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	/**
	 * A page of a user's timeline, newest first: walks the author's months with entries
	 * from the cursor's month back until the page is full.
	 */
	PageResponse<PostResponse> timeline(long authorId, int limit, @Nullable String cursor, long viewerId) {
		Cursors.TimelinePosition position = Cursors.timeline(cursor);
		int from = (position != null) ? position.bucket() : Integer.MAX_VALUE;
		List<long[]> entries = walk(authorId, from, (position != null) ? position.lastId() : null, limit + 1);
		String next = null;
		if (entries.size() > limit) {
			long[] last = entries.get(limit - 1);
			next = Cursors.timeline((int) last[0], last[1]);
			entries = entries.subList(0, limit);
		}
		return new PageResponse<>(batch(entries.stream().map((entry) -> entry[1]).toList(), viewerId), next);
	}

	/**
	 * The newest timeline entries (posts and reposts) of many authors, merged newest
	 * first: what home feeds are built from, and continued from past their cached window.
	 * Each author's months are walked on a virtual thread of its own, so the time taken
	 * is that of the slowest author rather than the sum.
	 * @param authorIds the authors
	 * @param until only entries minted at or before this time, or {@code null} for the
	 * newest
	 * @param limit how many entries at most
	 * @return the entries, newest first
	 */
	List<TimelineEntry> entries(Collection<Long> authorIds, @Nullable Instant until, int limit) {
		Long before = (until != null) ? PostIds.firstIdAt(until.plusMillis(1)) : null;
		int from = (until != null) ? Post.bucketOf(until) : Integer.MAX_VALUE;
		List<Long> ids = new ArrayList<>();
		try (ExecutorService walkers = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<List<long[]>>> walks = new ArrayList<>();
			for (long authorId : new LinkedHashSet<>(authorIds)) {
				walks.add(walkers.submit(() -> walk(authorId, from, before, limit)));
			}
			for (Future<List<long[]>> walk : walks) {
				walk.get().forEach((entry) -> ids.add(entry[1]));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading timelines", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : new IllegalStateException(ex.getCause());
		}
		ids.sort(Comparator.reverseOrder());
		List<Long> newest = ids.subList(0, Math.min(limit, ids.size()));
		Map<Long, Post> found = join(this.posts.findAll(newest));
		return newest.stream().map(found::get).filter(Objects::nonNull).map(TimelineEntry::of).toList();
	}

	/**
	 * Up to {@code want} of an author's timeline entries, newest first, from the month
	 * {@code fromBucket} back, older than {@code before} when given.
	 * @return {bucket, entry id} pairs
	 */
	private List<long[]> walk(long authorId, int fromBucket, @Nullable Long before, int want) {
		List<long[]> entries = new ArrayList<>();
		int from = fromBucket;
		while (entries.size() < want) {
			List<Integer> buckets = this.posts.buckets(authorId, from, BUCKETS_PER_READ);
			for (int bucket : buckets) {
				Long bound = (bucket == fromBucket) ? before : null;
				for (long id : this.posts.timeline(authorId, bucket, bound, want - entries.size())) {
					entries.add(new long[] { bucket, id });
				}
				if (entries.size() >= want) {
					break;
				}
			}
			if (buckets.size() < BUCKETS_PER_READ) {
				break;
			}
			from = buckets.get(buckets.size() - 1) - 1;
		}
		return entries;
	}

	/**
	 * A page of a post's replies, oldest first.
	 */
	PageResponse<PostResponse> replies(long parentId, int limit, @Nullable String cursor, long viewerId) {
		Long after = Cursors.replies(cursor);
		find(parentId);
		List<Long> replyIds = this.posts.replies(parentId, after, limit + 1);
		String next = null;
		if (replyIds.size() > limit) {
			replyIds = replyIds.subList(0, limit);
			next = Cursors.replies(replyIds.get(limit - 1));
		}
		return new PageResponse<>(batch(replyIds, viewerId), next);
	}

	private Post find(long id) {
		return this.posts.findById(id).orElseThrow(PostService::notFound);
	}

	private Post original(long id) {
		Post post = find(id);
		return post.isRepost() ? find(post.repostOf()) : post;
	}

	private List<PostResponse> render(List<Post> found, long viewerId) {
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
		CompletableFuture<Map<Long, Counts>> counts = this.posts.counts(content.keySet());
		CompletableFuture<Set<Long>> liked = this.posts.likedBy(content.keySet(), viewerId);
		CompletableFuture<Set<Long>> reposted = this.posts.repostedBy(content.keySet(), viewerId);
		Map<Long, Counts> countsOf = join(counts);
		Set<Long> likedIds = join(liked);
		Set<Long> repostedIds = join(reposted);
		List<PostResponse> responses = new ArrayList<>();
		for (Post post : found) {
			Post shown = post.isRepost() ? originals.get(post.repostOf()) : post;
			if (shown == null) {
				continue;
			}
			Counts shownCounts = countsOf.getOrDefault(shown.id(), Counts.NONE);
			boolean isLiked = likedIds.contains(shown.id());
			boolean isReposted = repostedIds.contains(shown.id());
			PostResponse original = post.isRepost() ? response(shown, shownCounts, isLiked, isReposted, null) : null;
			responses.add(response(post, shownCounts, isLiked, isReposted, original));
		}
		return responses;
	}

	private static PostResponse response(Post post, Counts counts, boolean liked, boolean reposted,
			@Nullable PostResponse original) {
		List<PostResponse.Mention> mentions = post.mentions()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((mention) -> new PostResponse.Mention(Long.toString(mention.getKey()), mention.getValue()))
			.toList();
		return new PostResponse(Long.toString(post.id()), new PostResponse.Author(Long.toString(post.authorId())),
				post.text(), post.createdAt(), post.mediaIds().stream().map((id) -> Long.toString(id)).toList(),
				string(post.replyTo()), string(post.replyToAuthor()), string(post.quoteOf()), string(post.repostOf()),
				new PostResponse.Counts(counts.likes(), counts.reposts(), counts.replies()),
				new PostResponse.Viewer(liked, reposted), mentions, post.hashtags(), original);
	}

	private static @Nullable String string(@Nullable Long id) {
		return (id != null) ? Long.toString(id) : null;
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	static ProblemException notFound() {
		return new ProblemException(PostProblem.POST_NOT_FOUND, "No post has this id");
	}

}
