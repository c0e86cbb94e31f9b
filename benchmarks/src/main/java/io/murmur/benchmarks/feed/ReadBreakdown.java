package io.murmur.benchmarks.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import io.murmur.benchmarks.platform.BenchmarkPlatform;
import io.murmur.benchmarks.platform.Http;
import io.murmur.benchmarks.report.Spread;

/**
 * Where a home-feed page's time goes, hop by hop, with nothing else running: the page
 * through the gateway, the same page from feed-service itself, then the two calls
 * feed-service makes to fill it, each timed on its own: post-service's batch read of the
 * page's posts and user-service's batch read of their authors. One request at a time, so
 * that the figures are service times, not queueing.
 *
 * @param samples how many pages
 */
public record ReadBreakdown(int samples) {

	private static final Logger logger = LoggerFactory.getLogger(ReadBreakdown.class);

	/**
	 * Measures.
	 * @param world the loaded graph, readers' feeds built
	 * @return milliseconds per hop, by hop
	 */
	public Map<String, Spread> run(FeedWorld world) {
		BenchmarkPlatform platform = world.platform();
		String service = platform.serviceToken().bearer();
		Map<String, List<Double>> times = new LinkedHashMap<>();
		Random random = new Random(7);
		List<Integer> readers = world.cast().readers();
		for (int i = 0; i < this.samples; i++) {
			int reader = readers.get(random.nextInt(readers.size()));
			String token = world.token(reader);
			time(times, "gateway GET /api/v1/feed?limit=20",
					() -> Http.getRetrying(platform.gatewayUrl().resolve("/api/v1/feed?limit=20"), token));
			JsonNode page = time(times, "feed-service GET /api/v1/feed?limit=20",
					() -> Http.getRetrying(platform.feedServiceUrl().resolve("/api/v1/feed?limit=20"), token));
			List<String> posts = new ArrayList<>();
			Set<String> authors = new LinkedHashSet<>();
			page.path("items").forEach((item) -> {
				posts.add(item.path("id").asString());
				authors.add(item.path("author").path("id").asString());
			});
			if (posts.isEmpty()) {
				continue;
			}
			time(times, "post-service POST /internal/posts/batch (the page's posts)", () -> Http
				.post(platform.postServiceUrl().resolve("/internal/posts/batch"), Map.of("ids", posts), service, 200));
			time(times, "user-service POST /internal/users/batch (their authors)",
					() -> Http.post(platform.userServiceUrl().resolve("/internal/users/batch"),
							Map.of("ids", List.copyOf(authors)), service, 200));
			time(times, "post-service GET /api/v1/users/{id}/posts?limit=20 (a timeline)",
					() -> Http.get(
							platform.postServiceUrl()
								.resolve(URI.create("/api/v1/users/" + authors.iterator().next() + "/posts?limit=20")),
							token, 200));
		}
		Map<String, Spread> spreads = new LinkedHashMap<>();
		times.forEach((hop, values) -> spreads.put(hop, Spread.of(values)));
		spreads.forEach((hop, spread) -> logger.info("Read breakdown: {}: median {} ms (q1 {}, q3 {})", hop,
				Math.round(spread.median()), Math.round(spread.q1()), Math.round(spread.q3())));
		return spreads;
	}

	private static <T> T time(Map<String, List<Double>> times, String hop, Supplier<T> call) {
		long started = System.nanoTime();
		T result = call.get();
		times.computeIfAbsent(hop, (key) -> new ArrayList<>()).add((System.nanoTime() - started) / 1e6);
		return result;
	}

}
