package io.murmur.localstack.cassandra;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;

import io.murmur.localstack.AbstractStoreServer;
import io.murmur.localstack.Store;
import io.murmur.localstack.StoreContext;
import io.murmur.localstack.StoreFiles;
import io.murmur.localstack.process.ManagedProcess;
import io.murmur.localstack.process.RestartableProcess.Stopper;

/**
 * A real single-node Apache Cassandra, {@code CassandraDaemon} from {@code cassandra-all}
 * in its own JDK 17 JVM.
 * <p>
 * Cassandra 5.0 needs the Security Manager, which JDK 24 removed, so it cannot run on the
 * JDK that builds the project. The jar ships neither the JVM options of the
 * distribution's {@code conf/jvm*-server.options} nor a logging configuration, so both
 * are supplied here. Every port is a free one, JMX included, so that several nodes can
 * run side by side. A {@link #stop() stopped} node (SIGTERM, on which Cassandra drains
 * itself) keeps its data and comes back with it on {@link #restart()}, after replaying
 * its commit log; the data is thrown away when the node is closed.
 */
public final class CassandraServer extends AbstractStoreServer {

	private static final String HOST = "127.0.0.1";

	private static final String LOCAL_DATACENTER = "datacenter1";

	private static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";

	/**
	 * Generous, since a restart during a load test competes for two cores with the whole
	 * platform, and then replays its commit log.
	 */
	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

	/**
	 * The options of Cassandra 5.0's {@code conf/jvm-server.options} and
	 * {@code conf/jvm17-server.options}, without those that only pay off on a
	 * long-running production node ({@code -XX:+AlwaysPreTouch}, {@code -XX:+UseNUMA},
	 * heap dumps, a 16 MB G1 region size) and without {@code -XX:-UseBiasedLocking},
	 * which JDK 17 no longer knows.
	 */
	private static final List<String> SERVER_OPTIONS = List.of("-ea", "-da:net.openhft...", "-XX:+UseThreadPriorities",
			"-Xss256k", "-XX:+UseTLAB", "-XX:+ResizeTLAB", "-XX:+PerfDisableSharedMem",
			"-Djava.net.preferIPv4Stack=true", "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled",
			"-XX:MaxTenuringThreshold=1", "-XX:G1RSetUpdatingPauseTimePercent=5", "-XX:MaxGCPauseMillis=300",
			"-XX:InitiatingHeapOccupancyPercent=70", "-Djdk.attach.allowAttachSelf=true",
			"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
			"--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
			"--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
			"--add-exports=java.sql/java.sql=ALL-UNNAMED", "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
			"--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
			"--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
			"--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED",
			"--add-opens=java.base/java.lang.module=ALL-UNNAMED",
			"--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
			"--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
			"--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
			"--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
			"--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
			"--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
			"--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
			"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
			"--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
			"--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
			"--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
			"-Dio.netty.tryReflectionSetAccessible=true", "-Dio.netty.allocator.useCacheForAllThreads=true",
			"-Dio.netty.allocator.maxOrder=11");

	/**
	 * Options for a small, fresh, throwaway node that has nobody to gossip with: skip the
	 * waits a node joining a real cluster needs, skip fsync and take a fixed memtable row
	 * overhead instead of measuring it at every start, which costs seconds of CPU. The
	 * JIT options come from the {@link StoreContext}: C1 only unless the stack is for
	 * measuring.
	 */
	private static final List<String> LOCAL_NODE_OPTIONS = List.of("-Xms512m", "-Xmx512m",
			"-XX:+ExitOnOutOfMemoryError", "-Dcassandra-foreground=yes", "-Dcassandra.skip_wait_for_gossip_to_settle=0",
			"-Dcassandra.ring_delay_ms=100", "-Dcassandra.superuser_setup_delay_ms=0",
			"-Dcassandra.load_ring_state=false", "-Dcassandra.shutdown_announce_in_ms=0", "-Dcassandra.skip_sync=true",
			"-Dcassandra.unsafesystem=true", "-Dcassandra.memtable.row_overhead_size=180");

	private static final String LOGBACK = """
			<configuration>
				<appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
					<encoder>
						<pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n</pattern>
					</encoder>
				</appender>
				<logger name="org.apache.cassandra.db.ColumnFamilyStore" level="WARN"/>
				<logger name="org.apache.cassandra.db.Keyspace" level="WARN"/>
				<logger name="org.apache.cassandra.db.SystemKeyspaceMigrator41" level="WARN"/>
				<logger name="org.apache.cassandra.db.lifecycle.LogTransaction" level="WARN"/>
				<logger name="org.apache.cassandra.db.memtable.Flushing" level="WARN"/>
				<root level="INFO">
					<appender-ref ref="STDOUT"/>
				</root>
			</configuration>
			""";

	private final int port;

	private final Path dataDir;

	private CassandraServer(int port, Path dataDir, Supplier<ManagedProcess> launcher) {
		super("Cassandra at " + HOST + ":" + port, launcher, STARTUP_TIMEOUT, Stopper.terminate(SHUTDOWN_GRACE));
		this.port = port;
		this.dataDir = dataDir;
	}

	/**
	 * Starts a Cassandra node and waits until it answers a CQL query.
	 * @param context the store context
	 * @return the running node
	 */
	public static CassandraServer start(StoreContext context) {
		List<Path> classpath = context.artifacts()
			.classpath("org.apache.cassandra:cassandra-all:" + context.version("cassandra"),
					"org.slf4j:slf4j-api:" + context.version("slf4j"),
					"ch.qos.logback:logback-classic:" + context.version("logback"));
		int storagePort = context.freePort();
		int nativePort = context.freePort();
		int jmxPort = context.freePort();
		Path home = context.home();
		Path config = StoreFiles.write(home.resolve("cassandra.yaml"),
				configuration(context.dataDir(), storagePort, nativePort));
		Path logback = StoreFiles.write(home.resolve("logback.xml"), LOGBACK);
		List<String> command = new ArrayList<>(memoryLockingDisabled(context));
		command.add(context.jdks().java(17).toString());
		command.addAll(SERVER_OPTIONS);
		command.addAll(LOCAL_NODE_OPTIONS);
		command.addAll(context.jitOptions());
		command.addAll(jammAgent(classpath));
		command.add("-Djava.io.tmpdir=" + StoreFiles.createDirectories(home.resolve("tmp")));
		command.add("-Dcassandra.triggers_dir=" + StoreFiles.createDirectories(home.resolve("triggers")));
		command.add("-Dcassandra.jmx.local.port=" + jmxPort);
		command.add("-Dcassandra.config=" + config.toUri());
		command.add("-Dlogback.configurationFile=" + logback);
		command.add("-cp");
		command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
		command.add(MAIN_CLASS);
		CassandraServer server = new CassandraServer(nativePort, context.dataDir(), () -> context.launch(command));
		server.startProcess();
		return server;
	}

	/**
	 * Cassandra calls {@code mlockall} at startup. As root that succeeds and pins every
	 * committed page, the whole heap included, which more than doubles the resident
	 * memory of a mostly idle node. Without {@code CAP_IPC_LOCK} the call fails and
	 * Cassandra only warns.
	 * @param context the store context
	 * @return a command prefix
	 */
	private static List<String> memoryLockingDisabled(StoreContext context) {
		return context.unprivileged().isRoot() ? List.of("setpriv", "--bounding-set=-ipc_lock", "--") : List.of();
	}

	/**
	 * Loads jamm as an agent, as {@code cassandra-env.sh} does: without instrumentation
	 * jamm falls back to a much slower way of measuring objects.
	 * @param classpath the node's classpath
	 * @return the agent option, if jamm is on the classpath
	 */
	private static List<String> jammAgent(List<Path> classpath) {
		return classpath.stream()
			.filter((jar) -> jar.getFileName().toString().startsWith("jamm-"))
			.findFirst()
			.map((jamm) -> List.of("-javaagent:" + jamm))
			.orElse(List.of());
	}

	private static String configuration(Path dataDir, int storagePort, int nativePort) {
		return """
				cluster_name: murmur-local
				num_tokens: 16
				partitioner: org.apache.cassandra.dht.Murmur3Partitioner
				endpoint_snitch: SimpleSnitch
				seed_provider:
				  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
				    parameters:
				      - seeds: "127.0.0.1:%2$d"
				listen_address: 127.0.0.1
				rpc_address: 127.0.0.1
				storage_port: %2$d
				native_transport_port: %3$d
				data_file_directories:
				  - %1$s/data
				commitlog_directory: %1$s/commitlog
				hints_directory: %1$s/hints
				saved_caches_directory: %1$s/saved_caches
				cdc_raw_directory: %1$s/cdc_raw
				commitlog_sync: periodic
				commitlog_sync_period: 10000ms
				commitlog_segment_size: 8MiB
				authenticator: AllowAllAuthenticator
				authorizer: AllowAllAuthorizer
				disk_access_mode: mmap_index_only
				auto_snapshot: false
				concurrent_reads: 4
				concurrent_writes: 4
				concurrent_counter_writes: 4
				concurrent_materialized_view_writes: 2
				concurrent_compactors: 1
				memtable_flush_writers: 1
				file_cache_size: 32MiB
				""".formatted(dataDir, storagePort, nativePort);
	}

	public String host() {
		return HOST;
	}

	public int port() {
		return this.port;
	}

	/**
	 * The contact point for CQL drivers.
	 * @return e.g. {@code 127.0.0.1:9042}
	 */
	public String contactPoint() {
		return HOST + ":" + this.port;
	}

	/**
	 * The datacenter drivers must name as local; {@code SimpleSnitch} puts the node in
	 * this one.
	 * @return {@code datacenter1}
	 */
	public String localDatacenter() {
		return LOCAL_DATACENTER;
	}

	@Override
	public Store store() {
		return Store.CASSANDRA;
	}

	@Override
	public String endpoint() {
		return contactPoint();
	}

	@Override
	public Map<String, String> springProperties() {
		return Map.of("spring.cassandra.contact-points", contactPoint(), "spring.cassandra.port",
				Integer.toString(this.port), "spring.cassandra.local-datacenter", LOCAL_DATACENTER);
	}

	/**
	 * Whether the node answers a CQL query.
	 */
	@Override
	protected boolean answers() {
		if (!acceptsConnections(this.port)) {
			return false;
		}
		DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
			.withString(DefaultDriverOption.PROTOCOL_VERSION, "V5")
			.withInt(DefaultDriverOption.NETTY_IO_SIZE, 1)
			.withInt(DefaultDriverOption.NETTY_ADMIN_SIZE, 1)
			.withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
			.withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
			.withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, Duration.ofSeconds(2))
			.withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
			.withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(5))
			.withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
			.withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
			.build();
		try (CqlSession session = CqlSession.builder()
			.addContactPoint(new InetSocketAddress(HOST, this.port))
			.withLocalDatacenter(LOCAL_DATACENTER)
			.withConfigLoader(config)
			.build()) {
			Row row = session.execute("SELECT release_version FROM system.local").one();
			return row != null && row.getString("release_version") != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Stops the node with SIGTERM, on which Cassandra drains itself, and removes its data
	 * once it has stopped.
	 */
	@Override
	public void close() {
		if (closeProcess()) {
			StoreFiles.deleteRecursively(this.dataDir);
		}
	}

}
