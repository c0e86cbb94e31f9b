package io.murmur.localstack.kafka;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import io.murmur.localstack.AbstractStoreServer;
import io.murmur.localstack.Store;
import io.murmur.localstack.StoreContext;
import io.murmur.localstack.StoreFiles;
import io.murmur.localstack.StoreStartException;
import io.murmur.localstack.process.ManagedProcess;
import io.murmur.localstack.process.RestartableProcess.Stopper;

/**
 * A real Apache Kafka broker in KRaft combined mode, broker and controller in one JVM
 * with its own classpath, its storage formatted fresh for each run.
 * <p>
 * Besides {@link #close()}, the broker can be {@link #stop() stopped} and
 * {@link #restart() restarted} on the same ports with the same data, so that tests can
 * show what a service does while Kafka is away and that its clients recover once it is
 * back.
 */
public final class KafkaServer extends AbstractStoreServer {

	private static final String HOST = "127.0.0.1";

	private static final String LOGBACK_XML = """
			<configuration>
				<statusListener class="ch.qos.logback.core.status.NopStatusListener"/>
				<appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
					<encoder>
						<pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern>
					</encoder>
				</appender>
				<logger name="kafka.request.logger" level="WARN"/>
				<logger name="state.change.logger" level="WARN"/>
				<logger name="org.apache.kafka.common.config.AbstractConfig" level="WARN"/>
				<root level="INFO">
					<appender-ref ref="STDOUT"/>
				</root>
			</configuration>
			""";

	private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private final StoreContext context;

	private final int port;

	private KafkaServer(StoreContext context, int port, List<String> command) {
		super("Kafka at " + HOST + ":" + port, () -> context.launch(command), READY_TIMEOUT,
				Stopper.terminate(STOP_GRACE));
		this.context = context;
		this.port = port;
	}

	/**
	 * Formats fresh KRaft storage, starts the broker and waits until it describes the
	 * cluster through an admin client.
	 * @param context the store context
	 * @return the running server
	 */
	public static KafkaServer start(StoreContext context) {
		List<Path> classpath = context.artifacts()
			.classpath("org.apache.kafka:kafka_2.13:" + context.version("kafka"),
					"org.slf4j:slf4j-api:" + context.version("slf4j"),
					"ch.qos.logback:logback-classic:" + context.version("logback"));
		int port = context.freePort();
		int controllerPort = context.freePort();
		Path serverProperties = StoreFiles.write(context.home().resolve("server.properties"),
				serverProperties(port, controllerPort, context.dataDir()));
		Path logbackXml = StoreFiles.write(context.home().resolve("logback.xml"), LOGBACK_XML);
		format(context, javaCommand(context, classpath, logbackXml, "kafka.tools.StorageTool"), serverProperties);
		List<String> command = new ArrayList<>(javaCommand(context, classpath, logbackXml, "kafka.Kafka"));
		command.add(serverProperties.toString());
		KafkaServer server = new KafkaServer(context, port, List.copyOf(command));
		server.startProcess();
		return server;
	}

	private static String serverProperties(int port, int controllerPort, Path dataDir) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		properties.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
		properties.put("listeners",
				"PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("log.dirs", dataDir.toString());
		properties.put("num.partitions", "1");
		properties.put("auto.create.topics.enable", "true");
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("offsets.topic.num.partitions", "5");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("transaction.state.log.num.partitions", "5");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("share.coordinator.state.topic.num.partitions", "5");
		properties.put("group.initial.rebalance.delay.ms", "0");
		properties.put("num.network.threads", "2");
		properties.put("num.io.threads", "2");
		properties.put("background.threads", "2");
		return properties.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("\n", "", "\n"));
	}

	/**
	 * A JVM command line that runs the given main class on the Kafka classpath. Each main
	 * class gets an application class-data archive, created on its first run and shared
	 * by later runs on this machine, which roughly halves the CPU time of a start.
	 */
	private static List<String> javaCommand(StoreContext context, List<Path> classpath, Path logbackXml,
			String mainClass) {
		Path archive = context.cacheDir("kafka-" + context.version("kafka"))
			.resolve(mainClass + "-jdk-" + Runtime.version() + ".jsa");
		List<String> command = new ArrayList<>(
				List.of(context.jdks().currentJava().toString(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"));
		command.addAll(context.jitOptions());
		command.addAll(List.of("-XX:-UsePerfData", "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off",
				"-XX:SharedArchiveFile=" + archive, "-Djava.awt.headless=true",
				"-Dlogback.configurationFile=" + logbackXml, "-cp",
				classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)), mainClass));
		return command;
	}

	private static void format(StoreContext context, List<String> storageTool, Path serverProperties) {
		List<String> command = new ArrayList<>(storageTool);
		command.addAll(List.of("format", "--cluster-id", Uuid.randomUuid().toString(), "--config",
				serverProperties.toString(), "--standalone"));
		ManagedProcess formatter = context.launch(command);
		boolean exited;
		try {
			exited = ProcessHandle.of(formatter.pid()).map(KafkaServer::awaitExit).orElse(true);
		}
		finally {
			formatter.stop(Duration.ofSeconds(5));
		}
		if (!exited || !Files.isRegularFile(context.dataDir().resolve("meta.properties"))) {
			throw new StoreStartException("Formatting Kafka storage in " + context.dataDir()
					+ (exited ? " failed" : " did not finish within " + FORMAT_TIMEOUT.toSeconds() + " s")
					+ ". Last lines of " + context.logFile() + ":\n" + formatter.logTail(40));
		}
	}

	private static boolean awaitExit(ProcessHandle handle) {
		try {
			handle.onExit().get(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreStartException("Interrupted while formatting Kafka storage", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	/**
	 * The address clients bootstrap from.
	 * @return e.g. {@code 127.0.0.1:9092}
	 */
	public String bootstrapServers() {
		return HOST + ":" + this.port;
	}

	public int port() {
		return this.port;
	}

	@Override
	public Store store() {
		return Store.KAFKA;
	}

	@Override
	public String endpoint() {
		return bootstrapServers();
	}

	@Override
	public Map<String, String> springProperties() {
		return Map.of("spring.kafka.bootstrap-servers", bootstrapServers());
	}

	/**
	 * Whether the broker describes the cluster through an admin client.
	 */
	@Override
	protected boolean answers() throws Exception {
		if (!acceptsConnections(this.port)) {
			return false;
		}
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-probe", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
				AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 1000,
				AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 1000);
		try (Admin admin = Admin.create(config)) {
			return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
				.nodes()
				.get(4, TimeUnit.SECONDS)
				.isEmpty();
		}
	}

	/**
	 * Stops the broker for good and removes its data; the log stays.
	 */
	@Override
	public void close() {
		if (closeProcess()) {
			StoreFiles.deleteRecursively(this.context.dataDir());
		}
	}

}
