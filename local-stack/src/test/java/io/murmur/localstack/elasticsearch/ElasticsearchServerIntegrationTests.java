package io.murmur.localstack.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.StoreOutage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ElasticsearchServerIntegrationTests {

	private static final String POSTS_MAPPING = """
			{
			  "mappings": {
			    "properties": {
			      "author": {"type": "keyword"},
			      "text": {"type": "text", "analyzer": "standard"},
			      "hashtags": {"type": "keyword"},
			      "createdAt": {"type": "date"}
			    }
			  }
			}""";

	private static final String POSTS = """
			{"index": {"_id": "1"}}
			{"author": "ada", "text": "Hello Spring Boot fans", "hashtags": ["spring", "java"], "createdAt": "2026-01-01T10:00:00Z"}
			{"index": {"_id": "2"}}
			{"author": "linus", "text": "Kafka streams are neat", "hashtags": ["kafka", "java"], "createdAt": "2026-01-02T10:00:00Z"}
			{"index": {"_id": "3"}}
			{"author": "grace", "text": "SPRING is here, the trees bloom", "hashtags": ["spring"], "createdAt": "2026-01-03T10:00:00Z"}
			{"index": {"_id": "4"}}
			{"author": "ada", "text": "Cassandra partitions explained", "hashtags": ["cassandra"], "createdAt": "2026-01-04T10:00:00Z"}
			""";

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient client = HttpClient.newHttpClient();

	private final ElasticsearchServer elasticsearch = LocalStack.shared().elasticsearch();

	private String index;

	@BeforeEach
	void createIndexWithPosts() throws Exception {
		this.index = "posts-" + UUID.randomUUID();
		assertThat(send("PUT", "/" + this.index, POSTS_MAPPING).path("acknowledged").asBoolean()).isTrue();
		JsonNode bulk = send("POST", "/" + this.index + "/_bulk?refresh=true", POSTS);
		assertThat(bulk.path("errors").asBoolean()).isFalse();
		assertThat(bulk.path("items")).hasSize(4);
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void shouldFindPostsByAnalyzedTextNewestFirst() throws Exception {
		JsonNode result = search("""
				{"query": {"match": {"text": "spring"}}, "sort": [{"createdAt": "desc"}]}""");
		assertThat(result.path("hits").path("total").path("value").asInt()).isEqualTo(2);
		assertThat(ids(result)).containsExactly("3", "1");
	}

	@Test
	void shouldCountHashtagsWithATermsAggregation() throws Exception {
		JsonNode result = search("""
				{"size": 0, "aggs": {"hashtags": {"terms": {"field": "hashtags"}}}}""");
		Map<String, Integer> counts = new LinkedHashMap<>();
		result.path("aggregations")
			.path("hashtags")
			.path("buckets")
			.forEach((bucket) -> counts.put(bucket.path("key").asText(), bucket.path("doc_count").asInt()));
		assertThat(counts).containsExactly(entry("java", 2), entry("spring", 2), entry("cassandra", 1),
				entry("kafka", 1));
	}

	@Test
	void shouldNoLongerFindADeletedPost() throws Exception {
		assertThat(send("DELETE", "/" + this.index + "/_doc/2?refresh=true", null).path("result").asText())
			.isEqualTo("deleted");
		HttpResponse<String> get = exchange("GET", "/" + this.index + "/_doc/2", null);
		assertThat(get.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(get.body()).path("found").asBoolean()).isFalse();
		assertThat(ids(search("""
				{"query": {"match": {"text": "kafka"}}}"""))).isEmpty();
		assertThat(ids(search("""
				{"query": {"match_all": {}}}"""))).containsExactlyInAnyOrder("1", "3", "4");
	}

	@Test
	void shouldKeepNewIndicesGreenOnOneNode() throws Exception {
		JsonNode settings = send("GET", "/" + this.index + "/_settings", null);
		assertThat(settings.path(this.index).path("settings").path("index").path("number_of_replicas").asText())
			.isEqualTo("0");
		JsonNode health = send("GET", "/_cluster/health/" + this.index + "?wait_for_status=green&timeout=10s", null);
		assertThat(health.path("status").asText()).isEqualTo("green");
		assertThat(this.elasticsearch.isHealthy()).isTrue();
		assertThat(this.elasticsearch.springProperties()).containsEntry("spring.elasticsearch.uris",
				this.elasticsearch.httpUri());
	}

	@Test
	void shouldKeepIndexedDocumentsAcrossAStopAndRestartOnTheSamePort() throws Exception {
		StoreOutage.stopAndRestart(this.elasticsearch, this.elasticsearch.port());

		JsonNode post = send("GET", "/" + this.index + "/_doc/3", null);
		assertThat(post.path("_source").path("author").asText()).isEqualTo("grace");
		assertThat(ids(search("""
				{"query": {"match": {"text": "spring"}}, "sort": [{"createdAt": "desc"}]}"""))).containsExactly("3",
				"1");
	}

	private JsonNode search(String query) throws IOException, InterruptedException {
		return send("POST", "/" + this.index + "/_search", query);
	}

	private static List<String> ids(JsonNode result) {
		return result.path("hits").path("hits").valueStream().map((hit) -> hit.path("_id").asText()).toList();
	}

	private JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = exchange(method, path, body);
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> exchange(String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.elasticsearch.httpUri() + path));
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			String contentType = path.contains("_bulk") ? "application/x-ndjson" : "application/json";
			request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
