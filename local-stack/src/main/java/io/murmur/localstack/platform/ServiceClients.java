package io.murmur.localstack.platform;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service clients of one platform run: each gets a secret generated for the run, the
 * properties that make it a client of user-service's token endpoint
 * ({@code murmur.service-client.*}), and user-service the matching registrations
 * ({@code murmur.user.service-clients[n]}). Secrets travel only as
 * {@linkplain PlatformService#secrets() secrets}: never on a command line, and in a file
 * only for the platform's own operator client, which {@code ./platform seed} reads from
 * {@code .platform/} (see {@link io.murmur.localstack.platform.seed.ClientCredentials}).
 * Every client must be registered before user-service is described with
 * {@link #issuer(PlatformService)}, since it learns its clients when it starts.
 */
public final class ServiceClients {

	/** The module that issues service tokens. */
	public static final String ISSUER = "user-service";

	/** The path of the token endpoint. */
	public static final String TOKEN_PATH = "/internal/oauth2/token";

	private static final SecureRandom random = new SecureRandom();

	private final Map<String, String> secrets = new LinkedHashMap<>();

	private boolean issued;

	/**
	 * Wires the service clients among the services of a run to user-service.
	 * @param services the services, in start order
	 * @return the same services, the clients and user-service with their credentials
	 */
	static List<PlatformService> wire(List<PlatformService> services) {
		return wire(services, new ServiceClients());
	}

	/**
	 * Wires the service clients among the services of a run to user-service, with the
	 * clients already named, such as an operator's, registered too.
	 * @param services the services, in start order
	 * @param clients the clients named so far
	 * @return the same services, the clients and user-service with their credentials
	 */
	static List<PlatformService> wire(List<PlatformService> services, ServiceClients clients) {
		services.stream().filter(PlatformService::serviceClient).forEach((service) -> clients.secret(service.module()));
		String tokenUri = services.stream()
			.filter((service) -> service.module().equals(ISSUER))
			.findFirst()
			.map(PlatformService::url)
			.orElse("http://127.0.0.1:" + PlatformServices.USER_SERVICE_PORT) + TOKEN_PATH;
		List<PlatformService> wired = new ArrayList<>();
		for (PlatformService service : services) {
			if (service.module().equals(ISSUER)) {
				wired.add(clients.issuer(service));
			}
			else if (service.serviceClient()) {
				wired.add(clients.client(service, tokenUri));
			}
			else {
				wired.add(service);
			}
		}
		return wired;
	}

	/**
	 * The secret of a client, generated when the client is first named.
	 * @param clientId the client id
	 * @return its secret
	 * @throws IllegalStateException if user-service has already been described without
	 * this client
	 */
	public synchronized String secret(String clientId) {
		String secret = this.secrets.get(clientId);
		if (secret == null) {
			if (this.issued) {
				throw new IllegalStateException("Service client '" + clientId
						+ "' was named after user-service was described: register every client first");
			}
			byte[] bytes = new byte[32];
			random.nextBytes(bytes);
			secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			this.secrets.put(clientId, secret);
		}
		return secret;
	}

	/**
	 * A service as a client: its module name is its client id.
	 * @param service the service
	 * @param tokenUri user-service's token endpoint
	 * @return the service with its client credentials
	 */
	public PlatformService client(PlatformService service, String tokenUri) {
		return service.withProperty("murmur.service-client.token-uri", tokenUri)
			.withProperty("murmur.service-client.client-id", service.module())
			.withSecret("murmur.service-client.client-secret", secret(service.module()));
	}

	/**
	 * user-service with the registrations of every client named so far; no client can be
	 * named afterwards. The ids travel with the secrets: Spring Boot binds a list from
	 * one property source only, so the two halves of an entry must not be split between
	 * the command line and the environment.
	 * @param userService user-service
	 * @return user-service with the registrations
	 */
	public synchronized PlatformService issuer(PlatformService userService) {
		this.issued = true;
		PlatformService wired = userService;
		int index = 0;
		for (Map.Entry<String, String> client : this.secrets.entrySet()) {
			String prefix = "murmur.user.service-clients[" + index++ + "].";
			wired = wired.withSecret(prefix + "id", client.getKey()).withSecret(prefix + "secret", client.getValue());
		}
		return wired;
	}

}
