package io.murmur.localstack.platform.seed;

import java.net.URI;
import java.util.Map;

import io.murmur.localstack.platform.PlatformService;

/**
 * Where the services a seeding talks to listen. Seeding goes to the services directly,
 * not through the gateway, whose per-user budgets are made for people, not for a bulk
 * load.
 *
 * @param user user-service's base URL, such as {@code http://127.0.0.1:8081}
 * @param graph graph-service's base URL
 * @param post post-service's base URL
 * @param gateway the gateway's base URL, only shown in the commands to try the feed
 * @param management the management URL of a service whose management port is not its port
 * plus {@value PlatformService#MANAGEMENT_PORT_OFFSET}, by its base URL
 */
public record ServiceUrls(String user, String graph, String post, String gateway, Map<String, String> management) {

	/**
	 * The services as {@code ./platform up} runs them, each with its management port at
	 * its port plus {@value PlatformService#MANAGEMENT_PORT_OFFSET}.
	 * @param user user-service's base URL
	 * @param graph graph-service's base URL
	 * @param post post-service's base URL
	 * @param gateway the gateway's base URL
	 */
	public ServiceUrls(String user, String graph, String post, String gateway) {
		this(user, graph, post, gateway, Map.of());
	}

	/**
	 * Where a service answers its probes.
	 * @param url the service's base URL, one of this record's
	 * @return its management URL
	 */
	public String managementUrl(String url) {
		String known = this.management.get(url);
		if (known != null) {
			return known;
		}
		URI base = URI.create(url);
		return "http://" + base.getHost() + ":" + PlatformService.managementPort(base.getPort());
	}

}
