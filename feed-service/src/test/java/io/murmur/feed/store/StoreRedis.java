package io.murmur.feed.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.murmur.feed.config.FeedProperties;
import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;
import io.murmur.localstack.redis.RedisServer;

/**
 * The store's classes against the real Redis of local-stack, with small feeds: of
 * {@value #FEED_SIZE} entries, trimmed once they hold {@value #TRIM_SLACK} more, and
 * {@value #FEEDS_PER_SCRIPT} feeds per merge-script call, written to Redis every
 * {@value #FLUSH_EVERY} commands. One connection factory serves every test class of the
 * JVM; user ids are fresh for each test.
 */
final class StoreRedis {

	static final int FEED_SIZE = 20;

	static final int TRIM_SLACK = 4;

	static final int FEEDS_PER_SCRIPT = 7;

	static final int FLUSH_EVERY = 2;

	private static final AtomicLong ids = new AtomicLong(System.nanoTime() / 1000);

	private static final StringRedisTemplate redis = connect();

	private StoreRedis() {
	}

	private static StringRedisTemplate connect() {
		LocalStack.shared().start(Store.REDIS);
		RedisServer server = LocalStack.shared().redis();
		LettuceConnectionFactory connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(server.host(), server.port()));
		connections.afterPropertiesSet();
		connections.start();
		Runtime.getRuntime().addShutdownHook(new Thread(connections::destroy));
		return new StringRedisTemplate(connections);
	}

	static StringRedisTemplate redis() {
		return redis;
	}

	static long newUser() {
		return ids.incrementAndGet();
	}

	/**
	 * The settings of the store under test; feeds are kept for the given window after
	 * each read.
	 */
	static FeedProperties properties(Duration inactiveAfter) {
		return new FeedProperties(
				new FeedProperties.FanOut(3, FEED_SIZE, TRIM_SLACK, inactiveAfter, 5, 100, Duration.ofMinutes(10),
						FEEDS_PER_SCRIPT, FLUSH_EVERY, 20, Duration.ofMinutes(5)),
				new FeedProperties.Read(20, 100, Duration.ofSeconds(60), Duration.ofMillis(1500), 8));
	}

	static RedisScripts scripts() {
		return new RedisScripts(redis, properties(Duration.ofMinutes(5)));
	}

	static HomeFeeds homeFeeds(Duration inactiveAfter) {
		FeedProperties properties = properties(inactiveAfter);
		RedisScripts scripts = new RedisScripts(redis, properties);
		return new HomeFeeds(redis, scripts, new EntrySets(redis, scripts), properties);
	}

	static AuthorCaches authorCaches() {
		FeedProperties properties = properties(Duration.ofMinutes(5));
		return new AuthorCaches(redis, new EntrySets(redis, scripts()), properties);
	}

	static FollowerSets followerSets() {
		return new FollowerSets(scripts());
	}

	/**
	 * A feed built empty, which Redis keeps.
	 */
	static long keptFeed(HomeFeeds feeds) {
		long user = newUser();
		feeds.begin(user);
		feeds.complete(user, List.of(), List.of(), false);
		return user;
	}

	/**
	 * Makes Redis forget every script it has cached, as a restart or a fail-over does.
	 */
	static void flushScripts() {
		redis.execute((RedisCallback<Object>) (connection) -> {
			connection.scriptingCommands().scriptFlush();
			return null;
		});
	}

}
