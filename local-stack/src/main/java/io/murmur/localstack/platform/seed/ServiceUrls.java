package io.murmur.localstack.platform.seed;

/**
 * Where the services a seeding talks to listen. Seeding goes to the services directly,
 * not through the gateway, whose per-user budgets are made for people, not for a bulk
 * load.
 *
 * @param user user-service's base URL, such as {@code http://127.0.0.1:8081}
 * @param graph graph-service's base URL
 * @param post post-service's base URL
 * @param gateway the gateway's base URL, only shown in the commands to try the feed
 */
public record ServiceUrls(String user, String graph, String post, String gateway) {

}
