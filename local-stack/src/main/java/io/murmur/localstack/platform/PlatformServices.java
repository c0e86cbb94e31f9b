package io.murmur.localstack.platform;

import java.util.List;

/**
 * The services {@code ./platform up} runs, in start order. Adding a service is one line,
 * for example
 * {@code PlatformService.of("user-service", 8081, Store.POSTGRES, Store.KAFKA)}, or with
 * {@code .withProperty(key, value)} for what the stores do not provide, such as another
 * service's URL. The service's module must build an executable Spring Boot jar and expose
 * {@code /actuator/health/readiness}.
 */
final class PlatformServices {

	/** The gateway is the one public entry and always listens on 8080. */
	static final int GATEWAY_PORT = 8080;

	static final List<PlatformService> ALL = List.of();

	private PlatformServices() {
	}

}
