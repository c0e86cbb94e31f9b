package io.murmur.post.post;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.post.engagement.EngagementRepository;
import io.murmur.post.engagement.Reposts;
import io.murmur.post.id.PostIds;
import io.murmur.post.media.MediaLibrary;
import io.murmur.support.media.MediaView;
import io.murmur.post.outbox.PostOutbox;
import io.murmur.post.web.Ids;
import io.murmur.support.problem.CommonProblem;
import io.murmur.support.web.InvalidField;
import io.murmur.support.web.ProblemException;

/**
 * Publishes, reads and deletes posts. Every change that others must hear about writes its
 * event to the outbox together with the change (see {@link PostOutbox}). The replies
 * counter of the post replied to is a Cassandra counter, moved after the batch: a crash
 * in between leaves it one off.
 */
@Service
class PostService {

	private final PostRepository posts;

	private final PostLookup lookup;

	private final PostViews views;

	private final EngagementRepository engagement;

	private final Reposts reposts;

	private final PostIds ids;

	private final PostOutbox outbox;

	private final UserDirectory users;

	private final MediaLibrary media;

	private final Clock clock;

	private final Counter created;

	PostService(PostRepository posts, PostLookup lookup, PostViews views, EngagementRepository engagement,
			Reposts reposts, PostIds ids, PostOutbox outbox, UserDirectory users, MediaLibrary media, Clock clock,
			MeterRegistry meters) {
		this.posts = posts;
		this.lookup = lookup;
		this.views = views;
		this.engagement = engagement;
		this.reposts = reposts;
		this.ids = ids;
		this.outbox = outbox;
		this.users = users;
		this.media = media;
		this.clock = clock;
		// Not "...created": Prometheus reads a counter's _created suffix as its creation
		// time
		// and exposes the counter without it.
		this.created = Counter.builder("murmur.posts.published")
			.description("Posts published, replies and quotes included, reposts not")
			.register(meters);
	}

	/**
	 * Publishes a post checked by Bean Validation, once the posts it refers to are found,
	 * its mentions resolved and its media claimed at media-service. The media is claimed
	 * for the post's id before the post is stored, so that no post is ever stored with
	 * media that is not its own; when storing fails the claim is withdrawn. A client that
	 * retries gets a new post id, and the media is free again for it.
	 */
	PostResponse create(long authorId, CreatePostRequest request, String accessToken) {
		String text = TextFeatures.normalize(Objects.requireNonNullElse(request.text(), ""));
		List<Long> mediaIds = Objects.requireNonNullElse(request.mediaIds(), List.<String>of())
			.stream()
			.map(Ids::valid)
			.toList();
		List<InvalidField> errors = new ArrayList<>();
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
		List<MediaView> media = mediaIds.isEmpty() ? List.of() : this.media.claim(id, authorId, mediaIds);
		try {
			this.posts.insert(post, this.outbox.append(event));
		}
		catch (RuntimeException ex) {
			if (!mediaIds.isEmpty()) {
				this.media.withdraw(id);
			}
			throw ex;
		}
		this.created.increment();
		if (replyTo != null) {
			this.engagement.addReplies(replyTo.id(), 1);
		}
		return this.views.created(post, media);
	}

	/**
	 * The post an id refers to, the original one for a repost entry.
	 */
	private @Nullable Post referenced(String field, @Nullable String value, List<InvalidField> errors) {
		if (value == null) {
			return null;
		}
		Post post = this.posts.findById(Ids.valid(value)).orElse(null);
		if (post != null && post.isRepost()) {
			post = this.posts.findById(post.repostOf()).orElse(null);
		}
		if (post == null) {
			errors.add(new InvalidField(field, "no post has this id"));
		}
		return post;
	}

	PostResponse get(long id, long viewerId) {
		List<PostResponse> found = this.views.render(List.of(this.lookup.find(id)), viewerId);
		if (found.isEmpty()) {
			throw PostLookup.notFound();
		}
		return found.get(0);
	}

	List<PostResponse> batch(List<Long> ids, long viewerId) {
		return this.views.read(ids, viewerId);
	}

	/**
	 * Deletes a post of the user's; deleting a repost entry takes the repost back.
	 */
	void delete(long id, long userId) {
		Post post = this.lookup.find(id);
		if (post.authorId() != userId) {
			throw new ProblemException(CommonProblem.FORBIDDEN, "Only its author can delete a post");
		}
		if (post.isRepost()) {
			this.reposts.unrepost(post.repostOf(), userId);
			return;
		}
		this.posts.delete(post, this.outbox
			.append(new PostDeleted(UUID.randomUUID(), this.clock.instant(), post.id(), post.authorId())));
		this.engagement.deleteCounts(post.id());
		if (post.replyTo() != null) {
			this.engagement.addReplies(post.replyTo(), -1);
		}
	}

}
