package io.murmur.localstack.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.murmur.localstack.AbstractStoreServer;
import io.murmur.localstack.Store;
import io.murmur.localstack.StoreContext;
import io.murmur.localstack.StoreStartException;
import io.murmur.localstack.process.ManagedProcess;
import io.murmur.localstack.process.RestartableProcess.Stopper;

/**
 * A real {@code redis-server}, the binary shipped in
 * {@code com.github.codemonstur:embedded-redis}, run as a child process without
 * persistence.
 * <p>
 * Without persistence a {@link #restart()} brings Redis back on the same port but
 * <em>empty</em>, as a restarted cache node without snapshots comes back: whatever
 * services kept there must be rebuilt from their own sources. {@link #flushAll()} empties
 * it without a restart.
 */
public final class RedisServer extends AbstractStoreServer {

	private static final String HOST = "127.0.0.1";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration STOP_GRACE = Duration.ofSeconds(10);

	private final int port;

	private RedisServer(int port, Supplier<ManagedProcess> launcher) {
		super("Redis at redis://" + HOST + ":" + port, launcher, READY_TIMEOUT, Stopper.terminate(STOP_GRACE));
		this.port = port;
	}

	/**
	 * Starts redis-server and waits until it answers {@code PING}.
	 * @param context the store context
	 * @return the running server
	 */
	public static RedisServer start(StoreContext context) {
		Path binary = binary(context);
		int port = context.freePort();
		List<String> command = List.of(binary.toString(), "--port", Integer.toString(port), "--bind", HOST,
				"--protected-mode", "no", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir",
				context.dataDir().toString(), "--logfile", "");
		RedisServer server = new RedisServer(port, () -> context.launch(command));
		server.startProcess();
		return server;
	}

	private static Path binary(StoreContext context) {
		String version = context.version("embedded-redis");
		Path jar = context.artifacts().artifact("com.github.codemonstur:embedded-redis:" + version);
		String name = binaryName();
		Path target = context.cacheDir("redis-" + version).resolve(name);
		if (Files.isExecutable(target)) {
			return target;
		}
		try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
			var entry = zip.getEntry(name);
			if (entry == null) {
				throw new StoreStartException("No " + name + " in " + jar);
			}
			Path temp = Files.createTempFile(target.getParent(), "redis-server", ".tmp");
			try (InputStream in = zip.getInputStream(entry)) {
				Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			}
			Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String binaryName() {
		String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
		String arch = System.getProperty("os.arch");
		boolean arm = arch.equals("aarch64") || arch.equals("arm64");
		if (os.contains("mac")) {
			return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
		}
		return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
	}

	public String host() {
		return HOST;
	}

	public int port() {
		return this.port;
	}

	/**
	 * A Redis URI for clients.
	 * @return e.g. {@code redis://127.0.0.1:6379}
	 */
	public String uri() {
		return "redis://" + HOST + ":" + this.port;
	}

	@Override
	public Store store() {
		return Store.REDIS;
	}

	@Override
	public String endpoint() {
		return uri();
	}

	@Override
	public Map<String, String> springProperties() {
		return Map.of("spring.data.redis.host", HOST, "spring.data.redis.port", Integer.toString(this.port));
	}

	/**
	 * Whether Redis answers {@code PING}.
	 */
	@Override
	protected boolean answers() {
		return "PONG".equals(call(RedisCommands::ping));
	}

	/**
	 * Removes every key of every database ({@code FLUSHALL}), as an operator emptying a
	 * cache would, while Redis keeps running.
	 */
	public void flushAll() {
		String reply = call(RedisCommands::flushall);
		if (!"OK".equals(reply)) {
			throw new IllegalStateException("FLUSHALL on " + uri() + " answered " + reply);
		}
	}

	private String call(Function<RedisCommands<String, String>, String> command) {
		RedisClient client = RedisClient
			.create(RedisURI.builder().withHost(HOST).withPort(this.port).withTimeout(Duration.ofSeconds(2)).build());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return command.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	/**
	 * Starts redis-server again on the same port, <em>empty</em>, since it runs without
	 * persistence.
	 */
	@Override
	public void restart() {
		super.restart();
	}

	@Override
	public void close() {
		closeProcess();
	}

}
