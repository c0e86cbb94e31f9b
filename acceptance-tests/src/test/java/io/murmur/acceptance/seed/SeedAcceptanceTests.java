package io.murmur.acceptance.seed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.localstack.graph.EdgeFile;
import io.murmur.localstack.graph.SocialGraph;
import io.murmur.localstack.platform.seed.ClientCredentials;
import io.murmur.localstack.platform.seed.SeedCommand;
import io.murmur.localstack.platform.seed.SeedOptions;
import io.murmur.localstack.platform.seed.SeedReport;
import io.murmur.localstack.platform.seed.Seeder;
import io.murmur.localstack.platform.seed.ServiceUrls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./platform seed} against the real user-service, graph-service and post-service
 * of the acceptance platform, with a small friendship graph written to a temporary
 * directory. The seeding imports as the tests' own service client, as
 * {@code ./platform seed} imports as the platform's.
 * <p>
 * It runs last: its posts use a fixed set of hashtags from many accounts at once, which
 * then rightly trend and would crowd out the hashtag the trends test makes new.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(Integer.MAX_VALUE)
class SeedAcceptanceTests {

	private static final int PEOPLE = 25;

	private static final int POSTS_PER_USER = 3;

	private static final String PREFIX = "seed_";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String password = "Seeded-" + UUID.randomUUID();

	@TempDir
	static Path dir;

	private ServiceUrls urls;

	private ClientCredentials client;

	private SocialGraph graph;

	private SeedReport first;

	private String firstOutput;

	private final Map<Integer, String> ids = new HashMap<>();

	private String viewerToken;

	@BeforeAll
	void seedOnce() throws IOException {
		this.urls = AcceptancePlatform.serviceUrls();
		this.client = AcceptancePlatform.serviceClient();
		Path edges = dir.resolve("small.edges");
		Files.writeString(edges, edgeList(PEOPLE, 40, 7));
		this.graph = EdgeFile.read(edges);
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		this.first = new Seeder(this.urls, this.client, 8, new PrintStream(output, true, StandardCharsets.UTF_8))
			.seed(this.graph, PREFIX, this.password, POSTS_PER_USER);
		this.firstOutput = output.toString(StandardCharsets.UTF_8);
		this.viewerToken = login(PREFIX + "0", this.password);
		for (int node : this.graph.nodes()) {
			this.ids.put(node, get(this.urls.user(), "/api/v1/users/by-handle/" + PREFIX + node).get("id").asString());
		}
	}

	@Test
	void shouldReadTheWholeSmallGraph() {
		assertThat(this.graph.nodes()).hasSize(PEOPLE);
		assertThat(this.graph.selfLoops()).isEqualTo(1);
		assertThat(this.graph.duplicates()).isEqualTo(2);
	}

	@Nested
	class FirstRun {

		@Test
		void shouldRegisterEveryPersonWithTheirPassword() {
			SeedAcceptanceTests tests = SeedAcceptanceTests.this;
			assertThat(tests.first.users().total()).isEqualTo(PEOPLE);
			assertThat(tests.first.users().created()).isEqualTo(PEOPLE);
			assertThat(tests.ids).hasSize(PEOPLE);
			assertThat(Set.copyOf(tests.ids.values())).hasSize(PEOPLE);
			assertThat(login(PREFIX + (PEOPLE - 1), tests.password)).isNotBlank();
			JsonNode profile = get(tests.urls.user(), "/api/v1/users/" + tests.ids.get(3));
			assertThat(profile.get("handle").asString()).isEqualTo(PREFIX + "3");
			assertThat(profile.get("displayName").asString()).matches("[A-Z][a-z]+ [A-Z][a-z]+");
		}

		@Test
		void shouldMakeEveryFriendshipAFollowBothWays() {
			SeedAcceptanceTests tests = SeedAcceptanceTests.this;
			assertThat(tests.first.follows().total()).isEqualTo(2 * tests.graph.edges());
			assertThat(tests.first.follows().created()).isEqualTo(2 * tests.graph.edges());
			for (int node : tests.graph.nodes()) {
				Set<String> friends = tests.graph.neighbours(node)
					.stream()
					.map(tests.ids::get)
					.collect(Collectors.toSet());
				assertThat(page(tests.urls.graph(), "/api/v1/users/" + tests.ids.get(node) + "/following"))
					.as("whom %s%d follows", PREFIX, node)
					.containsExactlyInAnyOrderElementsOf(friends);
				assertThat(page(tests.urls.graph(), "/api/v1/users/" + tests.ids.get(node) + "/followers"))
					.as("who follows %s%d", PREFIX, node)
					.containsExactlyInAnyOrderElementsOf(friends);
			}
		}

		@Test
		void shouldShowTheDegreesAsFollowerAndFollowingCounts() {
			SeedAcceptanceTests tests = SeedAcceptanceTests.this;
			assertThat(tests.followCounts()).isEqualTo(tests.degrees());
		}

		@Test
		void shouldGiveEveryPersonTheirPosts() {
			SeedAcceptanceTests tests = SeedAcceptanceTests.this;
			assertThat(tests.first.posts().created()).isEqualTo(PEOPLE * POSTS_PER_USER);
			assertThat(tests.postCounts()).containsOnlyKeys(tests.graph.nodes())
				.allSatisfy((node, count) -> assertThat(count).isEqualTo(POSTS_PER_USER));
			JsonNode posts = get(tests.urls.post(), "/api/v1/users/" + tests.ids.get(5) + "/posts?limit=10");
			assertThat(posts.get("items").findValuesAsString("text")).doesNotHaveDuplicates()
				.allSatisfy((text) -> assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(280));
			assertThat(posts.get("items").get(0).get("author").get("id").asString()).isEqualTo(tests.ids.get(5));
		}

		@Test
		void shouldPrintProgressAndNameTheBestConnectedPerson() {
			SeedAcceptanceTests tests = SeedAcceptanceTests.this;
			int best = tests.graph.bestConnected();
			assertThat(tests.first.sample().handle()).isEqualTo(PREFIX + best);
			assertThat(tests.first.sample().id()).isEqualTo(tests.ids.get(best));
			assertThat(tests.first.sample().friends()).isEqualTo(tests.graph.degree(best));
			assertThat(tests.firstOutput).contains("users", "follows", "posts", "done in");
		}

	}

	@Nested
	class SecondRun {

		@Test
		void shouldChangeNothing() {
			SeedAcceptanceTests tests = SeedAcceptanceTests.this;
			Map<Integer, String> counts = tests.followCounts();
			Map<Integer, Integer> posts = tests.postCounts();

			SeedReport again = new Seeder(tests.urls, tests.client, 8,
					new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
				.seed(tests.graph, PREFIX, tests.password, POSTS_PER_USER);

			assertThat(again.createdNothing()).as("%s", again).isTrue();
			assertThat(again.users().total()).isEqualTo(PEOPLE);
			assertThat(again.follows().total()).isEqualTo(2 * tests.graph.edges());
			assertThat(again.posts().total()).isEqualTo(PEOPLE * POSTS_PER_USER);
			assertThat(again.sample()).isEqualTo(tests.first.sample());
			assertThat(tests.followCounts()).isEqualTo(counts).isEqualTo(tests.degrees());
			assertThat(tests.postCounts()).isEqualTo(posts);
		}

	}

	@Nested
	class Command {

		@Test
		void shouldKeepThePasswordAndPrintHowToSignIn() throws IOException {
			SeedAcceptanceTests tests = SeedAcceptanceTests.this;
			Path edges = dir.resolve("tiny.edges");
			Files.writeString(edges, "% a triangle and a tail\n0 1\n1 2\n2 0\n2 3\n");
			Path platformDir = dir.resolve(".platform");
			tests.client.save(platformDir);
			SeedOptions options = new SeedOptions(edges, 1, null, 4, "cmd_");

			ByteArrayOutputStream output = new ByteArrayOutputStream();
			int exitCode = new SeedCommand(platformDir, tests.urls,
					new PrintStream(output, true, StandardCharsets.UTF_8))
				.run(options);

			assertThat(exitCode).as(output.toString(StandardCharsets.UTF_8)).isZero();
			String kept = storedPassword(platformDir);
			assertThat(output.toString(StandardCharsets.UTF_8)).contains(
					"4 people, 4 friendships (8 follows), 1 post each",
					"4 users (4 new), 8 follows (8 new), 4 posts (4 new)", "Sign in as cmd_2", "password " + kept,
					"curl -s -X POST " + tests.urls.gateway() + "/api/v1/auth/login",
					"\"login\":\"cmd_2\",\"password\":\"" + kept + "\"",
					"curl -s " + tests.urls.gateway() + "/api/v1/feed");
			assertThat(login("cmd_3", kept)).isNotBlank();

			ByteArrayOutputStream again = new ByteArrayOutputStream();
			assertThat(new SeedCommand(platformDir, tests.urls, new PrintStream(again, true, StandardCharsets.UTF_8))
				.run(options)).isZero();
			assertThat(storedPassword(platformDir)).isEqualTo(kept);
			assertThat(again.toString(StandardCharsets.UTF_8))
				.contains("4 users (0 new), 8 follows (0 new), 4 posts (0 new)");
		}

		@Test
		void shouldNameTheBadLineOfAnEdgeFile() throws IOException {
			SeedAcceptanceTests tests = SeedAcceptanceTests.this;
			Path edges = dir.resolve("bad.edges");
			Files.writeString(edges, "0 1\n1;2\n");

			ByteArrayOutputStream output = new ByteArrayOutputStream();
			int exitCode = new SeedCommand(dir.resolve(".bad"), tests.urls,
					new PrintStream(output, true, StandardCharsets.UTF_8))
				.run(new SeedOptions(edges, 1, null, 4, "bad_"));

			assertThat(exitCode).isEqualTo(SeedCommand.FAILED);
			assertThat(output.toString(StandardCharsets.UTF_8)).contains("bad.edges line 2:", "'1;2'");
		}

	}

	/**
	 * A connected graph of {@code people} nodes: a ring, {@code chords} random
	 * friendships across it, and the lines a real file has besides: a comment, a blank
	 * line, a self-loop and two repeats of a pair, one reversed.
	 */
	private static String edgeList(int people, int chords, long seed) {
		Random random = new Random(seed);
		Set<List<Integer>> pairs = new HashSet<>();
		StringBuilder lines = new StringBuilder("% sym unweighted\n\n");
		for (int node = 0; node < people; node++) {
			int next = (node + 1) % people;
			pairs.add(List.of(Math.min(node, next), Math.max(node, next)));
			lines.append(next).append(' ').append(node).append('\n');
		}
		while (pairs.size() < people + chords) {
			int a = random.nextInt(people);
			int b = random.nextInt(people);
			if (a != b && pairs.add(List.of(Math.min(a, b), Math.max(a, b)))) {
				lines.append(a).append(' ').append(b).append('\n');
			}
		}
		return lines.append("4 4\n1 0\n0 1\n").toString();
	}

	private Map<Integer, String> followCounts() {
		Map<Integer, String> counts = new HashMap<>();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (int node : this.graph.nodes()) {
				JsonNode profile = get(this.urls.user(), "/api/v1/users/" + this.ids.get(node));
				assertThat(profile.get("followersCount").isNumber()).as("%s", profile).isTrue();
				counts.put(node, profile.get("followersCount").asLong() + " followers, "
						+ profile.get("followingCount").asLong() + " following");
			}
		});
		return counts;
	}

	private Map<Integer, String> degrees() {
		return this.graph.nodes()
			.stream()
			.collect(Collectors.toMap((node) -> node,
					(node) -> this.graph.degree(node) + " followers, " + this.graph.degree(node) + " following"));
	}

	private Map<Integer, Integer> postCounts() {
		return this.graph.nodes()
			.stream()
			.collect(Collectors.toMap((node) -> node,
					(node) -> get(this.urls.post(), "/api/v1/users/" + this.ids.get(node) + "/posts?limit=100")
						.get("items")
						.size()));
	}

	private List<String> page(String baseUrl, String path) {
		JsonNode page = get(baseUrl, path + "?limit=100");
		assertThat(page.get("nextCursor").isNull()).isTrue();
		return new ArrayList<>(page.get("items").findValuesAsString("id"));
	}

	private JsonNode get(String baseUrl, String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", "Bearer " + this.viewerToken)
			.GET());
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private String login(String handle, String password) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.urls.user() + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(json.writeValueAsString(Map.of("login", handle, "password", password)))));
		assertThat(response.statusCode()).as("login of %s: %s", handle, response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("accessToken").asString();
	}

	private static String storedPassword(Path platformDir) throws IOException {
		Properties properties = new Properties();
		try (var reader = Files.newBufferedReader(platformDir.resolve("seed.properties"))) {
			properties.load(reader);
		}
		return properties.getProperty("password");
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
