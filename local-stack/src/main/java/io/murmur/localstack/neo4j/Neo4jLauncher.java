package io.murmur.localstack.neo4j;

import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * The main class of the Neo4j process: builds an embedded DBMS from the
 * {@code neo4j.conf} that {@link Neo4jServer} wrote, with the Bolt connector that clients
 * use, and shuts it down cleanly on SIGTERM.
 * <p>
 * It reaches Neo4j by reflection only and uses nothing but the JDK otherwise, so it runs
 * on a classpath of the Neo4j jars and this one class. Neo4j must never be on
 * local-stack's own classpath: its Netty 4.1 and Spring Boot's Netty 4.2 break each
 * other.
 */
final class Neo4jLauncher {

	private Neo4jLauncher() {
	}

	/**
	 * Starts the DBMS and blocks until the JVM is asked to exit. Exits with status 1 if
	 * the DBMS cannot start, so that the owner fails fast instead of waiting.
	 * @param args the Neo4j home directory and the configuration file
	 */
	public static void main(String[] args) {
		try {
			Object service = start(Path.of(args[0]), Path.of(args[1]));
			Method shutdown = Class.forName("org.neo4j.dbms.api.DatabaseManagementService").getMethod("shutdown");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					shutdown.invoke(service);
					System.out.println("Neo4j stopped");
				}
				catch (ReflectiveOperationException ex) {
					ex.printStackTrace();
				}
			}, "neo4j-shutdown"));
			System.out.println("Neo4j started");
			Thread.currentThread().join();
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			System.exit(1);
		}
	}

	private static Object start(Path home, Path config) throws ReflectiveOperationException {
		Class<?> builderType = Class.forName("org.neo4j.dbms.api.DatabaseManagementServiceBuilder");
		Object builder = builderType.getConstructor(Path.class).newInstance(home);
		builderType.getMethod("loadPropertiesFromFile", Path.class).invoke(builder, config);
		Object userLog = Class.forName("org.neo4j.logging.log4j.Log4jLogProvider")
			.getConstructor(OutputStream.class)
			.newInstance(System.out);
		builderType.getMethod("setUserLogProvider", Class.forName("org.neo4j.logging.LogProvider"))
			.invoke(builder, userLog);
		return builderType.getMethod("build").invoke(builder);
	}

}
