package io.murmur.acceptance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.acceptance.Api.Account;
import io.murmur.acceptance.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search through the gateway, against search-service on a real Elasticsearch (with the
 * project's analysis plugin) fed by the other services' events over a real Kafka.
 */
class SearchAcceptanceTests {

	/** How soon a new post must be findable. */
	private static final Duration FINDABLE = Duration.ofSeconds(2);

	/** Registration and profile events reach search through user-service's outbox. */
	private static final Duration INDEXED = Duration.ofSeconds(15);

	private final MurmurPlatform platform = MurmurPlatform.get();

	private final Api api = new Api(this.platform.gatewayUrl());

	@Nested
	class Posts {

		@Test
		void shouldFindANewPostWithinTwoSecondsByWordStemHashtagPhraseAuthorAndChinese() {
			Account b = SearchAcceptanceTests.this.api.newAccount();
			String marker = marker();
			String tag = "walk" + marker;
			String id = post(b, "Walking to the harbour with the running club " + marker + " #" + tag + " 我们在北京喝咖啡");
			await().atMost(FINDABLE)
				.pollInterval(Duration.ofMillis(100))
				.untilAsserted(() -> assertThat(ids(marker, b)).containsExactly(id));
			await().atMost(INDEXED).untilAsserted(() -> {
				assertThat(ids(marker + " runs", b)).as("a stemmed form").containsExactly(id);
				assertThat(ids("#" + tag, b)).containsExactly(id);
				assertThat(ids("\u201Charbour with the running club\u201D", b)).as("a curly-quoted phrase")
					.contains(id);
				assertThat(ids("\"北京喝咖啡\" " + marker, b)).as("the Chinese phrase").containsExactly(id);
				assertThat(ids("from:" + b.handle() + " " + marker, b)).as("by its author, once indexed")
					.containsExactly(id);
			});
		}

		@Test
		void shouldExcludeWidenAndBoundByDate() {
			Account author = SearchAcceptanceTests.this.api.newAccount();
			String marker = marker();
			String apples = post(author, marker + " apples and pears");
			String pears = post(author, marker + " pears only");
			String plums = post(author, marker + " plums");
			await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(marker, author)).hasSize(3));
			assertThat(ids(marker + " pears -apples", author)).containsExactly(pears);
			assertThat(ids(marker + " apples OR plums", author)).containsExactlyInAnyOrder(apples, plums);
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			assertThat(ids(marker + " since:" + today + " until:" + today, author)).hasSize(3);
			assertThat(ids(marker + " until:" + today.minusDays(1), author)).isEmpty();
			assertThat(ids(marker + " since:" + today.plusDays(1), author)).isEmpty();
		}

		@Test
		void shouldLoseADeletedPostFromEveryQuery() {
			Account b = SearchAcceptanceTests.this.api.newAccount();
			String marker = marker();
			String tag = "gone" + marker;
			String id = post(b, "soon gone " + marker + " #" + tag);
			await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(marker, b)).containsExactly(id));
			assertThat(SearchAcceptanceTests.this.api.delete("/api/v1/posts/" + id, b.accessToken()).status())
				.isEqualTo(204);
			await().atMost(INDEXED).untilAsserted(() -> {
				assertThat(ids(marker, b)).isEmpty();
				assertThat(ids("#" + tag, b)).isEmpty();
				assertThat(ids("from:" + b.handle() + " gone", b)).isEmpty();
				assertThat(ids("\"soon gone\" " + marker, b)).isEmpty();
			});
		}

	}

	@Nested
	class People {

		@Test
		void shouldFindANewUserFirstByTheFirstThreeLettersOfTheirHandle() {
			String handle = "x" + letters(2) + "_" + letters(8);
			Account account = register(handle);
			await().atMost(INDEXED).untilAsserted(() -> {
				JsonNode items = SearchAcceptanceTests.this.api
					.get("/api/v1/search/users?q=" + handle.substring(0, 3), account.accessToken())
					.json()
					.get("items");
				assertThat(items.isEmpty()).as("found anyone").isFalse();
				assertThat(items.get(0).get("handle").asString()).isEqualTo(handle);
			});
		}

	}

	@Nested
	class Hashtags {

		@Test
		void shouldFindANewHashtagOnceByItsPrefixWithItsRecentPosts() {
			String tag = "tagged" + marker();
			Account author = SearchAcceptanceTests.this.api.newAccount();
			post(author, "First with #" + tag);
			post(author, "Again #" + tag + " and again");
			String prefix = "#" + tag.substring(0, tag.length() - 2);
			await().atMost(INDEXED).untilAsserted(() -> {
				JsonNode items = SearchAcceptanceTests.this.api
					.get("/api/v1/search/hashtags?q="
							+ java.net.URLEncoder.encode(prefix, java.nio.charset.StandardCharsets.UTF_8),
							author.accessToken())
					.json()
					.get("items");
				assertThat(items.valueStream().map((item) -> item.get("tag").asString())).containsExactly(tag);
				assertThat(items.get(0).get("recentPosts").asLong()).isEqualTo(2);
			});
		}

	}

	@Nested
	class Trends {

		@Test
		void shouldPutANewHashtagUsedByFiveUsersFirst() {
			String tag = "trend" + marker();
			Account reader = null;
			for (int i = 0; i < 5; i++) {
				reader = SearchAcceptanceTests.this.api.newAccount();
				post(reader, "Everyone is talking about #" + tag);
			}
			String token = reader.accessToken();
			await().atMost(INDEXED).untilAsserted(() -> {
				JsonNode items = SearchAcceptanceTests.this.api.get("/api/v1/trends", token).json().get("items");
				assertThat(items.isEmpty()).as("any trend").isFalse();
				JsonNode first = items.get(0);
				assertThat(first.get("tag").asString()).isEqualTo(tag);
				assertThat(first.get("authors").asLong()).isEqualTo(5);
			});
		}

	}

	@Nested
	class Rebuild {

		@Test
		void shouldServeFromTheOldIndexUntilTheSwitchAndBringALostIndexBack() throws Exception {
			Account author = SearchAcceptanceTests.this.api.newAccount();
			String marker = marker();
			String first = post(author, marker + " first");
			String second = post(author, marker + " second");
			await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(marker, author)).hasSize(2));

			assertThat(reindex("POST").get("state").asString()).isEqualTo("RUNNING");
			assertThat(ids(marker, author)).as("the old index serves reads meanwhile")
				.containsExactlyInAnyOrder(first, second);
			awaitRebuilt();
			assertThat(ids(marker, author)).containsExactlyInAnyOrder(first, second);

			HttpResponse<String> dropped = send(HttpRequest
				.newBuilder(URI.create(SearchAcceptanceTests.this.platform.elasticsearchUrl() + "/posts-v*"))
				.DELETE()
				.build());
			assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(200);
			assertThat(
					SearchAcceptanceTests.this.api.get("/api/v1/search/posts?q=" + encode(marker), author.accessToken())
						.status())
				.as("nothing to search while the index is lost")
				.isEqualTo(503);
			reindex("POST");
			awaitRebuilt();
			assertThat(ids(marker, author)).containsExactlyInAnyOrder(first, second);
		}

		private void awaitRebuilt() {
			await().atMost(Duration.ofSeconds(120)).until(() -> reindex("GET").get("state").asString(), "DONE"::equals);
		}

		private JsonNode reindex(String method) throws Exception {
			HttpResponse<String> response = send(HttpRequest
				.newBuilder(
						URI.create(SearchAcceptanceTests.this.platform.searchServiceUrl() + "/internal/search/reindex"))
				.header("Authorization",
						"Bearer " + ServiceTokenAcceptanceTests.serviceToken(SearchAcceptanceTests.this.platform))
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build());
			assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
			return Api.json.readTree(response.body());
		}

	}

	@Nested
	class BadInput {

		@Test
		void shouldRefuseEachWithAProblemNamingThePosition() {
			String token = SearchAcceptanceTests.this.api.newAccount().accessToken();
			assertPosition(search("cats \u201Cand dogs", token), 6, "quote");
			assertPosition(search("cats lang:en", token), 6, "unknown operator");
			assertPosition(search("cats since:2026-13-01", token), 12, "YYYY-MM-DD");
			Response cursor = SearchAcceptanceTests.this.api.get("/api/v1/search/posts?q=cats&cursor=bogus", token);
			assertThat(cursor.status()).isEqualTo(400);
			assertThat(cursor.contentType()).startsWith("application/problem+json");
			assertThat(cursor.json().get("parameter").asString()).isEqualTo("cursor");
		}

		private Response search(String q, String token) {
			return SearchAcceptanceTests.this.api.get("/api/v1/search/posts?q=" + encode(q), token);
		}

		private void assertPosition(Response response, int position, String reason) {
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("position").asInt()).isEqualTo(position);
			assertThat(response.json().get("detail").asString()).contains("Position " + position).contains(reason);
		}

	}

	private String post(Account author, String text) {
		Response created = this.api.post("/api/v1/posts", Api.json.writeValueAsString(java.util.Map.of("text", text)),
				author.accessToken());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private List<String> ids(String q, Account reader) {
		Response found = this.api.get("/api/v1/search/posts?limit=50&q=" + encode(q), reader.accessToken());
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		List<String> ids = new java.util.ArrayList<>();
		found.json().get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	private Account register(String handle) {
		String password = "correct horse " + UUID.randomUUID();
		Response registered = this.api.post("/api/v1/auth/register", """
				{"handle":"%s","email":"%s@example.com","password":"%s","displayName":"Someone New"}
				""".formatted(handle, handle, password), null);
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		Response login = this.api.post("/api/v1/auth/login", """
				{"login":"%s","password":"%s"}
				""".formatted(handle, password), null);
		return new Account(registered.json().get("id").asString(), handle, password,
				login.json().get("accessToken").asString(), login.json().get("refreshToken").asString());
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String marker() {
		return "mk" + letters(6) + ThreadLocalRandom.current().nextInt(10);
	}

	private static String letters(int count) {
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < count; i++) {
			letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return letters.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
