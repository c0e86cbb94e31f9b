package io.murmur.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.graph.UserFollowed;
import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.events.user.UserRegistered;
import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;
import io.murmur.localstack.StoreServer;
import io.murmur.localstack.spring.LocalStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service against a real Elasticsearch (with the project's analysis plugin, as
 * local-stack installs it) and Kafka: events published to the topics, searches over HTTP.
 * Post-, user- and graph-service are {@link StubServices}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "murmur.search.reindex.settle=3s", "murmur.search.indexing.timeout=5s",
				"murmur.search.trends.min-authors=3" })
@LocalStores({ Store.ELASTICSEARCH, Store.KAFKA })
class SearchIntegrationTests {

	/**
	 * Generous: the listeners join their group while the first tests run, on a busy
	 * machine.
	 */
	private static final Duration INDEXED = Duration.ofSeconds(30);

	private static final AtomicLong IDS = new AtomicLong(
			1_000_000 + ThreadLocalRandom.current().nextLong(1_000_000_000L));

	private static final StubServices STUBS = StubServices.INSTANCE;

	private static final JsonMapper JSON = JsonMapper.shared();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	KafkaOperations<Object, Object> kafka;

	@Autowired
	ElasticsearchClient elasticsearch;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		STUBS.tokens.properties().forEach((key, value) -> registry.add(key, () -> value));
		STUBS.tokens.serviceClientProperties("search-service").forEach((key, value) -> registry.add(key, () -> value));
		for (String service : List.of("user", "post", "graph")) {
			registry.add("murmur.services.urls." + service, STUBS::url);
		}
	}

	@Nested
	class Findable {

		@Test
		void shouldFindANewPostByWordStemHashtagCurlyPhraseAuthorAndChinese() {
			String marker = marker();
			long b = user("bee" + marker.substring(2, 8));
			String tag = "tag" + marker;
			String text = "Walking to the harbour with the running club " + marker + " #" + tag + " — 我们在北京喝咖啡";
			long post = post(b, text, Instant.now(), List.of(tag), null);
			await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(marker)).containsExactly(post));
			assertThat(ids(marker + " club")).containsExactly(post);
			assertThat(ids(marker + " runs")).as("a stemmed form").containsExactly(post);
			assertThat(ids("#" + tag.toUpperCase())).containsExactly(post);
			assertThat(ids("\u201Charbour with the running\u201D " + marker)).as("a curly-quoted phrase")
				.containsExactly(post);
			assertThat(ids("\u201Cwith harbour the\u201D " + marker)).as("words out of order").isEmpty();
			assertThat(ids("from:" + handle(b) + " " + marker)).containsExactly(post);
			assertThat(ids("\"北京喝咖啡\" " + marker)).as("a Chinese phrase").containsExactly(post);
			assertThat(ids("北京 " + marker)).containsExactly(post);
		}

		@Test
		void shouldHydrateResultsWithTheAuthor() {
			String marker = marker();
			long author = user("hyd" + marker.substring(2, 8));
			long post = post(author, "hydrated " + marker, Instant.now(), List.of(), null);
			await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(marker)).containsExactly(post));
			JsonNode item = get("/api/v1/search/posts?q=" + encode(marker), 1).path("items").get(0);
			assertThat(item.path("author").path("handle").asString()).isEqualTo(handle(author));
			assertThat(item.path("text").asString()).isEqualTo("hydrated " + marker);
			assertThat(item.path("viewer").path("liked").asBoolean()).isFalse();
		}

	}

	@Nested
	class Operators {

		@Test
		void shouldExcludeWidenAndBoundByDate() {
			String marker = marker();
			long author = user("ops" + marker.substring(2, 8));
			Instant now = Instant.now();
			long apples = post(author, marker + " apples and pears", now.minus(3, ChronoUnit.DAYS), List.of(), null);
			long pears = post(author, marker + " pears only", now.minus(1, ChronoUnit.DAYS), List.of(), null);
			long plums = post(author, marker + " plums", now, List.of(), null);
			await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(marker)).hasSize(3));
			assertThat(ids(marker + " pears -apples")).containsExactly(pears);
			assertThat(ids(marker + " apples OR plums")).containsExactlyInAnyOrder(apples, plums);
			String threeDaysAgo = now.minus(3, ChronoUnit.DAYS).toString().substring(0, 10);
			String yesterday = now.minus(1, ChronoUnit.DAYS).toString().substring(0, 10);
			assertThat(ids(marker + " since:" + yesterday)).containsExactlyInAnyOrder(pears, plums);
			assertThat(ids(marker + " until:" + yesterday)).containsExactlyInAnyOrder(apples, pears);
			assertThat(ids(marker + " since:" + threeDaysAgo + " until:" + threeDaysAgo)).containsExactly(apples);
		}

		@Test
		void shouldPageWithAStableCursor() {
			String marker = marker();
			long author = user("pag" + marker.substring(2, 8));
			List<Long> posted = new ArrayList<>();
			Instant start = Instant.now().minusSeconds(60);
			for (int i = 0; i < 5; i++) {
				posted.add(post(author, marker + " page " + i, start.plusSeconds(i), List.of(), null));
			}
			await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(marker)).hasSize(5));
			List<Long> seen = new ArrayList<>();
			String cursor = null;
			do {
				JsonNode page = get("/api/v1/search/posts?limit=2&q=" + encode(marker)
						+ ((cursor != null) ? "&cursor=" + cursor : ""), 1);
				page.path("items").forEach((item) -> seen.add(Long.valueOf(item.path("id").asString())));
				cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
			}
			while (cursor != null);
			assertThat(seen).containsExactlyElementsOf(posted.reversed());
		}

	}

	@Nested
	class Deleting {

		@Test
		void shouldRemoveADeletedPostFromEveryQueryAndNeverReviveIt() {
			String marker = marker();
			long author = user("del" + marker.substring(2, 8));
			String tag = "gone" + marker;
			Instant createdAt = Instant.now();
			long post = post(author, "soon gone " + marker + " #" + tag, createdAt, List.of(tag), null);
			await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(marker)).containsExactly(post));
			STUBS.deletePost(post);
			publish(Topics.POST, new PostDeleted(UUID.randomUUID(), Instant.now(), post, author));
			await().atMost(INDEXED).untilAsserted(() -> assertThat(indexed(marker)).isEmpty());
			publish(Topics.POST, created(post, author, "soon gone " + marker + " #" + tag, createdAt, List.of(tag)));
			long after = post(author, "after " + marker, Instant.now(), List.of(), null);
			await().atMost(INDEXED).untilAsserted(() -> assertThat(indexed(marker)).containsExactly(after));
			assertThat(ids(marker)).containsExactly(after);
			assertThat(ids("#" + tag)).isEmpty();
			assertThat(ids("from:" + handle(author) + " gone")).isEmpty();
		}

	}

	@Nested
	class People {

		@Test
		void shouldFindANewUserByTheFirstLettersOfTheirHandleFirst() {
			String prefix = "q" + marker().substring(2, 5);
			long popular = user(prefix + "_the_popular", "Popular one");
			STUBS.followers(popular, 5000);
			publish(Topics.GRAPH,
					new UserFollowed(UUID.randomUUID(), Instant.now(), IDS.incrementAndGet(), popular, Instant.now()));
			long newcomer = user(prefix + "x", "New person");
			await().atMost(INDEXED).untilAsserted(() -> assertThat(userIds(prefix)).containsExactly(popular, newcomer));
			assertThat(userIds(prefix + "x")).first().isEqualTo(newcomer);
			assertThat(userIds("@" + prefix.toUpperCase())).contains(newcomer);
			assertThat(userIds("new pers")).contains(newcomer);
		}

	}

	@Nested
	class HashtagsAndTrends {

		@Test
		void shouldLeadTheTrendsWhenFiveUsersUseANewHashtag() {
			String tag = "trend" + marker();
			List<Long> posts = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				long author = user("tr" + i + marker().substring(2, 8));
				posts.add(post(author, "all about #" + tag, Instant.now(), List.of(tag), null));
			}
			long loud = user("loud" + marker().substring(2, 8));
			for (int i = 0; i < 3; i++) {
				post(loud, "again #loud" + tag, Instant.now(), List.of("loud" + tag), null);
			}
			await().atMost(INDEXED).untilAsserted(() -> {
				JsonNode trends = get("/api/v1/trends", 1).path("items");
				assertThat(trends.isEmpty()).isFalse();
				assertThat(trends.get(0).path("tag").asString()).isEqualTo(tag);
				assertThat(trends.get(0).path("authors").asLong()).isEqualTo(5);
				assertThat(trends.get(0).path("counts").get(trends.get(0).path("counts").size() - 1).asLong())
					.isEqualTo(5);
			});
			JsonNode trends = get("/api/v1/trends", 1).path("items");
			assertThat(trends.findValuesAsString("tag")).doesNotContain("loud" + tag);
		}

		@Test
		void shouldFindHashtagsByPrefixWithTheirRecentUse() {
			String tag = "hx" + marker();
			long author = user("hsh" + marker().substring(2, 8));
			post(author, "#" + tag + "one", Instant.now(), List.of(tag + "one"), null);
			post(author, "#" + tag + "two and again", Instant.now(), List.of(tag + "two"), null);
			post(author, "#" + tag + "two once more", Instant.now(), List.of(tag + "two"), null);
			await().atMost(INDEXED).untilAsserted(() -> {
				JsonNode items = get("/api/v1/search/hashtags?q=%23" + tag.substring(0, 6).toUpperCase(), 1)
					.path("items");
				assertThat(items.findValuesAsString("tag")).containsExactly(tag + "two", tag + "one");
				assertThat(items.get(0).path("recentPosts").asLong()).isEqualTo(2);
			});
		}

	}

	@Nested
	class Rebuild {

		@Test
		void shouldRebuildALostPostsIndexFromTheSources() throws Exception {
			String marker = marker();
			long author = user("reb" + marker.substring(2, 8));
			long kept = post(author, marker + " kept", Instant.now(), List.of(), null);
			long removed = post(author, marker + " removed", Instant.now(), List.of(), null);
			await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(marker)).hasSize(2));
			STUBS.deletePost(removed);
			publish(Topics.POST, new PostDeleted(UUID.randomUUID(), Instant.now(), removed, author));
			await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(marker)).containsExactly(kept));

			String old = this.currentPostsIndex();
			assertThat(startRebuild("/internal/search/reindex").path("state").asString()).isEqualTo("RUNNING");
			assertThat(ids(marker)).as("the old index serves reads meanwhile").containsExactly(kept);
			awaitRebuilt();
			assertThat(this.currentPostsIndex()).isNotEqualTo(old);
			assertThat(ids(marker)).containsExactly(kept);

			String lost = this.currentPostsIndex();
			SearchIntegrationTests.this.elasticsearch.indices().delete((d) -> d.index(lost));
			startRebuild("/internal/search/reindex");
			awaitRebuilt();
			assertThat(ids(marker)).containsExactly(kept);
			long later = post(author, marker + " later", Instant.now(), List.of(), null);
			await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(marker)).containsExactlyInAnyOrder(kept, later));
		}

		private String currentPostsIndex() throws Exception {
			return SearchIntegrationTests.this.elasticsearch.indices()
				.getAlias((g) -> g.name("posts"))
				.result()
				.keySet()
				.iterator()
				.next();
		}

		private void awaitRebuilt() {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> get("/internal/search/reindex", 0).path("state").asString(), "DONE"::equals);
		}

		private JsonNode startRebuild(String path) throws Exception {
			HttpResponse<String> response = SearchIntegrationTests.this.http.send(HttpRequest.newBuilder(uri(path))
				.header("Authorization", "Bearer " + STUBS.tokens.service("ops"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(202);
			return JSON.readTree(response.body());
		}

	}

	@Nested
	class BadInput {

		@Test
		void shouldRefuseAnUnbalancedQuoteNamingItsPosition() {
			JsonNode problem = problem("/api/v1/search/posts?q=" + encode("cats \u201Cand dogs"));
			assertThat(problem.path("type").asString()).endsWith("/invalid-query");
			assertThat(problem.path("position").asInt()).isEqualTo(6);
			assertThat(problem.path("detail").asString()).contains("Position 6").contains("quote");
		}

		@Test
		void shouldRefuseAnUnknownOperatorNamingItsPosition() {
			JsonNode problem = problem("/api/v1/search/posts?q=" + encode("cats lang:en"));
			assertThat(problem.path("position").asInt()).isEqualTo(6);
			assertThat(problem.path("reason").asString()).contains("unknown operator 'lang:'");
		}

		@Test
		void shouldRefuseABadDateNamingItsPosition() {
			JsonNode problem = problem("/api/v1/search/posts?q=" + encode("cats since:2026-02-30"));
			assertThat(problem.path("position").asInt()).isEqualTo(12);
			assertThat(problem.path("reason").asString()).contains("YYYY-MM-DD");
		}

		@Test
		void shouldRefuseABadCursor() {
			JsonNode problem = problem("/api/v1/search/posts?q=cats&cursor=not-a-cursor");
			assertThat(problem.path("type").asString()).endsWith("/invalid-cursor");
			assertThat(problem.path("parameter").asString()).isEqualTo("cursor");
		}

		@Test
		void shouldRefuseAnEmptyQueryAndABadSort() {
			assertThat(problem("/api/v1/search/posts?q=%20").path("status").asInt()).isEqualTo(400);
			assertThat(problem("/api/v1/search/posts?q=cats&sort=oldest").path("status").asInt()).isEqualTo(400);
		}

	}

	/**
	 * Elasticsearch stopped and started again under the running service while posts keep
	 * coming and people keep searching: while it is down a search is a prompt 503 problem
	 * and the posts wait in Kafka; once it is back every post is found, with no restart
	 * of the service. (The bulk writes that fail while it is down must not lock up the
	 * client that the searches share.)
	 */
	@Nested
	class Outage {

		private static final Duration BACK = Duration.ofMinutes(2);

		private static final int DURING = 100;

		@Test
		void shouldAnswer503WhileElasticsearchIsDownAndRecoverOnceItIsBack() throws Exception {
			String marker = marker();
			long author = user("out" + marker.substring(2, 8));
			long before = post(author, "before the outage " + marker, Instant.now(), List.of(), null);
			await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(marker)).containsExactly(before));
			StoreServer elasticsearch = LocalStack.shared().elasticsearch();
			List<Long> posted = new ArrayList<>(List.of(before));
			elasticsearch.stop();
			try (ExecutorService searchers = Executors.newFixedThreadPool(4)) {
				AtomicBoolean searching = new AtomicBoolean(true);
				List<Future<?>> searches = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					searches.add(searchers.submit(() -> {
						while (searching.get()) {
							send("/api/v1/search/posts?q=" + encode(marker));
						}
						return null;
					}));
				}
				for (int i = 0; i < DURING; i++) {
					posted.add(post(author, "during the outage " + marker + " #" + i, Instant.now(), List.of("t" + i),
							null));
				}
				Instant asked = Instant.now();
				HttpResponse<String> down = send("/api/v1/search/posts?q=" + encode(marker));
				assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(12));
				assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
				assertThat(down.headers().firstValue("Content-Type"))
					.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
				elasticsearch.restart();
				searching.set(false);
				for (Future<?> search : searches) {
					search.get(30, TimeUnit.SECONDS);
				}
			}
			finally {
				if (!elasticsearch.isRunning()) {
					elasticsearch.restart();
				}
			}
			await().atMost(BACK)
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(indexed(marker)).containsExactlyInAnyOrderElementsOf(posted));
			long after = post(author, "after the outage " + marker, Instant.now(), List.of(), null);
			await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(marker + " after")).containsExactly(after));
		}

	}

	private long user(String handle) {
		return user(handle, handle);
	}

	private long user(String handle, String displayName) {
		long id = IDS.incrementAndGet();
		STUBS.user(id, handle, displayName);
		HANDLES.put(id, handle);
		publish(Topics.USER, new UserRegistered(UUID.randomUUID(), Instant.now(), id, handle, displayName));
		return id;
	}

	private static final Map<Long, String> HANDLES = new java.util.concurrent.ConcurrentHashMap<>();

	private static String handle(long userId) {
		return HANDLES.get(userId);
	}

	private long post(long authorId, String text, Instant createdAt, List<String> hashtags, Long replyTo) {
		long id = IDS.incrementAndGet();
		STUBS.post(id, authorId, createdAt, text, hashtags, Map.of(), List.of(), replyTo);
		publish(Topics.POST, created(id, authorId, text, createdAt, hashtags));
		return id;
	}

	private static PostCreated created(long id, long authorId, String text, Instant createdAt, List<String> hashtags) {
		return new PostCreated(UUID.randomUUID(), createdAt, id, authorId, createdAt, text, null, null, null, List.of(),
				List.of(), hashtags);
	}

	private void publish(String topic, MurmurEvent event) {
		this.kafka.send(topic, event.key(), event).join();
	}

	private static String marker() {
		return "mk" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36) + "7";
	}

	private List<Long> ids(String q) {
		List<Long> ids = new ArrayList<>();
		get("/api/v1/search/posts?limit=50&q=" + encode(q), 1).path("items")
			.forEach((item) -> ids.add(Long.valueOf(item.path("id").asString())));
		return ids;
	}

	/**
	 * The live (not deleted) posts holding a word, straight from the posts alias, without
	 * the hydration that would leave out posts post-service no longer has.
	 */
	private List<Long> indexed(String word) {
		try {
			return this.elasticsearch
				.search((s) -> s.index("posts")
					.size(1000)
					.query((q) -> q.bool((b) -> b.must((m) -> m.match((mm) -> mm.field("text").query(word)))
						.filter((f) -> f.term((t) -> t.field("deleted").value(false))))), Void.class)
				.hits()
				.hits()
				.stream()
				.map((hit) -> Long.valueOf(hit.id()))
				.toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Long> userIds(String q) {
		List<Long> ids = new ArrayList<>();
		get("/api/v1/search/users?q=" + encode(q), 1).path("items")
			.forEach((item) -> ids.add(Long.valueOf(item.path("id").asString())));
		return ids;
	}

	private JsonNode get(String path, long userId) {
		String token = (userId > 0) ? STUBS.tokens.user(userId) : STUBS.tokens.service("ops");
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return JSON.readTree(response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> send(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + STUBS.tokens.user(1))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode problem(String path) {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(path))
				.header("Authorization", "Bearer " + STUBS.tokens.user(1))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			return JSON.readTree(response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
