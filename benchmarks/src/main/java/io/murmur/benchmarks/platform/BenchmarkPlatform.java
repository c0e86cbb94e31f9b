package io.murmur.benchmarks.platform;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.RSAKey;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.events.Topics;
import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;
import io.murmur.localstack.platform.PlatformService;
import io.murmur.localstack.platform.RunningService;
import io.murmur.localstack.platform.ServiceClients;
import io.murmur.localstack.platform.ServiceLauncher;
import io.murmur.localstack.platform.SigningKeyFile;
import io.murmur.localstack.process.FreePorts;
import io.murmur.reliability.auth.SigningKeys;

/**
 * The platform a benchmark run measures: the real service jars, started the way
 * {@code ./platform up} starts them (same JVM options, same configuration), against real
 * stores of the run's own, on free ports, so that it never meets a developer's platform.
 * <p>
 * Three differences from {@code ./platform up}, each because of what is measured:
 * <ul>
 * <li>the run is a service client of its own ({@value #CLIENT_ID}), to load graphs
 * through the internal import endpoints;</li>
 * <li>access tokens live {@value #ACCESS_TOKEN_HOURS} hours, so that the accounts a run
 * signs in once last the whole run;</li>
 * <li>feed-service can be restarted with another push threshold, to compare push-only,
 * pull-only and hybrid fan-out on the same data.</li>
 * </ul>
 * Everything it starts belongs to the {@link LocalStack} it is given and stops with it.
 */
public final class BenchmarkPlatform {

	private static final Logger logger = LoggerFactory.getLogger(BenchmarkPlatform.class);

	/** The run's service client id at user-service. */
	public static final String CLIENT_ID = "benchmarks";

	static final int ACCESS_TOKEN_HOURS = 4;

	static final int AUTH_REQUESTS_PER_MINUTE = 100_000;

	/** The Redis database feed-service keeps feeds in; the gateways use 0 and 1. */
	public static final int FEED_REDIS_DATABASE = 2;

	/** The id of the key user-service signs tokens with. */
	static final String SIGNING_KEY_ID = "benchmarks-key-1";

	/** The production push threshold: authors with this many followers are pulled. */
	public static final int DEFAULT_PUSH_THRESHOLD = 10_000;

	private final LocalStack stack;

	private final ServiceLauncher launcher;

	private final String clientSecret;

	private final Path signingKeyFile;

	private final RunningService userService;

	private final RunningService graphService;

	private final RunningService postService;

	private final PlatformService feedServiceDefinition;

	private final RunningService mediaService;

	private final RunningService gateway;

	private final PlatformService notificationServiceDefinition;

	private @Nullable RunningService notificationService;

	private RunningService feedService;

	private final ServiceClients clients;

	private final int searchPort = FreePorts.next();

	private @Nullable RunningService searchService;

	private int pushThreshold = DEFAULT_PUSH_THRESHOLD;

	/** Services started again after a crash, by module, in place of the first process. */
	private final Map<String, RunningService> restarted = new java.util.HashMap<>();

	private BenchmarkPlatform(LocalStack stack, Path root) {
		this.stack = stack;
		stack.startAll(List.of(Store.POSTGRES, Store.KAFKA, Store.REDIS, Store.NEO4J, Store.CASSANDRA, Store.S3));
		this.launcher = new ServiceLauncher(stack, root, Duration.ofMinutes(5));
		ServiceClients clients = new ServiceClients();
		this.clients = clients;
		this.clientSecret = clients.secret(CLIENT_ID);
		clients.secret("post-service");
		clients.secret("feed-service");
		clients.secret("search-service");
		clients.secret("notification-service");
		int graphPort = FreePorts.next();
		int mediaPort = FreePorts.next();
		String mediaUrl = "http://127.0.0.1:" + mediaPort;
		this.signingKeyFile = stack.runDir().resolve("user-service-signing-key.pem");
		this.userService = this.launcher.start(clients.issuer(SigningKeyFile.configure(
				PlatformService.of("user-service", FreePorts.next(), Store.KAFKA)
					.withDatabase("murmur_user")
					.withProperty("murmur.services.urls.graph", "http://127.0.0.1:" + graphPort)
					.withProperty("murmur.services.urls.media", mediaUrl)
					.withProperty("murmur.user.jwt.access-token-ttl", ACCESS_TOKEN_HOURS + "h"),
				this.signingKeyFile, SIGNING_KEY_ID)));
		String userUrl = this.userService.service().url();
		String jwks = userUrl + "/.well-known/jwks.json";
		this.graphService = this.launcher.start(PlatformService.of("graph-service", graphPort, Store.NEO4J, Store.KAFKA)
			.withProperty("murmur.security.jwt.jwk-set-uri", jwks)
			.withProperty("murmur.services.urls.user", userUrl));
		this.postService = this.launcher.start(
				clients.client(
						PlatformService.of("post-service", FreePorts.next(), Store.CASSANDRA, Store.KAFKA)
							.asServiceClient()
							.withProperty("murmur.security.jwt.jwk-set-uri", jwks)
							.withProperty("murmur.services.urls.user", userUrl)
							.withProperty("murmur.services.urls.media", mediaUrl),
						userUrl + ServiceClients.TOKEN_PATH));
		this.feedServiceDefinition = clients
			.client(PlatformService.of("feed-service", FreePorts.next(), Store.REDIS, Store.KAFKA)
				.asServiceClient()
				.withProperty("spring.data.redis.database", Integer.toString(FEED_REDIS_DATABASE))
				.withProperty("murmur.services.urls.graph", this.graphService.service().url())
				.withProperty("murmur.services.urls.post", this.postService.service().url())
				.withProperty("murmur.services.urls.user", userUrl)
				.withProperty("murmur.security.jwt.jwk-set-uri", jwks), userUrl + ServiceClients.TOKEN_PATH);
		this.feedService = this.launcher.start(feedService(DEFAULT_PUSH_THRESHOLD));
		this.mediaService = this.launcher.start(PlatformService.of("media-service", mediaPort, Store.S3, Store.KAFKA)
			.withDatabase("murmur_media")
			.withProperty("murmur.security.jwt.jwk-set-uri", jwks));
		this.notificationServiceDefinition = clients.client(
				PlatformService.of("notification-service", FreePorts.next(), Store.KAFKA)
					.withDatabase("murmur_notification")
					.asServiceClient()
					.withProperty("murmur.services.urls.user", userUrl)
					.withProperty("murmur.services.urls.graph", this.graphService.service().url())
					.withProperty("murmur.services.urls.post", this.postService.service().url()),
				userUrl + ServiceClients.TOKEN_PATH);
		this.gateway = this.launcher.start(gateway(this.feedService.service().url()));
	}

	/**
	 * Starts the platform.
	 * @param stack the processes it belongs to
	 * @param root the repository root, where the service jars are
	 * @return the running platform
	 */
	public static BenchmarkPlatform start(LocalStack stack, Path root) {
		return new BenchmarkPlatform(stack, root);
	}

	/**
	 * The gateway as the platform runs it: every service, production settings but one.
	 * Every client of a run signs up and in from the one address of this machine, where a
	 * real gateway sees a crowd of addresses; the per-address budget for sign-up and
	 * sign-in is raised to {@value #AUTH_REQUESTS_PER_MINUTE} a minute so that it does
	 * not turn a run's sign-ups away. The per-user budgets are the production ones.
	 * @param feedUrl where its feed route leads
	 * @return the gateway's definition, on a free port
	 */
	public PlatformService gateway(String feedUrl) {
		return PlatformService.of("gateway-service", FreePorts.next(), Store.REDIS)
			.withProperty("murmur.gateway.rate-limits.auth.requests", Integer.toString(AUTH_REQUESTS_PER_MINUTE))
			.withProperty("murmur.gateway.rate-limits.anonymous.requests", Integer.toString(AUTH_REQUESTS_PER_MINUTE))
			.withProperty("murmur.gateway.services.user", userServiceUrl().toString())
			.withProperty("murmur.gateway.services.graph", this.graphService.service().url())
			.withProperty("murmur.gateway.services.post", postServiceUrl().toString())
			.withProperty("murmur.gateway.services.feed", feedUrl)
			.withProperty("murmur.gateway.services.search", "http://127.0.0.1:" + this.searchPort)
			.withProperty("murmur.gateway.services.media", this.mediaService.service().url())
			.withProperty("murmur.gateway.services.notification", this.notificationServiceDefinition.url());
	}

	/**
	 * Starts Elasticsearch (with the project's analysis plugin) and search-service, on
	 * the port the gateway's search route leads to, for the search scenario only: the
	 * other scenarios run without them.
	 */
	public synchronized void startSearch() {
		if (this.searchService != null) {
			return;
		}
		this.stack.elasticsearch();
		String userUrl = this.userService.service().url();
		this.searchService = this.launcher.start(this.clients.client(
				PlatformService.of("search-service", this.searchPort, Store.ELASTICSEARCH, Store.KAFKA)
					.asServiceClient()
					.withProperty("murmur.services.urls.user", userUrl)
					.withProperty("murmur.services.urls.graph", this.graphService.service().url())
					.withProperty("murmur.services.urls.post", this.postService.service().url())
					.withProperty("murmur.security.jwt.jwk-set-uri", userUrl + "/.well-known/jwks.json"),
				userUrl + ServiceClients.TOKEN_PATH));
	}

	/**
	 * Elasticsearch's HTTP address, once {@link #startSearch()} ran.
	 * @return the base URL
	 */
	public URI elasticsearchUrl() {
		return URI.create(this.stack.elasticsearch().httpUri());
	}

	/**
	 * Starts notification-service, unless it runs: only the notification scenario starts
	 * it, so that it does not take CPU from the other scenarios by consuming their
	 * events. The gateway routes to it from the start.
	 */
	public synchronized void startNotificationService() {
		if (this.notificationService == null) {
			this.notificationService = this.launcher.start(this.notificationServiceDefinition);
		}
	}

	/**
	 * notification-service itself.
	 * @return its base URL
	 */
	public URI notificationServiceUrl() {
		return URI.create(this.notificationServiceDefinition.url());
	}

	/**
	 * Kafka's bootstrap servers, to publish events as a service's relay would.
	 * @return {@code host:port}
	 */
	public String kafkaBootstrapServers() {
		return this.stack.kafka().bootstrapServers();
	}

	/**
	 * Restarts feed-service with another push threshold and an empty feed store, so that
	 * nothing of the previous strategy is left: feeds are built again on their first
	 * read.
	 * @param threshold authors with at least this many followers are pulled; {@code 1}
	 * pulls everyone, {@link Integer#MAX_VALUE} pushes everyone
	 */
	public synchronized void restartFeedService(int threshold) {
		restartFeedService(threshold, Map.of());
	}

	/**
	 * Restarts feed-service with another push threshold and more settings, on an empty
	 * feed store.
	 * @param threshold the push threshold
	 * @param settings more properties, such as
	 * {@code murmur.feed.fan-out.follower-page-size}
	 */
	public synchronized void restartFeedService(int threshold, Map<String, String> settings) {
		this.feedService.close();
		try (FeedRedis redis = feedRedis()) {
			redis.commands().flushdb();
		}
		PlatformService definition = feedService(threshold);
		for (Map.Entry<String, String> setting : settings.entrySet()) {
			definition = definition.withProperty(setting.getKey(), setting.getValue());
		}
		this.feedService = this.launcher.start(definition);
		this.pushThreshold = threshold;
	}

	private PlatformService feedService(int threshold) {
		return this.feedServiceDefinition.withProperty("murmur.feed.fan-out.push-threshold",
				Integer.toString(threshold));
	}

	/**
	 * The push threshold feed-service runs with now.
	 * @return the threshold
	 */
	public synchronized int pushThreshold() {
		return this.pushThreshold;
	}

	/**
	 * A connection to feed-service's Redis database. Close it after use.
	 * @return the connection
	 */
	public FeedRedis feedRedis() {
		RedisClient client = RedisClient.create(RedisURI.create(this.stack.redis().host(), this.stack.redis().port()));
		StatefulRedisConnection<String, String> connection = client.connect();
		connection.sync().select(FEED_REDIS_DATABASE);
		return new FeedRedis(client, connection);
	}

	/**
	 * Sets the nice value of the Redis server's process ({@code renice}; below 0 needs
	 * root): how much of the two cores it gets when the JVMs want them too.
	 * @param nice the nice value, 0 as started
	 * @return whether it was set
	 */
	public boolean reniceRedis(int nice) {
		try {
			Command.run(List.of("renice", "-n", Integer.toString(nice), "-p", Long.toString(this.stack.redis().pid())),
					Duration.ofSeconds(10));
			return true;
		}
		catch (IllegalStateException | UncheckedIOException ex) {
			logger.warn("{}", ex.getMessage());
			return false;
		}
	}

	/**
	 * The Redis server's URI, for {@code redis-benchmark}.
	 * @return the URI
	 */
	public URI redis() {
		return URI.create("redis://" + this.stack.redis().host() + ":" + this.stack.redis().port());
	}

	/**
	 * The public entry.
	 * @return the gateway's base URL
	 */
	public URI gatewayUrl() {
		return URI.create(this.gateway.service().url());
	}

	/**
	 * user-service itself.
	 * @return its base URL
	 */
	public URI userServiceUrl() {
		return URI.create(this.userService.service().url());
	}

	/**
	 * graph-service itself.
	 * @return its base URL
	 */
	public URI graphServiceUrl() {
		return URI.create(this.graphService.service().url());
	}

	/**
	 * post-service itself.
	 * @return its base URL
	 */
	public URI postServiceUrl() {
		return URI.create(this.postService.service().url());
	}

	/**
	 * feed-service itself.
	 * @return its base URL
	 */
	public synchronized URI feedServiceUrl() {
		return URI.create(this.feedService.service().url());
	}

	/**
	 * media-service itself.
	 * @return its base URL
	 */
	public URI mediaServiceUrl() {
		return URI.create(this.mediaService.service().url());
	}

	/**
	 * search-service itself, where the gateway's search route leads, whether or not
	 * {@link #startSearch()} ran.
	 * @return its base URL
	 */
	public URI searchServiceUrl() {
		return URI.create("http://127.0.0.1:" + this.searchPort);
	}

	/**
	 * Each service's own base URL, by the short name its OpenAPI operations carry
	 * ({@code user}, {@code graph}, ...), in a stable order.
	 * @return the URLs
	 */
	public Map<String, String> serviceUrls() {
		Map<String, String> urls = new LinkedHashMap<>();
		urls.put("user", userServiceUrl().toString());
		urls.put("graph", graphServiceUrl().toString());
		urls.put("post", postServiceUrl().toString());
		urls.put("media", mediaServiceUrl().toString());
		urls.put("feed", feedServiceUrl().toString());
		urls.put("notification", notificationServiceUrl().toString());
		urls.put("search", searchServiceUrl().toString());
		return urls;
	}

	/**
	 * The key user-service signs every token with, read from the file it was given.
	 * @return the private key with its public half
	 */
	public RSAKey signingKey() {
		return SigningKeys.read(this.signingKeyFile, SIGNING_KEY_ID);
	}

	/**
	 * The process id of each service, for the report's CPU accounting.
	 * @return pid by service
	 */
	public synchronized Map<String, Long> pids() {
		Map<String, Long> pids = new java.util.LinkedHashMap<>();
		for (String module : List.of("user-service", "graph-service", "post-service", "feed-service", "media-service",
				"gateway-service", "search-service", "notification-service")) {
			RunningService service = running(module);
			if (service != null) {
				pids.put(module, service.pid());
			}
		}
		return pids;
	}

	/**
	 * Kills a service as {@code kill -9} does: no shutdown hooks, nothing flushed, its
	 * ports freed at once. The other services keep its address and wait for it.
	 * @param module the service's module, e.g. {@code post-service}
	 */
	public synchronized void crash(String module) {
		RunningService service = running(module);
		if (service == null) {
			throw new IllegalArgumentException(module + " does not run");
		}
		service.kill();
	}

	/**
	 * Stops a service cleanly, as an operator would: its consumers leave their groups, so
	 * that it can start again without waiting for their sessions to expire.
	 * @param module the service's module, e.g. {@code search-service}
	 */
	public synchronized void stop(String module) {
		RunningService service = running(module);
		if (service == null) {
			throw new IllegalArgumentException(module + " does not run");
		}
		service.close();
	}

	/**
	 * Starts a crashed or stopped service again, on the same ports with the same
	 * settings, and waits until it is ready.
	 * @param module the service's module
	 */
	public synchronized void restart(String module) {
		RunningService service = running(module);
		if (service == null) {
			throw new IllegalArgumentException(module + " never ran");
		}
		RunningService started = this.launcher.start(service.service());
		if (module.equals("feed-service")) {
			this.feedService = started;
		}
		else {
			this.restarted.put(module, started);
		}
	}

	/**
	 * Stops the services other than search-service that consume the post topic
	 * (feed-service, media-service, and notification-service if it runs), as
	 * {@code kill -9} does, so that a load of synthetic posts is indexed by
	 * search-service alone.
	 * @return the services stopped, for {@link #resumePostConsumers(List)}
	 */
	public synchronized List<String> pausePostConsumers() {
		List<String> paused = new ArrayList<>();
		for (String module : List.of("feed-service", "media-service", "notification-service")) {
			RunningService service = running(module);
			if (service != null && service.isAlive()) {
				service.kill();
				paused.add(module);
			}
		}
		return paused;
	}

	/**
	 * Starts the services {@link #pausePostConsumers()} stopped again, each with its
	 * consumer group moved past everything published to the post topic meanwhile: the
	 * synthetic posts exist nowhere else, and working through them would load the
	 * measurements that follow.
	 * @param paused the services stopped
	 */
	public synchronized void resumePostConsumers(List<String> paused) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()))) {
			List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.POST))
				.allTopicNames()
				.get()
				.get(Topics.POST)
				.partitions()
				.stream()
				.map((partition) -> new TopicPartition(Topics.POST, partition.partition()))
				.toList();
			Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
			admin.listOffsets(partitions.stream().collect(Collectors.toMap((tp) -> tp, (tp) -> OffsetSpec.latest())))
				.all()
				.get()
				.forEach((partition, end) -> ends.put(partition, new OffsetAndMetadata(end.offset())));
			for (String module : paused) {
				skipTo(admin, module, ends);
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not move the post topic's consumers on", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted moving the post topic's consumers on", ex);
		}
		paused.forEach(this::restart);
	}

	/**
	 * Moves a stopped service's consumer group on; Kafka refuses while the killed
	 * consumer's session has not yet expired, so this tries again for a while.
	 */
	private static void skipTo(Admin admin, String group, Map<TopicPartition, OffsetAndMetadata> ends)
			throws InterruptedException, ExecutionException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			try {
				admin.alterConsumerGroupOffsets(group, ends).all().get();
				return;
			}
			catch (ExecutionException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				logger.info("Waiting for {}'s consumers to leave its group: {}", group, ex.getCause().toString());
				Thread.sleep(2000);
			}
		}
	}

	private @Nullable RunningService running(String module) {
		RunningService again = this.restarted.get(module);
		if (again != null) {
			return again;
		}
		return switch (module) {
			case "user-service" -> this.userService;
			case "graph-service" -> this.graphService;
			case "post-service" -> this.postService;
			case "feed-service" -> this.feedService;
			case "media-service" -> this.mediaService;
			case "gateway-service" -> this.gateway;
			case "search-service" -> this.searchService;
			case "notification-service" -> this.notificationService;
			default -> throw new IllegalArgumentException("No service " + module);
		};
	}

	/**
	 * The stores the platform runs on, for faults that stop them.
	 * @return the local stack
	 */
	public LocalStack stack() {
		return this.stack;
	}

	/**
	 * A client of user-service's token endpoint as the run's own service client.
	 * @return the client
	 */
	public ServiceToken serviceToken() {
		return new ServiceToken(userServiceUrl().resolve(ServiceClients.TOKEN_PATH), CLIENT_ID, this.clientSecret);
	}

	/**
	 * A connection to feed-service's Redis database.
	 *
	 * @param client the client
	 * @param connection the connection
	 */
	public record FeedRedis(RedisClient client,
			StatefulRedisConnection<String, String> connection) implements AutoCloseable {

		/**
		 * Synchronous commands.
		 * @return the commands
		 */
		public RedisCommands<String, String> commands() {
			return this.connection.sync();
		}

		@Override
		public void close() {
			this.connection.close();
			this.client.shutdown();
		}

	}

}
