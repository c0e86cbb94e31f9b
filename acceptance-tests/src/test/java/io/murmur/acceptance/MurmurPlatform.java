package io.murmur.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;
import io.murmur.localstack.kafka.KafkaServer;
import io.murmur.localstack.platform.PlatformService;
import io.murmur.localstack.platform.RunningService;
import io.murmur.localstack.platform.ServiceClients;
import io.murmur.localstack.platform.ServiceLauncher;
import io.murmur.localstack.process.FreePorts;

/**
 * The platform as a client meets it: the real service jars, started the way
 * {@code ./platform up} starts them, behind the real gateway, against real stores, on
 * free ports. Started once per test JVM and stopped with it.
 * <p>
 * user-service signs with a key the tests hold, so they can also forge the tokens a
 * client must never get through: expired ones and ones for another audience. The tests
 * are a service client of their own ({@value #TEST_CLIENT_ID}), with a secret generated
 * for the run, so that they can get service tokens as a service does.
 */
final class MurmurPlatform {

	static final String KEY_ID = "acceptance-key-1";

	static final String TEST_CLIENT_ID = "acceptance-tests";

	/** feed-service pulls the posts of authors with at least this many followers. */
	static final int FEED_PUSH_THRESHOLD = 5;

	/**
	 * feed-service stops pushing into the feed of a user who has not read it for this
	 * long.
	 */
	static final Duration FEED_INACTIVE_AFTER = Duration.ofSeconds(12);

	/**
	 * The most entries feed-service keeps per feed: small, so that paging runs past the
	 * cached window into the followees' own timelines.
	 */
	static final int FEED_SIZE = 50;

	/**
	 * How many entries a feed may hold beyond {@link #FEED_SIZE} before feed-service
	 * trims it: none, so that a feed past its size holds exactly that many.
	 */
	static final int FEED_TRIM_SLACK = 0;

	/** The Redis database feed-service keeps feeds in; the gateways use 0 and 1. */
	static final int FEED_REDIS_DATABASE = 2;

	/**
	 * media-service deletes media neither on a post nor an avatar after this long, so
	 * that the clean-up can be watched.
	 */
	static final Duration MEDIA_UNATTACHED_AFTER = Duration.ofSeconds(30);

	/** How long media-service's presigned upload URLs live. */
	static final Duration MEDIA_UPLOAD_URL_TTL = Duration.ofSeconds(5);

	/** The bytes one user may upload per day to media-service. */
	static final long MEDIA_QUOTA_BYTES = 250L * 1024 * 1024;

	/**
	 * The longest wait between two attempts of a webhook delivery: short, so that a
	 * delivery arrives soon after its receiver is back.
	 */
	static final Duration PUSH_MAX_BACKOFF = Duration.ofSeconds(4);

	/**
	 * The web origin the gateways allow to call the API from a browser; any other origin
	 * gets no CORS headers.
	 */
	static final String ALLOWED_ORIGIN = "https://web.murmur.example";

	/** Writes one user may make through the strict gateway per {@link #STRICT_WINDOW}. */
	static final int STRICT_WRITE_BUDGET = 5;

	/**
	 * Sign-in and sign-up attempts one client IP may make through the strict gateway per
	 * {@link #STRICT_WINDOW}.
	 */
	static final int STRICT_AUTH_BUDGET = 5;

	/** The fixed window the strict gateway counts its budgets in. */
	static final Duration STRICT_WINDOW = Duration.ofMinutes(1);

	private static MurmurPlatform instance;

	private final LocalStack stack = LocalStack.shared();

	private final RSAKey signingKey;

	private final String testClientSecret;

	private final RunningService userService;

	private final RunningService graphService;

	private final PlatformService postServiceDefinition;

	private RunningService postService;

	private final ServiceLauncher launcher;

	private final PlatformService feedServiceDefinition;

	private RunningService feedService;

	private final RunningService searchService;

	private final RunningService mediaService;

	private final RunningService notificationService;

	private final RunningService notificationStreamReplica;

	private final RunningService gateway;

	private final RunningService strictGateway;

	private RedisCommands<String, String> feedRedis;

	private MurmurPlatform() {
		this.signingKey = newKey(KEY_ID);
		this.stack.startAll(List.of(Store.POSTGRES, Store.KAFKA, Store.REDIS, Store.NEO4J, Store.CASSANDRA,
				Store.ELASTICSEARCH, Store.S3));
		ServiceLauncher launcher = new ServiceLauncher(this.stack, Path.of("..").toAbsolutePath().normalize(),
				Duration.ofSeconds(300));
		this.launcher = launcher;
		int graphPort = FreePorts.next();
		int mediaPort = FreePorts.next();
		String mediaUrl = "http://127.0.0.1:" + mediaPort;
		ServiceClients serviceClients = new ServiceClients();
		this.testClientSecret = serviceClients.secret(TEST_CLIENT_ID);
		serviceClients.secret("post-service");
		serviceClients.secret("feed-service");
		serviceClients.secret("search-service");
		serviceClients.secret("notification-service");
		this.userService = launcher
			.start(serviceClients.issuer(PlatformService.of("user-service", FreePorts.next(), Store.KAFKA)
				.withDatabase("murmur_user")
				.withProperty("murmur.services.urls.graph", "http://127.0.0.1:" + graphPort)
				.withProperty("murmur.services.urls.media", mediaUrl)
				// Profiles wait for their follower counts up to this long (1 s in
				// production):
				// on a machine busy with the whole platform, graph-service can take
				// longer.
				.withProperty("murmur.services.timeout", "5s")
				.withProperty("murmur.user.jwt.keys[0].id", KEY_ID)
				.withProperty("murmur.user.jwt.keys[0].private-key", "file:" + privateKeyPem(this.signingKey))
				.withProperty("murmur.user.login-throttle.max-failures-per-account", "3")));
		String userUrl = this.userService.service().url();
		this.graphService = launcher.start(PlatformService.of("graph-service", graphPort, Store.NEO4J, Store.KAFKA)
			.withProperty("murmur.security.jwt.jwk-set-uri", userUrl + "/.well-known/jwks.json")
			.withProperty("murmur.services.urls.user", userUrl));
		this.postServiceDefinition = serviceClients
			.client(PlatformService.of("post-service", FreePorts.next(), Store.CASSANDRA, Store.KAFKA)
				.asServiceClient()
				.withProperty("murmur.security.jwt.jwk-set-uri", userUrl + "/.well-known/jwks.json")
				.withProperty("murmur.services.urls.user", userUrl)
				.withProperty("murmur.services.urls.media", mediaUrl), userUrl + ServiceClients.TOKEN_PATH);
		this.postService = launcher.start(this.postServiceDefinition);
		this.feedServiceDefinition = serviceClients.client(
				PlatformService.of("feed-service", FreePorts.next(), Store.REDIS, Store.KAFKA)
					.asServiceClient()
					.withProperty("spring.data.redis.database", Integer.toString(FEED_REDIS_DATABASE))
					.withProperty("murmur.feed.fan-out.push-threshold", Integer.toString(FEED_PUSH_THRESHOLD))
					.withProperty("murmur.feed.fan-out.feed-size", Integer.toString(FEED_SIZE))
					.withProperty("murmur.feed.fan-out.trim-slack", Integer.toString(FEED_TRIM_SLACK))
					.withProperty("murmur.feed.fan-out.inactive-after", FEED_INACTIVE_AFTER.toMillis() + "ms")
					.withProperty("murmur.services.urls.graph", this.graphService.service().url())
					.withProperty("murmur.services.urls.post", this.postService.service().url())
					.withProperty("murmur.services.urls.user", userUrl)
					.withProperty("murmur.security.jwt.jwk-set-uri", userUrl + "/.well-known/jwks.json"),
				userUrl + ServiceClients.TOKEN_PATH);
		this.feedService = launcher.start(this.feedServiceDefinition);
		this.searchService = launcher.start(serviceClients
			.client(PlatformService.of("search-service", FreePorts.next(), Store.ELASTICSEARCH, Store.KAFKA)
				.asServiceClient()
				.withProperty("murmur.services.urls.user", userUrl)
				.withProperty("murmur.services.urls.graph", this.graphService.service().url())
				.withProperty("murmur.services.urls.post", this.postService.service().url())
				.withProperty("murmur.search.reindex.settle", "2s"), userUrl + ServiceClients.TOKEN_PATH));
		this.mediaService = launcher.start(PlatformService.of("media-service", mediaPort, Store.S3, Store.KAFKA)
			.withDatabase("murmur_media")
			.withProperty("murmur.security.jwt.jwk-set-uri", userUrl + "/.well-known/jwks.json")
			.withProperty("murmur.media.cleanup.unattached-after", MEDIA_UNATTACHED_AFTER.toSeconds() + "s")
			.withProperty("murmur.media.cleanup.interval", "2s")
			.withProperty("murmur.media.serving.upload-url-ttl", MEDIA_UPLOAD_URL_TTL.toSeconds() + "s")
			.withProperty("murmur.media.quota.bytes-per-day", Long.toString(MEDIA_QUOTA_BYTES)));
		this.notificationService = launcher.start(notificationService(serviceClients, userUrl, FreePorts.next()));
		this.notificationStreamReplica = launcher.start(notificationService(serviceClients, userUrl, FreePorts.next())
			.withProperty("spring.kafka.listener.auto-startup", "false"));
		this.gateway = launcher
			.start(gateway(userUrl, 0).withProperty("murmur.gateway.rate-limits.auth.requests", "500")
				.withProperty("murmur.gateway.rate-limits.write.requests", "500")
				.withProperty("murmur.gateway.services.notification", this.notificationService.service().url()));
		this.strictGateway = launcher.start(gateway(userUrl, 1)
			.withProperty("murmur.gateway.rate-limits.auth.requests", Integer.toString(STRICT_AUTH_BUDGET))
			.withProperty("murmur.gateway.rate-limits.auth.window", STRICT_WINDOW.toSeconds() + "s")
			.withProperty("murmur.gateway.rate-limits.write.requests", Integer.toString(STRICT_WRITE_BUDGET))
			.withProperty("murmur.gateway.rate-limits.write.window", STRICT_WINDOW.toSeconds() + "s")
			.withProperty("murmur.gateway.services.notification", this.notificationStreamReplica.service().url()));
	}

	static synchronized MurmurPlatform get() {
		if (instance == null) {
			instance = new MurmurPlatform();
		}
		return instance;
	}

	/**
	 * notification-service as a service client, its webhooks allowed to point at loopback
	 * (where the tests' receivers listen), with short back-off.
	 */
	private PlatformService notificationService(ServiceClients serviceClients, String userUrl, int port) {
		return serviceClients.client(
				PlatformService.of("notification-service", port, Store.KAFKA)
					.withDatabase("murmur_notification")
					.asServiceClient()
					.withProperty("murmur.services.urls.user", userUrl)
					.withProperty("murmur.services.urls.graph", this.graphService.service().url())
					.withProperty("murmur.services.urls.post", this.postService.service().url())
					.withProperty("murmur.notification.push.allowed-networks", "127.0.0.0/8")
					.withProperty("murmur.notification.push.coalesce-window", "1s")
					.withProperty("murmur.notification.push.min-backoff", "500ms")
					.withProperty("murmur.notification.push.max-backoff", PUSH_MAX_BACKOFF.toMillis() + "ms"),
				userUrl + ServiceClients.TOKEN_PATH);
	}

	private PlatformService gateway(String userUrl, int redisDatabase) {
		return PlatformService.of("gateway-service", FreePorts.next(), Store.REDIS)
			.withProperty("murmur.gateway.services.user", userUrl)
			.withProperty("murmur.gateway.services.graph", this.graphService.service().url())
			.withProperty("murmur.gateway.services.post", this.postService.service().url())
			.withProperty("murmur.gateway.services.feed", this.feedService.service().url())
			.withProperty("murmur.gateway.services.search", this.searchService.service().url())
			.withProperty("murmur.gateway.services.media", this.mediaService.service().url())
			.withProperty("murmur.gateway.cors.allowed-origins", ALLOWED_ORIGIN)
			.withProperty("spring.data.redis.database", Integer.toString(redisDatabase));
	}

	/** Every service running, for what all of them serve (their management ports). */
	synchronized List<RunningService> services() {
		return List.of(this.userService, this.graphService, this.postService, this.feedService, this.searchService,
				this.mediaService, this.notificationService, this.gateway);
	}

	/** The gateway clients use. */
	String gatewayUrl() {
		return this.gateway.service().url();
	}

	/**
	 * A second gateway replica with tight request budgets, for the rate-limit tests. Its
	 * notification routes lead to a second notification-service replica whose Kafka
	 * listeners never start, so that whatever a client streams through this gateway was
	 * consumed by the first replica.
	 */
	String strictGatewayUrl() {
		return this.strictGateway.service().url();
	}

	/**
	 * Kills feed-service as a crash would (SIGKILL), without letting it finish anything.
	 */
	synchronized void crashFeedService() {
		crash(this.feedService);
	}

	/**
	 * Kills post-service as {@code kill -9} does: no shutdown, whatever it held in memory
	 * is gone.
	 */
	synchronized void crashPostService() {
		crash(this.postService);
	}

	/**
	 * Starts post-service again, on the same port, after {@link #crashPostService()}.
	 */
	synchronized void restartPostService() {
		this.postService = this.launcher.start(this.postServiceDefinition);
	}

	private static void crash(RunningService service) {
		service.kill();
	}

	/**
	 * Starts feed-service again on the same port, after {@link #crashFeedService()}.
	 */
	synchronized void restartFeedService() {
		this.feedService = this.launcher.start(this.feedServiceDefinition);
	}

	/** search-service itself, for its internal endpoints, which only operators reach. */
	String searchServiceUrl() {
		return this.searchService.service().url();
	}

	/** The Elasticsearch search-service uses, to lose an index on purpose. */
	String elasticsearchUrl() {
		return this.stack.elasticsearch().httpUri();
	}

	/** feed-service itself, which only the gateway may reach in production. */
	String feedServiceUrl() {
		return this.feedService.service().url();
	}

	/** user-service itself, which only the gateway may reach in production. */
	String userServiceUrl() {
		return this.userService.service().url();
	}

	/**
	 * A connection to the Redis database feed-service keeps feeds in, to look at the keys
	 * and to lose them.
	 * @return synchronous commands
	 */
	synchronized RedisCommands<String, String> feedRedis() {
		if (this.feedRedis == null) {
			this.feedRedis = RedisClient.create(RedisURI.create(this.stack.redis().host(), this.stack.redis().port()))
				.connect()
				.sync();
			this.feedRedis.select(FEED_REDIS_DATABASE);
		}
		return this.feedRedis;
	}

	/** media-service itself, which only the gateway may reach in production. */
	String mediaServiceUrl() {
		return this.mediaService.service().url();
	}

	/**
	 * Whether media-service still answers its health check: it runs with a small heap and
	 * exits on running out of memory.
	 */
	boolean mediaServiceHealthy() {
		return ProcessHandle.of(this.mediaService.pid()).map(ProcessHandle::isAlive).orElse(false);
	}

	/** The S3 store media-service keeps its bucket in. */
	io.murmur.localstack.s3.S3Server s3() {
		return this.stack.s3();
	}

	/** notification-service itself, which only the gateway may reach in production. */
	String notificationServiceUrl() {
		return this.notificationService.service().url();
	}

	/** graph-service itself, which only the gateway may reach in production. */
	String graphServiceUrl() {
		return this.graphService.service().url();
	}

	/** post-service itself, which only the gateway may reach in production. */
	String postServiceUrl() {
		return this.postService.service().url();
	}

	RSAKey signingKey() {
		return this.signingKey;
	}

	/** The secret of the tests' own service client, {@value #TEST_CLIENT_ID}. */
	String testClientSecret() {
		return this.testClientSecret;
	}

	KafkaServer kafka() {
		return this.stack.kafka();
	}

	/**
	 * A consumer of one topic from its beginning, in a group of its own.
	 * @param topic the topic
	 * @return the subscribed consumer
	 */
	KafkaConsumer<String, byte[]> consumer(String topic) {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "acceptance-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(List.of(topic));
		return consumer;
	}

	static RSAKey newKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Path privateKeyPem(RSAKey key) {
		try {
			byte[] pkcs8 = key.toRSAPrivateKey().getEncoded();
			String pem = "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
					+ "\n-----END PRIVATE KEY-----\n";
			Path file = this.stack.runDir().resolve("acceptance-signing-key.pem");
			Files.writeString(file, pem);
			return file;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
