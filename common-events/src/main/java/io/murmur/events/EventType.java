package io.murmur.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.murmur.events.graph.UserFollowed;
import io.murmur.events.graph.UserUnfollowed;
import io.murmur.events.media.MediaDeleted;
import io.murmur.events.media.MediaUploaded;
import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.events.post.PostLiked;
import io.murmur.events.post.PostReposted;
import io.murmur.events.post.PostUnliked;
import io.murmur.events.post.PostUnreposted;
import io.murmur.events.user.ProfileUpdated;
import io.murmur.events.user.UserRegistered;

/**
 * The registry of every event Murmur publishes: its logical type id, its record and its
 * topic.
 * <p>
 * The type id travels in the {@value #HEADER} record header and is the only thing a
 * consumer uses to pick the record to read, so Java class names never reach the wire and
 * records can be renamed or moved freely. An id names one version of a contract: adding
 * an optional field keeps it, anything a current consumer could not read gets a new id
 * ({@code .v2}) published next to the old one until every consumer has moved.
 */
public enum EventType {

	/**
	 * {@code user.registered.v1}: {@link UserRegistered} on {@value Topics#USER}.
	 */
	USER_REGISTERED("user.registered.v1", UserRegistered.class, Topics.USER),

	/**
	 * {@code profile.updated.v1}: {@link ProfileUpdated} on {@value Topics#USER}.
	 */
	PROFILE_UPDATED("profile.updated.v1", ProfileUpdated.class, Topics.USER),

	/**
	 * {@code user.followed.v1}: {@link UserFollowed} on {@value Topics#GRAPH}.
	 */
	USER_FOLLOWED("user.followed.v1", UserFollowed.class, Topics.GRAPH),

	/**
	 * {@code user.unfollowed.v1}: {@link UserUnfollowed} on {@value Topics#GRAPH}.
	 */
	USER_UNFOLLOWED("user.unfollowed.v1", UserUnfollowed.class, Topics.GRAPH),

	/**
	 * {@code post.created.v1}: {@link PostCreated} on {@value Topics#POST}.
	 */
	POST_CREATED("post.created.v1", PostCreated.class, Topics.POST),

	/**
	 * {@code post.deleted.v1}: {@link PostDeleted} on {@value Topics#POST}.
	 */
	POST_DELETED("post.deleted.v1", PostDeleted.class, Topics.POST),

	/**
	 * {@code post.liked.v1}: {@link PostLiked} on {@value Topics#POST}.
	 */
	POST_LIKED("post.liked.v1", PostLiked.class, Topics.POST),

	/**
	 * {@code post.unliked.v1}: {@link PostUnliked} on {@value Topics#POST}.
	 */
	POST_UNLIKED("post.unliked.v1", PostUnliked.class, Topics.POST),

	/**
	 * {@code post.reposted.v1}: {@link PostReposted} on {@value Topics#POST}.
	 */
	POST_REPOSTED("post.reposted.v1", PostReposted.class, Topics.POST),

	/**
	 * {@code post.unreposted.v1}: {@link PostUnreposted} on {@value Topics#POST}.
	 */
	POST_UNREPOSTED("post.unreposted.v1", PostUnreposted.class, Topics.POST),

	/**
	 * {@code media.uploaded.v1}: {@link MediaUploaded} on {@value Topics#MEDIA}.
	 */
	MEDIA_UPLOADED("media.uploaded.v1", MediaUploaded.class, Topics.MEDIA),

	/**
	 * {@code media.deleted.v1}: {@link MediaDeleted} on {@value Topics#MEDIA}.
	 */
	MEDIA_DELETED("media.deleted.v1", MediaDeleted.class, Topics.MEDIA);

	/**
	 * The name of the Kafka record header that carries the type id, as UTF-8.
	 */
	public static final String HEADER = "murmur-event-type";

	private static final Map<String, EventType> byId = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::id, Function.identity()));

	private static final Map<Class<? extends MurmurEvent>, EventType> byClass = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::eventClass, Function.identity()));

	private final String id;

	private final Class<? extends MurmurEvent> eventClass;

	private final String topic;

	EventType(String id, Class<? extends MurmurEvent> eventClass, String topic) {
		this.id = id;
		this.eventClass = eventClass;
		this.topic = topic;
	}

	/**
	 * The logical, versioned type id, for example {@code post.created.v1}.
	 * @return the type id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The record this type is read into.
	 * @return the event record class
	 */
	public Class<? extends MurmurEvent> eventClass() {
		return this.eventClass;
	}

	/**
	 * The topic events of this type are published on.
	 * @return the topic name
	 */
	public String topic() {
		return this.topic;
	}

	/**
	 * The type with the given id.
	 * @param id a type id, as found in the {@value #HEADER} header
	 * @return the type, or empty if no event of this version of the contracts has that id
	 */
	public static Optional<EventType> forId(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	/**
	 * The type of an event.
	 * @param event an event
	 * @return its type
	 * @throws IllegalArgumentException if the event's class is not a registered contract
	 */
	public static EventType of(MurmurEvent event) {
		EventType type = byClass.get(event.getClass());
		if (type == null) {
			throw new IllegalArgumentException(event.getClass().getName() + " is not a registered Murmur event");
		}
		return type;
	}

}
