package io.murmur.events;

import java.util.regex.Pattern;

/**
 * The Kafka topics Murmur's events travel on: one per producing context, versioned so
 * that an incompatible change of a context's events gets a new topic instead of breaking
 * the consumers of the old one.
 */
public final class Topics {

	/**
	 * Events of user-service: accounts and profiles, keyed by user id.
	 */
	public static final String USER = "murmur.user.v1";

	/**
	 * Events of graph-service: follows, keyed by follower id.
	 */
	public static final String GRAPH = "murmur.graph.v1";

	/**
	 * Events of post-service: posts, likes and reposts, keyed by the id of the author of
	 * the post each event is about.
	 */
	public static final String POST = "murmur.post.v1";

	/**
	 * Events of media-service: uploads and deletions, keyed by owner id.
	 */
	public static final String MEDIA = "murmur.media.v1";

	private static final String DEAD_LETTER_SUFFIX = ".dlt";

	private static final int MAX_TOPIC_LENGTH = 249;

	private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]+");

	private Topics() {
	}

	/**
	 * The dead-letter topic where one consumer group parks the records of {@code topic}
	 * it cannot process: {@code <topic>.<group>.dlt}, for example
	 * {@code murmur.post.v1.feed-service.dlt}.
	 * <p>
	 * There is one per consumer group, not one per topic, because several groups consume
	 * each topic and fail independently: a group's operators inspect and replay their own
	 * parked records without re-delivering them to groups that already processed them.
	 * @param topic the topic the records were consumed from
	 * @param consumerGroup the id of the consumer group that gave up on them
	 * @return the name of the dead-letter topic
	 * @throws IllegalArgumentException if the result is not a legal Kafka topic name
	 */
	public static String deadLetter(String topic, String consumerGroup) {
		String name = topic + "." + consumerGroup + DEAD_LETTER_SUFFIX;
		if (topic.isEmpty() || consumerGroup.isEmpty() || !LEGAL_NAME.matcher(name).matches()
				|| name.length() > MAX_TOPIC_LENGTH) {
			throw new IllegalArgumentException("'" + name + "' is not a legal Kafka topic name: topic '" + topic
					+ "' and group '" + consumerGroup + "' may use only ASCII letters, digits, '.', '_' and '-'"
					+ " and the name at most " + MAX_TOPIC_LENGTH + " characters");
		}
		return name;
	}

}
