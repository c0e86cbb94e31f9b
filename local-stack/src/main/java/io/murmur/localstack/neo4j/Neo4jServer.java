package io.murmur.localstack.neo4j;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.localstack.AbstractStoreServer;
import io.murmur.localstack.Store;
import io.murmur.localstack.StoreContext;
import io.murmur.localstack.StoreStartException;
import io.murmur.localstack.process.ManagedProcess;
import io.murmur.localstack.process.RestartableProcess.Stopper;

/**
 * A real Neo4j DBMS (the embedded {@code org.neo4j:neo4j} runtime with its Bolt
 * connector) in its own JVM, reached over Bolt without authentication or TLS.
 * <p>
 * Maven Central has no Neo4j server distribution, so the process runs the embedded DBMS
 * through {@link Neo4jLauncher}, on a classpath of the Neo4j jars and that one launcher
 * class, copied next to the configuration. Neo4j stays off local-stack's own classpath:
 * its Netty 4.1 and Spring Boot's Netty 4.2 break each other.
 * <p>
 * A {@link #stop() stopped} server (SIGTERM) shuts its databases down cleanly and comes
 * back with them on {@link #restart()}.
 */
public final class Neo4jServer extends AbstractStoreServer {

	private static final Logger logger = LoggerFactory.getLogger(Neo4jServer.class);

	private static final int DRIVER_CLOSE_SECONDS = 10;

	private static final String HOST = "127.0.0.1";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration STOP_GRACE = Duration.ofSeconds(15);

	private final int port;

	private final Driver driver;

	private Neo4jServer(int port, Supplier<ManagedProcess> launcher) {
		super("Neo4j at bolt://" + HOST + ":" + port, launcher, START_TIMEOUT, Stopper.terminate(STOP_GRACE));
		this.port = port;
		this.driver = GraphDatabase.driver(boltUri(), AuthTokens.none(),
				Config.builder()
					.withConnectionTimeout(2, TimeUnit.SECONDS)
					.withConnectionAcquisitionTimeout(5, TimeUnit.SECONDS)
					.withMaxConnectionPoolSize(2)
					.build());
	}

	/**
	 * Starts Neo4j and waits until it answers a Cypher query over Bolt.
	 * @param context the store context
	 * @return the running server
	 */
	public static Neo4jServer start(StoreContext context) {
		List<Path> jars = context.artifacts().classpath("org.neo4j:neo4j:" + context.version("neo4j"));
		int port = context.freePort();
		Path config = writeConfig(context, port);
		List<String> command = new ArrayList<>();
		command.add(context.jdks().currentJava().toString());
		command.addAll(jvmOptions(context.home().resolve("tmp"), context.jitOptions()));
		command.add("-cp");
		command.add(Stream.concat(Stream.of(copyLauncher(context.home())), jars.stream())
			.map(Path::toString)
			.collect(Collectors.joining(File.pathSeparator)));
		command.add(Neo4jLauncher.class.getName());
		command.add(context.home().toString());
		command.add(config.toString());
		Neo4jServer server = new Neo4jServer(port, () -> context.launch(command));
		try {
			server.startProcess();
		}
		catch (RuntimeException ex) {
			server.driver.close();
			throw ex;
		}
		return server;
	}

	/**
	 * A small heap and the given JIT options (C1 only, for a quick start on few cores,
	 * unless the stack runs its stores as production does); the module openings and
	 * system properties Neo4j's own server launcher adds; a temporary directory of its
	 * own for Netty's native libraries.
	 */
	private static List<String> jvmOptions(Path tmpDir, List<String> jit) {
		createDirectories(tmpDir);
		List<String> options = new ArrayList<>(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"));
		options.addAll(jit);
		options.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-XX:-OmitStackTraceInFastThrow",
				"--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
				"--add-opens=java.base/java.io=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
				"-Dio.netty.tryReflectionSetAccessible=true", "-Dlog4j2.disable.jmx=true", "-Dfile.encoding=UTF-8",
				"-Djava.io.tmpdir=" + tmpDir));
		if (Runtime.version().feature() >= 23) {
			options.add("--sun-misc-unsafe-memory-access=allow");
		}
		return options;
	}

	private static Path writeConfig(StoreContext context, int port) {
		String config = """
				server.directories.data=%s
				server.directories.logs=%s
				server.bolt.enabled=true
				server.bolt.listen_address=%s:%d
				server.bolt.tls_level=DISABLED
				server.http.enabled=false
				server.https.enabled=false
				dbms.security.auth_enabled=false
				dbms.usage_report.enabled=false
				server.memory.pagecache.size=64m
				db.tx_log.preallocate=false
				internal.server.bolt.thread_pool_shutdown_wait_time=500ms
				internal.server.bolt.connection_shutdown_wait_time=500ms
				""".formatted(context.dataDir(), context.home().resolve("logs"), HOST, port);
		Path file = context.home().resolve("neo4j.conf");
		try {
			return Files.writeString(file, config, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path copyLauncher(Path home) {
		Path root = home.resolve("launcher");
		Path target = root.resolve(Neo4jLauncher.class.getName().replace('.', '/') + ".class");
		String resource = Neo4jLauncher.class.getSimpleName() + ".class";
		try (InputStream in = Neo4jLauncher.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new StoreStartException("No " + resource + " next to " + Neo4jServer.class.getName());
			}
			createDirectories(target.getParent());
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String host() {
		return HOST;
	}

	public int port() {
		return this.port;
	}

	/**
	 * The Bolt URI for drivers; the server wants no credentials and no TLS.
	 * @return e.g. {@code bolt://127.0.0.1:7687}
	 */
	public String boltUri() {
		return "bolt://" + HOST + ":" + this.port;
	}

	@Override
	public Store store() {
		return Store.NEO4J;
	}

	@Override
	public String endpoint() {
		return boltUri();
	}

	/**
	 * Only the URI: with no {@code spring.neo4j.authentication.*} properties Spring Boot
	 * connects with no authentication, which is what this server expects.
	 * @return the Spring Boot properties
	 */
	@Override
	public Map<String, String> springProperties() {
		return Map.of("spring.neo4j.uri", boltUri());
	}

	/**
	 * Whether the server answers a Cypher query over Bolt.
	 */
	@Override
	protected boolean answers() {
		try (Session session = this.driver.session()) {
			return session.run("RETURN 1 AS one").single().get("one").asInt() == 1;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Closes the driver, waiting for it at most {@value #DRIVER_CLOSE_SECONDS} seconds,
	 * then stops the server. A driver's close once never returned (its Netty event loop
	 * stuck shutting down), which held up the whole stack's close and lost what was to
	 * follow it, such as a fault campaign's report.
	 */
	@Override
	public void close() {
		try {
			this.driver.closeAsync().toCompletableFuture().get(DRIVER_CLOSE_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("The Neo4j driver did not close cleanly; stopping the server anyway", ex);
		}
		finally {
			closeProcess();
		}
	}

}
