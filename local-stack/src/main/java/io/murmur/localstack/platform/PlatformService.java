package io.murmur.localstack.platform;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.murmur.localstack.Store;
import io.murmur.localstack.process.FreePorts;

/**
 * A Spring Boot service that {@code ./platform up} runs from its module's executable jar,
 * once the stores it needs answer. It receives those stores'
 * {@link io.murmur.localstack.StoreServer#springProperties() Spring properties}, its own
 * {@code server.port} and the extra properties given here as {@code --key=value}
 * arguments; secret properties go in its environment instead, where other users of the
 * machine cannot read them.
 *
 * @param module the Maven module, which is also the artifact id and the service's name
 * @param port the port the service listens on
 * @param stores the stores it needs
 * @param properties extra Spring properties, such as other services' URLs
 * @param database the PostgreSQL database of its own that the service uses, created on
 * start; {@code null} for the stack's default database or none
 * @param serviceClient whether the service calls other services' {@code /internal/**}
 * endpoints with a service token of its own (see {@link ServiceClients})
 * @param secrets Spring properties that are secrets, passed in the environment
 * ({@code SPRING_APPLICATION_JSON}), never on the command line
 * @param managementPort the port of its probes and metrics
 */
public record PlatformService(String module, int port, Set<Store> stores, Map<String, String> properties,
		@Nullable String database, boolean serviceClient, Map<String, String> secrets, int managementPort) {

	/** How far above its API port a service's management port is. */
	public static final int MANAGEMENT_PORT_OFFSET = 1000;

	public PlatformService {
		stores = Set.copyOf(stores);
		properties = Map.copyOf(properties);
		secrets = Map.copyOf(secrets);
	}

	/**
	 * A service that needs the given stores and no extra properties. On one of the
	 * platform's fixed ports its management port is {@value #MANAGEMENT_PORT_OFFSET}
	 * above, as each service's configuration has it; on a port {@link FreePorts} picked,
	 * the management port is picked there too, since the port that far above a free one
	 * may well be in use.
	 * @param module the module name
	 * @param port its port
	 * @param stores the stores it needs
	 * @return the service
	 */
	public static PlatformService of(String module, int port, Store... stores) {
		int managementPort = FreePorts.handedOut(port) ? FreePorts.next() : managementPort(port);
		return new PlatformService(module, port,
				(stores.length > 0) ? EnumSet.copyOf(Arrays.asList(stores)) : EnumSet.noneOf(Store.class), Map.of(),
				null, false, Map.of(), managementPort);
	}

	/**
	 * This service with one more Spring property.
	 * @param key the property name
	 * @param value its value
	 * @return a new service description
	 */
	public PlatformService withProperty(String key, String value) {
		Map<String, String> properties = new LinkedHashMap<>(this.properties);
		properties.put(key, value);
		return new PlatformService(this.module, this.port, this.stores, properties, this.database, this.serviceClient,
				this.secrets, this.managementPort);
	}

	/**
	 * This service with one more secret Spring property, passed in its environment.
	 * @param key the property name
	 * @param value its value
	 * @return a new service description
	 */
	public PlatformService withSecret(String key, String value) {
		Map<String, String> secrets = new LinkedHashMap<>(this.secrets);
		secrets.put(key, value);
		return new PlatformService(this.module, this.port, this.stores, this.properties, this.database,
				this.serviceClient, secrets, this.managementPort);
	}

	/**
	 * This service as a client of user-service's token endpoint: when the platform runs,
	 * it gets {@code murmur.service-client.*} with a secret generated for the run, and
	 * user-service the matching client registration.
	 * @return a new service description
	 */
	public PlatformService asServiceClient() {
		return new PlatformService(this.module, this.port, this.stores, this.properties, this.database, true,
				this.secrets, this.managementPort);
	}

	/**
	 * This service with a PostgreSQL database of its own, so that services sharing the
	 * server never share tables or migration history.
	 * @param name the database name
	 * @return a new service description
	 */
	public PlatformService withDatabase(String name) {
		Set<Store> withPostgres = EnumSet.of(Store.POSTGRES);
		withPostgres.addAll(this.stores);
		return new PlatformService(this.module, this.port, withPostgres, this.properties, name, this.serviceClient,
				this.secrets, this.managementPort);
	}

	/**
	 * The service's base URL on this machine.
	 * @return e.g. {@code http://127.0.0.1:8080}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * The management port of a service listening on one of the platform's fixed ports.
	 * @param port the API port
	 * @return the management port
	 */
	public static int managementPort(int port) {
		return port + MANAGEMENT_PORT_OFFSET;
	}

	/**
	 * The service's management URL on this machine.
	 * @return e.g. {@code http://127.0.0.1:9080}
	 */
	public String managementUrl() {
		return "http://127.0.0.1:" + managementPort();
	}

}
