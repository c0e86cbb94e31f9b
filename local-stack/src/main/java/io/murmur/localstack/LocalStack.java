package io.murmur.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.localstack.artifact.Artifacts;
import io.murmur.localstack.cassandra.CassandraServer;
import io.murmur.localstack.elasticsearch.ElasticsearchServer;
import io.murmur.localstack.kafka.KafkaServer;
import io.murmur.localstack.neo4j.Neo4jServer;
import io.murmur.localstack.postgres.PostgresServer;
import io.murmur.localstack.process.ManagedProcess;
import io.murmur.localstack.process.ProcessSupervisor;
import io.murmur.localstack.redis.RedisServer;
import io.murmur.localstack.s3.S3Server;

/**
 * Starts the real backing stores as native processes, each in its own process with its
 * own classpath or binary, on free ports, under a directory this stack owns.
 * <p>
 * Tests use {@link #shared()}: one stack per JVM, each store started at most once, on
 * first use, and stopped when the JVM exits. Store processes never outlive the JVM that
 * owns them, even when it is killed: see {@link ProcessSupervisor}.
 * <p>
 * Each store can also be {@link StoreServer#stop() stopped} and
 * {@link StoreServer#restart() restarted} on the same ports with the same data, to show
 * what the services do while it is away and that they reconnect; {@link RedisServer}
 * comes back empty and can be {@link RedisServer#flushAll() flushed}. A store that is
 * stopped still counts as started here: {@link #start(Store)} returns it as it is.
 */
public final class LocalStack implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalStack.class);

	private static @Nullable LocalStack shared;

	private final Path runDir;

	private final Path cacheDir;

	private final Artifacts artifacts;

	private final ProcessSupervisor supervisor;

	private final boolean fullJit;

	private final Map<Store, CompletableFuture<StoreServer>> servers = new EnumMap<>(Store.class);

	/**
	 * Creates a stack whose stores keep their data and logs under {@code runDir}.
	 * @param runDir the directory this stack owns
	 */
	public LocalStack(Path runDir) {
		this(runDir, false);
	}

	/**
	 * Creates a stack whose stores keep their data and logs under {@code runDir}.
	 * @param runDir the directory this stack owns
	 * @param fullJit whether the JVM stores run with their full JIT, as in production,
	 * rather than with the C1 compiler only, which starts them faster: for measuring
	 */
	public LocalStack(Path runDir, boolean fullJit) {
		this.fullJit = fullJit;
		this.runDir = createDirectories(runDir.toAbsolutePath());
		this.cacheDir = LocalStackDirectories.cacheDir();
		this.artifacts = new Artifacts(this.cacheDir.resolve("classpaths"));
		this.supervisor = new ProcessSupervisor(this.runDir);
	}

	/**
	 * The stack shared by everything in this JVM, created on first use and closed by a
	 * shutdown hook. Its run directory is {@code target/local-stack/run-<time>-<pid>}
	 * below the working directory unless {@code murmur.local-stack.dir} says otherwise.
	 * @return the shared stack
	 */
	public static synchronized LocalStack shared() {
		if (shared == null) {
			String base = System.getProperty("murmur.local-stack.dir", "target/local-stack");
			String run = "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
					+ ProcessHandle.current().pid();
			LocalStack stack = new LocalStack(Path.of(base, run));
			Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
			shared = stack;
		}
		return shared;
	}

	/**
	 * Starts a store unless it already runs, and waits until it answers.
	 * @param store the store
	 * @return the running server
	 */
	public StoreServer start(Store store) {
		return startAll(List.of(store)).get(store);
	}

	/**
	 * Starts the given stores concurrently unless they already run, and waits until every
	 * one of them answers.
	 * @param stores the stores
	 * @return the running servers, in the order asked for
	 */
	public Map<Store, StoreServer> startAll(Collection<Store> stores) {
		Map<Store, CompletableFuture<StoreServer>> futures = new LinkedHashMap<>();
		synchronized (this.servers) {
			for (Store store : stores) {
				futures.put(store, this.servers.computeIfAbsent(store,
						(key) -> CompletableFuture.supplyAsync(() -> doStart(key), this.supervisor.executor())));
			}
		}
		Map<Store, StoreServer> started = new LinkedHashMap<>();
		List<Throwable> failures = new ArrayList<>();
		futures.forEach((store, future) -> {
			try {
				started.put(store, future.join());
			}
			catch (CompletionException ex) {
				synchronized (this.servers) {
					this.servers.remove(store, future);
				}
				failures.add(ex.getCause() != null ? ex.getCause() : ex);
			}
		});
		if (!failures.isEmpty()) {
			StoreStartException failure = new StoreStartException("Could not start " + failures.size() + " store(s)",
					failures.get(0));
			failures.stream().skip(1).forEach(failure::addSuppressed);
			throw failure;
		}
		return started;
	}

	private StoreServer doStart(Store store) {
		long startedAt = System.nanoTime();
		Path home = createDirectories(this.runDir.resolve(store.id()));
		StoreContext context = new StoreContext(store, home, this.cacheDir, this.artifacts, this.supervisor,
				this.fullJit);
		StoreServer server = store.start(context);
		logger.info("{} ready at {} in {} ms (pid {}, logs {})", store.id(), server.endpoint(),
				(System.nanoTime() - startedAt) / 1_000_000, server.pid(), context.logFile());
		return server;
	}

	/**
	 * The stores that run now.
	 * @return running servers by store
	 */
	public Map<Store, StoreServer> running() {
		Map<Store, StoreServer> running = new EnumMap<>(Store.class);
		synchronized (this.servers) {
			this.servers.forEach((store, future) -> {
				if (future.isDone() && !future.isCompletedExceptionally()) {
					running.put(store, future.join());
				}
			});
		}
		return running;
	}

	/**
	 * Spring Boot properties for all the given stores, starting those that do not run
	 * yet.
	 * @param stores the stores
	 * @return the merged properties
	 */
	public Map<String, String> springProperties(Collection<Store> stores) {
		Map<String, String> properties = new LinkedHashMap<>();
		startAll(stores).values().forEach((server) -> properties.putAll(server.springProperties()));
		return properties;
	}

	public Path runDir() {
		return this.runDir;
	}

	/**
	 * Launches a process that is not a store, such as an application that uses the
	 * stores, with the same protection as a store: it is tracked by this stack's watchdog
	 * and never outlives the owner, even when the owner is killed. The caller stops it
	 * before {@link #close() closing} the stack.
	 * @param name a name for messages
	 * @param builder the process to start
	 * @param logFile where standard output and error go
	 * @return the running process
	 */
	public ManagedProcess launch(String name, ProcessBuilder builder, Path logFile) {
		return this.supervisor.launch(name, builder, logFile);
	}

	public KafkaServer kafka() {
		return (KafkaServer) start(Store.KAFKA);
	}

	public CassandraServer cassandra() {
		return (CassandraServer) start(Store.CASSANDRA);
	}

	public Neo4jServer neo4j() {
		return (Neo4jServer) start(Store.NEO4J);
	}

	public ElasticsearchServer elasticsearch() {
		return (ElasticsearchServer) start(Store.ELASTICSEARCH);
	}

	public S3Server s3() {
		return (S3Server) start(Store.S3);
	}

	public PostgresServer postgres() {
		return (PostgresServer) start(Store.POSTGRES);
	}

	public RedisServer redis() {
		return (RedisServer) start(Store.REDIS);
	}

	/**
	 * Stops every store this stack started, in reverse order of the store list, then the
	 * watchdog.
	 */
	@Override
	public void close() {
		List<StoreServer> toStop;
		synchronized (this.servers) {
			toStop = Stream.of(Store.values())
				.map(this.servers::get)
				.filter((future) -> future != null && future.isDone() && !future.isCompletedExceptionally())
				.map(CompletableFuture::join)
				.toList();
			this.servers.clear();
		}
		toStop.parallelStream().forEach((server) -> {
			try {
				server.close();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not stop {} cleanly", server.store().id(), ex);
			}
		});
		this.supervisor.close();
	}

	private static Path createDirectories(Path dir) {
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
