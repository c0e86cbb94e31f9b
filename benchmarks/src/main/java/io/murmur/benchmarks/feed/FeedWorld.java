package io.murmur.benchmarks.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import io.murmur.benchmarks.graph.FollowGraph;
import io.murmur.benchmarks.platform.BenchmarkPlatform;
import io.murmur.benchmarks.platform.GraphLoader;
import io.murmur.benchmarks.platform.GraphLoader.LoadedGraph;
import io.murmur.benchmarks.platform.Http;
import io.murmur.benchmarks.platform.Parallel;

/**
 * A follow graph loaded into the platform, with its cast signed in: what every feed
 * scenario starts from. Posts go to post-service directly when a scenario counts Redis
 * writes (so that the gateway's own rate-limit scripts do not count) and through the
 * gateway when it measures what a client sees.
 */
public final class FeedWorld {

	private static final Logger logger = LoggerFactory.getLogger(FeedWorld.class);

	private static final AtomicLong postSequence = new AtomicLong();

	private final BenchmarkPlatform platform;

	private final LoadedGraph loaded;

	private final Cast cast;

	private final Map<Integer, String> tokens;

	private FeedWorld(BenchmarkPlatform platform, LoadedGraph loaded, Cast cast, Map<Integer, String> tokens) {
		this.platform = platform;
		this.loaded = loaded;
		this.cast = cast;
		this.tokens = tokens;
	}

	/**
	 * Signs in the users who act and seeds their posts.
	 * @param platform the platform
	 * @param loader the loader that loaded the graph
	 * @param loaded the loaded graph
	 * @param cast who acts
	 * @param extraUsers more users who act (such as lag probes)
	 * @param postsPerAuthor posts each content author writes first
	 * @return the world
	 */
	public static FeedWorld prepare(BenchmarkPlatform platform, GraphLoader loader, LoadedGraph loaded, Cast cast,
			List<Integer> extraUsers, int postsPerAuthor) {
		Set<Integer> acting = new LinkedHashSet<>();
		acting.addAll(cast.contentAuthors());
		acting.addAll(cast.fanOutAuthors());
		acting.addAll(cast.celebrities());
		acting.addAll(cast.readers());
		acting.addAll(extraUsers);
		List<Integer> users = List.copyOf(acting);
		long started = System.nanoTime();
		List<String> signedIn = loader.signIn(loaded, users);
		Map<Integer, String> tokens = new HashMap<>();
		for (int i = 0; i < users.size(); i++) {
			tokens.put(users.get(i), signedIn.get(i));
		}
		logger.info("{}: {} users signed in in {} s", loaded.graph().name(), users.size(),
				Math.round((System.nanoTime() - started) / 1e9));
		FeedWorld world = new FeedWorld(platform, loaded, cast, tokens);
		started = System.nanoTime();
		List<Integer> authors = new ArrayList<>();
		for (int round = 0; round < postsPerAuthor; round++) {
			authors.addAll(cast.contentAuthors());
		}
		try (BenchmarkPlatform.FeedRedis redis = platform.feedRedis()) {
			Map<String, Long> before = RedisCounters.calls(redis.commands());
			world.inParallel(authors, 4, world::postDirect);
			RedisCounters.awaitQuiet(redis.commands(), before, authors.size(), Duration.ofSeconds(3),
					Duration.ofMinutes(20));
		}
		logger.info("{}: {} posts seeded and fanned out in {} s", loaded.graph().name(), authors.size(),
				Math.round((System.nanoTime() - started) / 1e9));
		return world;
	}

	/**
	 * Writes a post as a user at post-service itself.
	 * @param user the author's index
	 * @return the post id
	 */
	public long postDirect(int user) {
		return post(this.platform.postServiceUrl(), user);
	}

	/**
	 * Writes a post as a user through the gateway, as a client does.
	 * @param user the author's index
	 * @return the post id
	 */
	public long postThroughGateway(int user) {
		return post(this.platform.gatewayUrl(), user);
	}

	private long post(URI base, int user) {
		JsonNode post = Http.post(base.resolve("/api/v1/posts"),
				Map.of("text", "Benchmark post " + postSequence.incrementAndGet()), token(user), 201);
		return Long.parseLong(post.path("id").asString());
	}

	/**
	 * Reads a user's first home-feed page through the gateway.
	 * @param user the reader's index
	 * @param limit the page size
	 * @return the post ids on the page
	 */
	public List<Long> readFeed(int user, int limit) {
		JsonNode page = Http.getRetrying(this.platform.gatewayUrl().resolve("/api/v1/feed?limit=" + limit),
				token(user));
		List<Long> ids = new ArrayList<>();
		page.path("items").forEach((item) -> ids.add(Long.parseLong(item.path("id").asString())));
		return ids;
	}

	/**
	 * Reads every reader's feed once, which builds it: the state a returning reader
	 * leaves.
	 */
	public void buildReadersFeeds() {
		long started = System.nanoTime();
		inParallel(this.cast.readers(), 4, (reader) -> readFeed(reader, 20));
		logger.info("{}: {} feeds built by reading them in {} s", this.loaded.graph().name(),
				this.cast.readers().size(), Math.round((System.nanoTime() - started) / 1e9));
	}

	/**
	 * Marks the feed of every user of the graph as kept, as if all of them had read it
	 * lately, where no feed is kept yet: fan-out then pushes to every follower, the most
	 * work it can have. Building 100,000 feeds by reading them would take longer than the
	 * whole run, so this writes the marker feed-service keeps beside a built feed (an
	 * empty feed that is ready) straight into Redis.
	 */
	public void markEveryFeedKept() {
		long started = System.nanoTime();
		FollowGraph graph = this.loaded.graph();
		List<List<String>> followees = new ArrayList<>(graph.users());
		for (int user = 0; user < graph.users(); user++) {
			followees.add(new ArrayList<>());
		}
		for (int edge = 0; edge < graph.edges(); edge++) {
			followees.get(graph.followers()[edge]).add(Long.toString(this.loaded.id(graph.followees()[edge])));
		}
		long ttl = Duration.ofDays(1).toMillis();
		try (BenchmarkPlatform.FeedRedis redis = this.platform.feedRedis()) {
			RedisAsyncCommands<String, String> async = redis.connection().async();
			redis.connection().setAutoFlushCommands(false);
			List<RedisFuture<?>> pending = new ArrayList<>();
			for (int user = 0; user < graph.users(); user++) {
				String feed = "feed:{" + this.loaded.id(user) + "}";
				pending.add(async.hsetnx(feed + ":meta", "state", "ready"));
				pending.add(async.pexpire(feed + ":meta", ttl));
				if (!followees.get(user).isEmpty()) {
					pending.add(async.sadd(feed + ":following", followees.get(user).toArray(String[]::new)));
					pending.add(async.pexpire(feed + ":following", ttl));
				}
				if (pending.size() >= 10_000) {
					redis.connection().flushCommands();
					pending.forEach((future) -> future.toCompletableFuture().join());
					pending.clear();
				}
			}
			redis.connection().flushCommands();
			pending.forEach((future) -> future.toCompletableFuture().join());
		}
		logger.info("{}: every feed marked kept, with its followees, in {} s", graph.name(),
				Math.round((System.nanoTime() - started) / 1e9));
	}

	/**
	 * Writes the tokens of some users to a file, one a line, for a simulation.
	 * @param users the users
	 * @param file the file
	 * @return the file
	 */
	public Path writeTokens(List<Integer> users, Path file) {
		return write(file, users.stream().map(this::token).toList());
	}

	/**
	 * Writes the ids of some users to a file, one a line, for a simulation.
	 * @param users the users
	 * @param file the file
	 * @return the file
	 */
	public Path writeIds(List<Integer> users, Path file) {
		return write(file, users.stream().map((user) -> Long.toString(this.loaded.id(user))).toList());
	}

	private static Path write(Path file, List<String> lines) {
		try {
			Files.createDirectories(file.getParent());
			return Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String token(int user) {
		String token = this.tokens.get(user);
		if (token == null) {
			throw new IllegalArgumentException("User " + user + " is not signed in");
		}
		return token;
	}

	/**
	 * Runs an action for each user on a few threads and waits for all.
	 * @param users the users
	 * @param threads how many at once
	 * @param action what to do
	 */
	public void inParallel(List<Integer> users, int threads, IntConsumer action) {
		Parallel.map(users, threads, (user) -> {
			action.accept(user);
			return user;
		});
	}

	public BenchmarkPlatform platform() {
		return this.platform;
	}

	public LoadedGraph loaded() {
		return this.loaded;
	}

	public Cast cast() {
		return this.cast;
	}

	/**
	 * A post id as feed-service keeps it in a sorted set.
	 * @param postId the id
	 * @return the member
	 */
	static String member(long postId) {
		String digits = Long.toString(postId);
		return "0".repeat(19 - digits.length()) + digits;
	}

}
