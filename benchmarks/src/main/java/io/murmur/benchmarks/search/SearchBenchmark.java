package io.murmur.benchmarks.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.murmur.benchmarks.platform.BenchmarkPlatform;
import io.murmur.benchmarks.report.Settling;
import io.murmur.events.EventSerializer;
import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.post.PostCreated;

/**
 * The search scenario, on the run's own platform with search-service and Elasticsearch
 * (with the project's analysis plugin) started for it.
 * <ol>
 * <li><b>Indexing throughput.</b> {@code posts} synthetic {@code PostCreated} events are
 * published to {@value Topics#POST} as post-service's relay would while search-service is
 * stopped; it is started again, and timed from the moment it is ready until the posts
 * alias counts them all (what it indexed while getting ready is not counted); then the
 * same documents (the JSON search-service writes, with the same external versions) are
 * bulk-loaded straight into a fresh index with the same settings and mapping,
 * {@value #RAW_BULK_SIZE} a request on as many connections as search-service's ingester
 * uses. The figure is the first rate over the second. The post topic's other consumers
 * (feed-, media- and notification-service) are stopped for both loads, and started again
 * after with their groups moved past the synthetic posts, so that both loads have the
 * machine to themselves.</li>
 * <li><b>Post-search latency.</b> One-word queries of the same vocabulary, one after
 * another, through the gateway ({@code GET /api/v1/search/posts}, with a signed-in
 * account) and direct to Elasticsearch (the query search-service sends: the word on
 * {@code text} and {@code text.english}, tombstones filtered, newest first, 20 hits). The
 * synthetic posts are not in post-service, so hydration through the gateway asks
 * post-service for ids it does not have: the call is made, its answer is empty.</li>
 * <li><b>Index lag.</b> Posts through the gateway at {@code lagPostsPerSecond}, from
 * {@value #LAG_POSTERS} accounts in turn, while other accounts read feeds and search,
 * each post's marker searched every {@value #LAG_POLL_MILLIS} ms through the gateway, by
 * one of {@value #LAG_WATCHERS} more accounts, from its 201 until it is found. No account
 * goes past the gateway's budget for one user, which would turn the measurement's own
 * calls into 429s.</li>
 * </ol>
 */
public final class SearchBenchmark {

	private static final Logger logger = LoggerFactory.getLogger(SearchBenchmark.class);

	public static final int RAW_BULK_SIZE = 1000;

	public static final int LAG_POLL_MILLIS = 50;

	/**
	 * The accounts that post during the lag measurement, in turn: one account may write
	 * 120 times a minute at the gateway, fewer than the measurement's posts.
	 */
	public static final int LAG_POSTERS = 5;

	/**
	 * The accounts that search for the measured posts, one per post in turn: one account
	 * may read 1,200 times a minute, fewer than the searches of the posts in flight.
	 */
	public static final int LAG_WATCHERS = 8;

	/** The accounts the scenario needs: posters, watchers and at least one reader. */
	public static final int ACCOUNTS = LAG_POSTERS + LAG_WATCHERS + 3;

	private static final int VOCABULARY = 2000;

	private static final int HASHTAGS = 200;

	private static final int AUTHORS = 10_000;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final int posts;

	private final int queries;

	private final Duration lagWarmUp;

	private final Duration lagDuration;

	private final double lagPostsPerSecond;

	private final int bulkConnections;

	/**
	 * The scenario's settings.
	 * @param posts how many posts to index
	 * @param queries how many measured queries each way
	 * @param lagWarmUp how long the mixed load runs before its posts are measured: the
	 * post topic's other consumers were started again just before
	 * @param lagDuration how long the mixed load runs measured
	 * @param lagPostsPerSecond posts through the gateway per second under it
	 * @param bulkConnections bulk requests in flight for the raw load, as
	 * search-service's ingester
	 */
	public SearchBenchmark(int posts, int queries, Duration lagWarmUp, Duration lagDuration, double lagPostsPerSecond,
			int bulkConnections) {
		this.posts = posts;
		this.queries = queries;
		this.lagWarmUp = lagWarmUp;
		this.lagDuration = lagDuration;
		this.lagPostsPerSecond = lagPostsPerSecond;
		this.bulkConnections = bulkConnections;
	}

	/**
	 * Runs the scenario.
	 * @param platform the platform, with search started
	 * @param accessTokens access tokens of signed-in accounts, {@value #ACCOUNTS}
	 * @param settling waits for the machine to settle before the searches and before the
	 * index lag, as before every other measurement: the loads leave Elasticsearch
	 * merging, and the consumers stopped for them start again
	 * @return what it measured
	 */
	public Result run(BenchmarkPlatform platform, List<String> accessTokens, Settling settling) {
		URI elasticsearch = platform.elasticsearchUrl();
		Random random = new Random(42);
		List<String> words = vocabulary(random);
		List<ObjectNode> documents = new ArrayList<>(this.posts);
		long firstId = 4_000_000_000_000_000L + System.currentTimeMillis() % 1_000_000 * 1_000_000;
		Instant base = Instant.now().minus(Duration.ofDays(3));
		for (int i = 0; i < this.posts; i++) {
			documents.add(document(firstId + i, base.plusMillis(i * 50L), random, words));
		}
		long before = count(elasticsearch, "posts");
		// search-service indexes alone, as the raw load runs alone: the post
		// topic's other consumers would fan out a million posts on the same cores
		List<String> paused = platform.pausePostConsumers();
		double serviceRate;
		double rawRate;
		try {
			serviceRate = indexThroughService(platform, documents, elasticsearch, before);
			rawRate = indexRaw(elasticsearch, documents);
		}
		finally {
			platform.resumePostConsumers(paused);
		}
		logger.info("Indexing: search-service {} posts/s, raw bulk {} posts/s", Math.round(serviceRate),
				Math.round(rawRate));
		settling.await("the post searches");
		List<Double> gateway = new ArrayList<>();
		List<Double> direct = new ArrayList<>();
		String token = accessTokens.get(0);
		for (int i = -this.queries / 5; i < this.queries; i++) {
			String word = words.get(random.nextInt(words.size()));
			double throughGateway = time(() -> get(
					platform.gatewayUrl()
						.resolve("/api/v1/search/posts?limit=20&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)),
					token));
			double straight = time(() -> post(elasticsearch.resolve("/posts/_search"), directQuery(word)));
			if (i >= 0) {
				gateway.add(throughGateway);
				direct.add(straight);
			}
		}
		settling.await("the index lag");
		Lag lag = lag(platform, accessTokens, words);
		return new Result(this.posts, serviceRate, rawRate, serviceRate / rawRate, summary(gateway), summary(direct),
				summary(lag.millis()), lag.millis().size(), lag.failures(), this.lagPostsPerSecond,
				this.lagDuration.toString(), this.lagWarmUp.toString());
	}

	private double indexThroughService(BenchmarkPlatform platform, List<ObjectNode> documents, URI elasticsearch,
			long before) {
		// The events wait in Kafka, as the raw load's documents wait in memory: the
		// benchmark's own producer does not share the cores with search-service.
		platform.stop("search-service");
		Properties producer = new Properties();
		producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.LINGER_MS_CONFIG, 10);
		producer.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		try (KafkaProducer<String, MurmurEvent> kafka = new KafkaProducer<>(producer, new StringSerializer(),
				new EventSerializer())) {
			for (ObjectNode document : documents) {
				PostCreated event = created(document);
				kafka.send(new ProducerRecord<>(Topics.POST, event.key(), event));
			}
			kafka.flush();
		}
		platform.restart("search-service");
		// Its consumers may have begun while it was getting ready: what they wrote by now
		// is not counted.
		long started = System.nanoTime();
		send(HttpRequest.newBuilder(elasticsearch.resolve("/posts/_refresh")).POST(HttpRequest.BodyPublishers.noBody()),
				200);
		long already = count(elasticsearch, "posts");
		long target = before + documents.size();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
		while (count(elasticsearch, "posts") < target) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("search-service did not index " + documents.size() + " posts in time");
			}
			sleep(200);
		}
		logger.info("search-service had indexed {} of the posts when it was ready", already - before);
		return (target - already) / ((System.nanoTime() - started) / 1e9);
	}

	private double indexRaw(URI elasticsearch, List<ObjectNode> documents) {
		String index = "bench-raw-posts";
		send(HttpRequest.newBuilder(elasticsearch.resolve("/" + index)).DELETE(), -1);
		JsonNode settings = getJson(elasticsearch.resolve("/posts/_settings"));
		JsonNode mappings = getJson(elasticsearch.resolve("/posts/_mapping"));
		JsonNode live = settings.properties().iterator().next().getValue().path("settings").path("index");
		ObjectNode definition = json.createObjectNode();
		ObjectNode indexSettings = definition.putObject("settings");
		indexSettings.put("number_of_shards", live.path("number_of_shards").asString());
		indexSettings.put("number_of_replicas", 0);
		indexSettings.put("refresh_interval", live.path("refresh_interval").asString("1s"));
		indexSettings.set("analysis", live.path("analysis"));
		definition.set("mappings", mappings.properties().iterator().next().getValue().path("mappings"));
		send(HttpRequest.newBuilder(elasticsearch.resolve("/" + index))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(definition))), 200);
		List<String> bodies = new ArrayList<>();
		for (int from = 0; from < documents.size(); from += RAW_BULK_SIZE) {
			StringBuilder body = new StringBuilder();
			for (ObjectNode document : documents.subList(from, Math.min(documents.size(), from + RAW_BULK_SIZE))) {
				body.append("{\"index\":{\"_id\":\"")
					.append(document.path("id").asString())
					.append("\",\"version\":")
					.append(version(Instant.parse(document.path("createdAt").asString())))
					.append(",\"version_type\":\"external\"}}\n")
					.append(json.writeValueAsString(document))
					.append('\n');
			}
			bodies.add(body.toString());
		}
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(this.bulkConnections);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (String body : bodies) {
				sent.add(pool.submit(() -> send(HttpRequest.newBuilder(elasticsearch.resolve("/" + index + "/_bulk"))
					.header("Content-Type", "application/x-ndjson")
					.POST(HttpRequest.BodyPublishers.ofString(body)), 200)));
			}
			for (Future<?> future : sent) {
				future.get();
			}
			while (count(elasticsearch, index) < documents.size()) {
				sleep(200);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("The raw bulk load failed", ex);
		}
		finally {
			pool.shutdownNow();
		}
		double rate = documents.size() / ((System.nanoTime() - started) / 1e9);
		send(HttpRequest.newBuilder(elasticsearch.resolve("/" + index)).DELETE(), 200);
		return rate;
	}

	private Lag lag(BenchmarkPlatform platform, List<String> tokens, List<String> words) {
		ConcurrentLinkedQueue<Double> lags = new ConcurrentLinkedQueue<>();
		ConcurrentMap<Integer, Integer> failures = new ConcurrentHashMap<>();
		AtomicBoolean running = new AtomicBoolean(true);
		URI gateway = platform.gatewayUrl();
		List<String> posters = tokens.subList(0, LAG_POSTERS);
		List<String> watchers = tokens.subList(LAG_POSTERS, LAG_POSTERS + LAG_WATCHERS);
		List<String> readers = tokens.subList(LAG_POSTERS + LAG_WATCHERS, tokens.size());
		long measureFrom = System.nanoTime() + this.lagWarmUp.toNanos();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int reader = 0; reader < readers.size(); reader++) {
				String token = readers.get(reader);
				Random random = new Random(reader + 1);
				threads.submit(() -> {
					while (running.get()) {
						String word = words.get(random.nextInt(words.size()));
						int status = status(attempt(HttpRequest
							.newBuilder(gateway.resolve(
									random.nextBoolean() ? "/api/v1/feed?limit=20" : "/api/v1/search/posts?q=" + word))
							.header("Authorization", "Bearer " + token)
							.GET()));
						if (status != 200 && System.nanoTime() >= measureFrom) {
							failures.merge(status, 1, Integer::sum);
						}
						sleep(100);
					}
				});
			}
			long interval = (long) (1000 / this.lagPostsPerSecond);
			long end = measureFrom + this.lagDuration.toNanos();
			for (int sent = 0; System.nanoTime() < end; sent++) {
				boolean measured = System.nanoTime() >= measureFrom;
				String poster = posters.get(sent % posters.size());
				String watcher = watchers.get(sent % watchers.size());
				String marker = "lag" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
				threads.submit(() -> {
					HttpResponse<String> created = attempt(HttpRequest.newBuilder(gateway.resolve("/api/v1/posts"))
						.header("Authorization", "Bearer " + poster)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"measuring " + marker + "\"}")));
					if (status(created) != 201) {
						if (measured) {
							failures.merge(status(created), 1, Integer::sum);
						}
						logger.warn("A measured post was answered {}", status(created));
						return;
					}
					long acknowledged = System.nanoTime();
					long giveUp = acknowledged + TimeUnit.SECONDS.toNanos(30);
					while (System.nanoTime() < giveUp) {
						HttpResponse<String> found = attempt(
								HttpRequest.newBuilder(gateway.resolve("/api/v1/search/posts?q=" + marker))
									.header("Authorization", "Bearer " + watcher)
									.GET());
						if (status(found) != 200) {
							if (measured) {
								failures.merge(status(found), 1, Integer::sum);
							}
						}
						else if (!json.readTree(found.body()).path("items").isEmpty()) {
							if (measured) {
								lags.add((System.nanoTime() - acknowledged) / 1e6);
							}
							return;
						}
						sleep(LAG_POLL_MILLIS);
					}
					logger.warn("A post was not found within 30 s: {}", marker);
				});
				sleep(interval);
			}
			sleep(5000);
			running.set(false);
		}
		return new Lag(new ArrayList<>(lags), new TreeMap<>(failures));
	}

	/** A call whose failure the measurement counts: {@code null} if it got no answer. */
	private @Nullable HttpResponse<String> attempt(HttpRequest.Builder request) {
		try {
			return send(request, -1);
		}
		catch (UncheckedIOException ex) {
			return null;
		}
	}

	private static int status(@Nullable HttpResponse<String> response) {
		return (response != null) ? response.statusCode() : 0;
	}

	/**
	 * The index lags measured, and the calls of the measurement that failed (a post not
	 * acknowledged, a search or feed read answered with an error), by status.
	 */
	private record Lag(List<Double> millis, Map<Integer, Integer> failures) {

	}

	private static ObjectNode document(long id, Instant createdAt, Random random, List<String> words) {
		StringBuilder text = new StringBuilder();
		for (int w = 0; w < 12; w++) {
			text.append(words.get((int) Math.min(words.size() - 1, Math.abs(random.nextGaussian()) * words.size() / 3)))
				.append(' ');
		}
		String tag = "tag" + random.nextInt(HASHTAGS);
		text.append('#').append(tag);
		ObjectNode document = json.createObjectNode();
		document.put("id", Long.toString(id));
		document.put("authorId", Long.toString(1 + random.nextInt(AUTHORS)));
		document.put("createdAt", createdAt.toString());
		document.put("text", text.toString());
		document.putArray("hashtags").add(tag);
		document.putArray("mentions");
		document.putArray("mentionIds");
		document.put("withMedia", false);
		document.put("reply", false);
		document.put("deleted", false);
		return document;
	}

	private static PostCreated created(ObjectNode document) {
		Instant createdAt = Instant.parse(document.path("createdAt").asString());
		return new PostCreated(UUID.randomUUID(), createdAt, Long.parseLong(document.path("id").asString()),
				Long.parseLong(document.path("authorId").asString()), createdAt, document.path("text").asString(), null,
				null, null, List.of(), List.of(), List.of(document.path("hashtags").get(0).asString()));
	}

	private static long version(Instant at) {
		return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
	}

	private static List<String> vocabulary(Random random) {
		String[] syllables = { "ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "da", "zu", "be", "fi", "go", "ha",
				"ju" };
		List<String> words = new ArrayList<>();
		while (words.size() < VOCABULARY) {
			StringBuilder word = new StringBuilder();
			for (int s = 0; s < 2 + random.nextInt(3); s++) {
				word.append(syllables[random.nextInt(syllables.length)]);
			}
			if (!words.contains(word.toString())) {
				words.add(word.toString());
			}
		}
		return words;
	}

	private static String directQuery(String word) {
		return """
				{"size":20,"_source":false,"track_total_hits":false,
				 "query":{"bool":{"filter":[{"term":{"deleted":false}}],
				  "must":[{"multi_match":{"query":"%s","fields":["text","text.english"],"operator":"and"}}]}},
				 "sort":[{"createdAt":"desc"},{"id":"desc"}]}""".formatted(word);
	}

	private long count(URI elasticsearch, String index) {
		send(HttpRequest.newBuilder(elasticsearch.resolve("/" + index + "/_refresh"))
			.POST(HttpRequest.BodyPublishers.noBody()), 200);
		return getJson(elasticsearch.resolve("/" + index + "/_count")).path("count").asLong();
	}

	private JsonNode getJson(URI uri) {
		return json.readTree(send(HttpRequest.newBuilder(uri).GET(), 200).body());
	}

	private String get(URI uri, String token) {
		return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET(), 200).body();
	}

	private String post(URI uri, String body) {
		return send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)), 200).body();
	}

	private HttpResponse<String> send(HttpRequest.Builder request, int expected) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (expected > 0 && response.statusCode() != expected) {
				throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": "
						+ response.body().substring(0, Math.min(300, response.body().length())));
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double time(Runnable call) {
		long started = System.nanoTime();
		call.run();
		return (System.nanoTime() - started) / 1e6;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Map<String, Double> summary(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		Map<String, Double> summary = new LinkedHashMap<>();
		summary.put("p50_ms", percentile(sorted, 50));
		summary.put("p99_ms", percentile(sorted, 99));
		summary.put("max_ms", sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1));
		return summary;
	}

	static double percentile(List<Double> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	/**
	 * What the scenario measured.
	 *
	 * @param posts posts indexed
	 * @param servicePostsPerSecond posts per second from Kafka to searchable through
	 * search-service
	 * @param rawPostsPerSecond the same documents bulk-loaded straight into Elasticsearch
	 * @param ratio the first over the second
	 * @param gateway post-search latency through the gateway (p50, p99, max in ms)
	 * @param direct the same queries direct to Elasticsearch
	 * @param lag from a post's 201 to it being found by search (ms)
	 * @param lagPosts posts measured for the lag
	 * @param lagFailures calls of the lag measurement that failed, by HTTP status (0: no
	 * answer); none in a sound run
	 * @param lagPostsPerSecond posts per second during the lag measurement
	 * @param lagDuration how long the mixed load ran
	 */
	public record Result(int posts, double servicePostsPerSecond, double rawPostsPerSecond, double ratio,
			Map<String, Double> gateway, Map<String, Double> direct, Map<String, Double> lag, int lagPosts,
			Map<Integer, Integer> lagFailures, double lagPostsPerSecond, String lagDuration, String lagWarmUp) {

	}

}
