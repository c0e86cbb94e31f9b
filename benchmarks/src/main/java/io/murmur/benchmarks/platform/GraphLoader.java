package io.murmur.benchmarks.platform;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import io.murmur.benchmarks.graph.FollowGraph;

/**
 * Loads a follow graph into a platform through the operators' import endpoints
 * ({@code POST /internal/users/import} at user-service,
 * {@code POST /internal/follows/import} at graph-service): registering 100,000 accounts
 * one Argon2id hash at a time and following two million times through the public API
 * would take hours on this machine. Every account gets one password generated for the
 * run, hashed once here with user-service's own Argon2id settings; signing in then goes
 * through the public login. Imported follows send no events: a feed is built from the
 * graph when first read.
 */
public final class GraphLoader {

	private static final Logger logger = LoggerFactory.getLogger(GraphLoader.class);

	private static final int USER_BATCH = 1000;

	private static final int FOLLOW_BATCH = 5000;

	private final BenchmarkPlatform platform;

	private final String password;

	private final String passwordHash;

	/**
	 * Creates a loader with a password for the run.
	 * @param platform the platform to load
	 */
	public GraphLoader(BenchmarkPlatform platform) {
		this.platform = platform;
		byte[] secret = new byte[12];
		new SecureRandom().nextBytes(secret);
		this.password = "Bench-" + HexFormat.of().formatHex(secret);
		this.passwordHash = "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(this.password);
	}

	/**
	 * Imports the users and follows of a graph.
	 * @param graph the graph
	 * @param handlePrefix the prefix of the handles, followed by the user's index
	 * @return the loaded graph, with the platform's id of each user
	 */
	public LoadedGraph load(FollowGraph graph, String handlePrefix) {
		long started = System.nanoTime();
		ServiceToken token = this.platform.serviceToken();
		long[] ids = new long[graph.users()];
		for (int from = 0; from < graph.users(); from += USER_BATCH) {
			int to = Math.min(graph.users(), from + USER_BATCH);
			List<Map<String, String>> users = new ArrayList<>();
			for (int i = from; i < to; i++) {
				String handle = handlePrefix + i;
				users.add(Map.of("handle", handle, "email", handle + "@bench.murmur.example", "displayName",
						"Bench " + handle, "passwordHash", this.passwordHash));
			}
			JsonNode answer = Http.post(this.platform.userServiceUrl().resolve("/internal/users/import"),
					Map.of("users", users), token.bearer(), 200);
			int i = from;
			for (JsonNode user : answer.path("users")) {
				ids[i++] = user.path("id").asLong();
			}
		}
		double usersSeconds = (System.nanoTime() - started) / 1e9;
		logger.info("{}: {} users imported in {} s", graph.name(), graph.users(), Math.round(usersSeconds));
		long followsStarted = System.nanoTime();
		List<Integer> starts = new ArrayList<>();
		for (int from = 0; from < graph.edges(); from += FOLLOW_BATCH) {
			starts.add(from);
		}
		Parallel.map(starts, 2, (start) -> {
			List<Map<String, Long>> follows = new ArrayList<>();
			for (int e = start; e < Math.min(graph.edges(), start + FOLLOW_BATCH); e++) {
				follows.add(Map.of("followerId", ids[graph.followers()[e]], "followeeId", ids[graph.followees()[e]]));
			}
			return Http.post(this.platform.graphServiceUrl().resolve("/internal/follows/import"),
					Map.of("follows", follows), token.bearer(), 200);
		});
		double followsSeconds = (System.nanoTime() - followsStarted) / 1e9;
		logger.info("{}: {} follows imported in {} s", graph.name(), graph.edges(), Math.round(followsSeconds));
		return new LoadedGraph(graph, ids, handlePrefix, usersSeconds, followsSeconds);
	}

	/**
	 * Signs users in through the public login, two at a time (user-service bounds
	 * concurrent hashing to twice its cores).
	 * @param loaded the loaded graph
	 * @param users the indexes of the users
	 * @return an access token per index, in the order given
	 */
	public List<String> signIn(LoadedGraph loaded, List<Integer> users) {
		return Parallel.map(users, 2,
				(user) -> Http
					.post(this.platform.userServiceUrl().resolve("/api/v1/auth/login"),
							Map.of("login", loaded.handle(user), "password", this.password), null, 200)
					.path("accessToken")
					.asString());
	}

	/**
	 * A graph as loaded into the platform.
	 *
	 * @param graph the graph
	 * @param ids the platform's user id of each user index
	 * @param handlePrefix the handles' prefix
	 * @param usersSeconds how long importing the users took
	 * @param followsSeconds how long importing the follows took
	 */
	public record LoadedGraph(FollowGraph graph, long[] ids, String handlePrefix, double usersSeconds,
			double followsSeconds) {

		/**
		 * A user's handle.
		 * @param user the user's index
		 * @return the handle
		 */
		public String handle(int user) {
			return this.handlePrefix + user;
		}

		/**
		 * A user's id.
		 * @param user the user's index
		 * @return the id
		 */
		public long id(int user) {
			return this.ids[user];
		}

	}

}
