package io.murmur.localstack.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.murmur.localstack.AbstractStoreServer;
import io.murmur.localstack.Store;
import io.murmur.localstack.StoreContext;
import io.murmur.localstack.StoreFiles;
import io.murmur.localstack.StoreStartException;
import io.murmur.localstack.process.ManagedProcess;
import io.murmur.localstack.process.RestartableProcess.Stopper;

/**
 * A real single-node Elasticsearch, the minimal distribution published to Maven Central
 * ({@code org.elasticsearch.distribution.integ-test-zip:elasticsearch}), started with its
 * own {@code bin/elasticsearch}.
 * <p>
 * The distribution is shared read-only from the machine-wide cache; each instance has its
 * own configuration, data, log and temporary directories. Elasticsearch refuses to run as
 * root, so as root it runs as {@code nobody} with those directories handed over. The
 * launcher keeps running as the parent of the server JVM and stops it on SIGTERM.
 * <p>
 * A {@link #stop() stopped} node (SIGTERM to the launcher, which stops the server JVM)
 * keeps its data, its configuration and its ports, and on {@link #restart()} recovers its
 * indices from them; it counts as ready again once every primary shard is assigned, so
 * that everything indexed before can be read.
 * <p>
 * The distribution lacks {@code GET /} (so client {@code info()} and {@code ping()}
 * fail), the analysis-common module (language analyzers, most token filters), painless,
 * ingest, reindex and mapper-extras. Code tested here should stay within what it has:
 * CRUD, {@code _bulk}, full-text queries with the standard analyzer, keyword, date and
 * nested fields, terms and date histogram aggregations, and the analysis components of
 * the project's own plugins, which are installed into it (see
 * {@link ElasticsearchPlugins}).
 */
public final class ElasticsearchServer extends AbstractStoreServer {

	private static final String HOST = "127.0.0.1";

	private static final String HEAP = "512m";

	/**
	 * Generous: on two loaded cores the two JVMs of a start take a minute or more, and a
	 * restart during a load test competes with the whole platform.
	 */
	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

	private static final String SINGLE_NODE_DEFAULTS = """
			{"index_patterns": ["*"], "order": -1, "settings": {"number_of_replicas": 0}}""";

	private final int port;

	private final Path dataDir;

	private final HttpClient client;

	private ElasticsearchServer(int port, Supplier<ManagedProcess> launcher, Path dataDir) {
		super("Elasticsearch at http://" + HOST + ":" + port, launcher, STARTUP_TIMEOUT, Stopper.terminate(STOP_GRACE));
		this.port = port;
		this.dataDir = dataDir;
		this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	}

	/**
	 * Starts Elasticsearch and waits until the cluster reports its health (green: it has
	 * no indices yet), then makes new indices default to no replicas so that they stay
	 * green on one node.
	 * <p>
	 * The default is a legacy template of the lowest order: it yields to any composable
	 * template and to settings given at index creation. A composable catch-all would
	 * instead make Elasticsearch refuse application templates of the same priority.
	 * @param context the store context
	 * @return the running server
	 */
	public static ElasticsearchServer start(StoreContext context) {
		Path distribution = ElasticsearchDistribution.home(context, context.version("elasticsearch"),
				ElasticsearchPlugins.find());
		Instance instance = Instance.create(context, distribution);
		List<String> command = context.unprivileged()
			.command(List.of(distribution.resolve("bin/elasticsearch").toString()));
		Path javaHome = context.jdks().currentHome();
		ElasticsearchServer server = new ElasticsearchServer(instance.httpPort(),
				() -> context.launch(command, (builder) -> instance.configure(builder.environment(), javaHome)),
				instance.dataDir());
		try {
			server.startProcess();
			server.send("PUT", "/_template/local-stack-single-node", SINGLE_NODE_DEFAULTS);
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	/**
	 * The base URI of the HTTP API.
	 * @return e.g. {@code http://127.0.0.1:9200}
	 */
	public String httpUri() {
		return "http://" + HOST + ":" + this.port;
	}

	public int port() {
		return this.port;
	}

	@Override
	public Store store() {
		return Store.ELASTICSEARCH;
	}

	@Override
	public String endpoint() {
		return httpUri();
	}

	@Override
	public Map<String, String> springProperties() {
		return Map.of("spring.elasticsearch.uris", httpUri());
	}

	/**
	 * Asks the cluster for its health. Yellow counts as healthy: on one node it only
	 * means that an index asked for replicas that have nowhere to go, while every primary
	 * shard, and so every document, is there.
	 * @return {@code true} if the cluster answered green or yellow
	 */
	@Override
	protected boolean answers() throws IOException, InterruptedException {
		return clusterStatus().filter((status) -> !"red".equals(status)).isPresent();
	}

	private Optional<String> clusterStatus() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(httpUri() + "/_cluster/health?wait_for_status=green&timeout=1s"))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		Matcher status = STATUS.matcher(response.body());
		return status.find() ? Optional.of(status.group(1)) : Optional.empty();
	}

	private void send(String method, String path, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(httpUri() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new StoreStartException(
						method + " " + path + " answered " + response.statusCode() + ": " + response.body());
			}
		}
		catch (IOException ex) {
			throw new StoreStartException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreStartException(method + " " + path + " was interrupted", ex);
		}
	}

	/**
	 * Stops the launcher, which stops the server JVM, and deletes the data. Anything left
	 * after the grace period is killed.
	 */
	@Override
	public void close() {
		this.client.close();
		if (closeProcess()) {
			StoreFiles.deleteRecursively(this.dataDir);
		}
	}

	/**
	 * The directories and settings of one node.
	 */
	private record Instance(Path configDir, Path dataDir, Path logsDir, Path tmpDir, int httpPort) {

		private static final List<String> DISCARDED_ENVIRONMENT = List.of("JAVA_HOME", "JAVA_TOOL_OPTIONS",
				"_JAVA_OPTIONS", "JAVA_OPTS", "ES_HOME");

		static Instance create(StoreContext context, Path distribution) {
			Path home = context.home();
			Instance instance = new Instance(home.resolve("config"), context.dataDir(), home.resolve("logs"),
					home.resolve("tmp"), context.freePort());
			try {
				Files.createDirectories(instance.configDir());
				Files.createDirectories(instance.logsDir());
				Files.createDirectories(instance.tmpDir());
				copyDirectory(distribution.resolve("config"), instance.configDir());
				Files.writeString(instance.configDir().resolve("elasticsearch.yml"),
						instance.settings(context.freePort()), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not prepare " + home, ex);
			}
			for (Path dir : List.of(instance.configDir(), instance.dataDir(), instance.logsDir(), instance.tmpDir())) {
				context.unprivileged().handOver(dir);
			}
			return instance;
		}

		private String settings(int transportPort) {
			return """
					cluster.name: murmur-local
					node.name: local
					discovery.type: single-node
					network.host: %s
					http.port: %d
					transport.port: %d
					path.data: %s
					path.logs: %s
					xpack.security.enabled: false
					cluster.routing.allocation.disk.threshold_enabled: false
					action.destructive_requires_name: false
					""".formatted(HOST, this.httpPort, transportPort, this.dataDir, this.logsDir);
		}

		void configure(Map<String, String> environment, Path javaHome) {
			DISCARDED_ENVIRONMENT.forEach(environment::remove);
			environment.put("ES_JAVA_HOME", javaHome.toString());
			environment.put("ES_PATH_CONF", this.configDir.toString());
			environment.put("ES_JAVA_OPTS", "-Xms" + HEAP + " -Xmx" + HEAP + " -XX:-AlwaysPreTouch");
			environment.put("ES_TMPDIR", this.tmpDir.toString());
			environment.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + this.tmpDir + " -XX:TieredStopAtLevel=1");
		}

		private static void copyDirectory(Path source, Path target) throws IOException {
			try (Stream<Path> paths = Files.walk(source)) {
				for (Path path : (Iterable<Path>) paths::iterator) {
					Path copy = target.resolve(source.relativize(path).toString());
					if (Files.isDirectory(path)) {
						Files.createDirectories(copy);
					}
					else {
						Files.copy(path, copy);
					}
				}
			}
		}

	}

}
