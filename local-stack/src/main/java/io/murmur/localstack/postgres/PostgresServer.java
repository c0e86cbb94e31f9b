package io.murmur.localstack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.murmur.localstack.AbstractStoreServer;
import io.murmur.localstack.Store;
import io.murmur.localstack.StoreContext;
import io.murmur.localstack.StoreFiles;
import io.murmur.localstack.StoreStartException;
import io.murmur.localstack.process.ManagedProcess;

/**
 * A real PostgreSQL server, the binaries zonky publishes on Maven Central, run in the
 * foreground as a child process so that it is supervised like every other store.
 * <p>
 * Each run gets a fresh cluster, a copy of the one {@code initdb} created on the first
 * run on this machine, and runs without durability ({@code fsync}, synchronous commit and
 * full page writes off): tests gain speed and lose nothing, since the data directory is
 * thrown away when the server is closed. Without {@code fsync} only a crash of the
 * machine, not of the server, loses data, so a {@link #stop() stopped} server (a fast
 * shutdown) comes back with every committed row on {@link #restart()}. As root,
 * {@code initdb} and the server run as an unprivileged user, because PostgreSQL refuses
 * to run as root.
 * <p>
 * Each service gets its own database: {@link #createDatabase(String)} creates one and
 * returns its JDBC URL.
 */
public final class PostgresServer extends AbstractStoreServer {

	/** The default database, created at start. */
	public static final String DEFAULT_DATABASE = "murmur";

	private static final String HOST = "127.0.0.1";

	private static final String USERNAME = "murmur";

	private static final String PASSWORD = "murmur";

	private static final List<String> INITDB_OPTIONS = List.of("--username=" + USERNAME, "--auth=trust",
			"--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions");

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	/**
	 * The longest Unix-domain socket path that both Linux (107) and macOS (103) accept.
	 */
	private static final int MAX_SOCKET_PATH = 103;

	private final int port;

	private final Path dataDir;

	private PostgresServer(int port, Path dataDir, Supplier<ManagedProcess> launcher) {
		super("PostgreSQL at " + HOST + ":" + port, launcher, READY_TIMEOUT, PostgresServer::fastShutdown);
		this.port = port;
		this.dataDir = dataDir;
	}

	/**
	 * Creates a cluster, starts PostgreSQL and waits until it answers a query, then
	 * creates the {@value #DEFAULT_DATABASE} database.
	 * @param context the store context
	 * @return the running server
	 */
	public static PostgresServer start(StoreContext context) {
		PostgresInstallation installation = PostgresInstallation.resolve(context);
		Path home = context.home();
		Path dataDir = context.dataDir();
		Path socketDir = createDirectories(home.resolve("socket"));
		createCluster(context, installation, dataDir);
		int port = context.freePort();
		List<String> command = List.of(installation.postgres().toString(), "-D", dataDir.toString(), "-p",
				Integer.toString(port), "-c", "listen_addresses=" + HOST, "-k", socketDirectory(socketDir, port), "-c",
				"fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200");
		List<String> unprivileged = context.unprivileged().command(command);
		PostgresServer server = new PostgresServer(port, dataDir, () -> context.launch(unprivileged));
		server.startProcess();
		server.createDatabase(DEFAULT_DATABASE);
		return server;
	}

	/**
	 * Copies the cluster that the first run on this machine created with {@code initdb}
	 * and kept, or creates and keeps one.
	 */
	private static void createCluster(StoreContext context, PostgresInstallation installation, Path dataDir) {
		List<String> identity = new ArrayList<>(INITDB_OPTIONS);
		identity.add(PASSWORD);
		Path template = installation.clusterTemplate(identity);
		if (Files.isDirectory(template)) {
			PostgresInstallation.copyTree(template, dataDir);
			context.unprivileged().handOver(context.home());
			return;
		}
		Path passwordFile = writePasswordFile(context.home());
		setOwnerOnly(dataDir);
		context.unprivileged().handOver(context.home());
		List<String> command = new ArrayList<>(
				List.of(installation.initdb().toString(), "-D", dataDir.toString(), "--pwfile=" + passwordFile));
		command.addAll(INITDB_OPTIONS);
		ManagedProcess initdb = context.launch(context.unprivileged().command(command));
		OptionalInt exitCode = initdb.waitFor(Duration.ofSeconds(60));
		if (exitCode.isEmpty()) {
			initdb.stop(Duration.ofSeconds(5));
		}
		deleteFile(passwordFile);
		if (exitCode.orElse(-1) != 0) {
			throw new StoreStartException("initdb failed"
					+ (exitCode.isPresent() ? " with code " + exitCode.getAsInt() : " to finish within 60 s")
					+ ". Last lines of " + context.logFile() + ":\n" + initdb.logTail(40));
		}
		PostgresInstallation.saveTemplate(dataDir, template);
	}

	private static Path writePasswordFile(Path home) {
		try {
			return Files.writeString(home.resolve("password"), PASSWORD + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The directory for the server's Unix-domain socket, or none when the socket's path
	 * would be too long for the system, which a deep working directory makes it. Clients
	 * here connect over TCP either way.
	 */
	private static String socketDirectory(Path socketDir, int port) {
		String socket = socketDir + "/.s.PGSQL." + port;
		return (socket.length() <= MAX_SOCKET_PATH) ? socketDir.toString() : "";
	}

	public String host() {
		return HOST;
	}

	public int port() {
		return this.port;
	}

	/**
	 * The JDBC URL of the {@value #DEFAULT_DATABASE} database.
	 * @return e.g. {@code jdbc:postgresql://127.0.0.1:5432/murmur}
	 */
	public String jdbcUrl() {
		return jdbcUrl(DEFAULT_DATABASE);
	}

	/**
	 * The JDBC URL of a database on this server; it must exist to be connected to.
	 * @param database the database name
	 * @return e.g. {@code jdbc:postgresql://127.0.0.1:5432/users}
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + HOST + ":" + this.port + "/" + database;
	}

	/**
	 * Creates a database unless it exists, so that each service, or each test class, can
	 * have its own. It is copied from {@code template1} file by file, which on a small
	 * cluster without durability is cheaper than the default of copying it through the
	 * write-ahead log.
	 * @param name a lower-case SQL identifier, e.g. {@code user_service}
	 * @return the database's JDBC URL
	 */
	public synchronized String createDatabase(String name) {
		if (!DATABASE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain lower-case database name: '" + name + "'");
		}
		try (Connection connection = connect("postgres")) {
			if (!exists(connection, name)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE DATABASE \"" + name + "\" STRATEGY FILE_COPY");
				}
				catch (SQLException ex) {
					if (!"42P04".equals(ex.getSQLState())) {
						throw ex;
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + name, ex);
		}
		return jdbcUrl(name);
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, database);
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

	public String username() {
		return USERNAME;
	}

	public String password() {
		return PASSWORD;
	}

	@Override
	public Store store() {
		return Store.POSTGRES;
	}

	@Override
	public String endpoint() {
		return jdbcUrl();
	}

	@Override
	public Map<String, String> springProperties() {
		return Map.of("spring.datasource.url", jdbcUrl(), "spring.datasource.username", USERNAME,
				"spring.datasource.password", PASSWORD);
	}

	/**
	 * Whether the server answers a query.
	 */
	@Override
	protected boolean answers() {
		try (Connection connection = connect("postgres");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT 1")) {
			return result.next() && result.getInt(1) == 1;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", USERNAME);
		properties.setProperty("password", PASSWORD);
		properties.setProperty("connectTimeout", "2");
		properties.setProperty("socketTimeout", "30");
		return DriverManager.getConnection(jdbcUrl(database), properties);
	}

	/**
	 * Stops PostgreSQL with a fast shutdown. The data directory is deleted after a clean
	 * stop; the log is kept.
	 */
	@Override
	public void close() {
		if (closeProcess()) {
			StoreFiles.deleteRecursively(this.dataDir);
		}
	}

	/**
	 * A fast shutdown (SIGINT): open connections are closed rather than waited for, as
	 * SIGTERM would. Kills the server if that takes too long.
	 * @return whether it shut down cleanly
	 */
	private static boolean fastShutdown(ManagedProcess process) {
		OptionalInt exitCode = OptionalInt.empty();
		if (process.isAlive() && interrupt(process.pid())) {
			exitCode = process.waitFor(Duration.ofSeconds(15));
		}
		if (exitCode.isEmpty()) {
			process.stop(Duration.ofSeconds(10));
		}
		return exitCode.orElse(-1) == 0;
	}

	private static boolean interrupt(long pid) {
		try {
			return new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectOutput(Redirect.DISCARD)
				.redirectError(Redirect.DISCARD)
				.start()
				.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void setOwnerOnly(Path dir) {
		try {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteFile(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
