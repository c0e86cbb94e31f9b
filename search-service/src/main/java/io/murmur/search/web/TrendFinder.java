package io.murmur.search.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.DateRangeExpression;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;

import org.springframework.stereotype.Component;

import io.murmur.search.config.SearchProperties;
import io.murmur.search.index.IndexKind;

/**
 * Trends: hashtags whose distinct authors in the current window stand above their
 * expected baseline.
 * <p>
 * One aggregation over the posts of the last {@code baselineWindows + 1} windows counts,
 * per hashtag and window, the distinct authors (the current window ends now). A tag's
 * expectation is the mean of its baseline windows, but at least {@code minExpected}, so
 * that a tag nobody used before needs several authors. Its score is the chi-square term
 * {@code (observed - expected)² / expected} of the current window, plus half that of the
 * window before, so that a trend fades instead of vanishing at a window's edge. A tag
 * trends when the current window has at least {@code minAuthors} distinct authors and
 * more than expected. Counting authors rather than posts keeps one account posting a tag
 * over and over from making it trend.
 */
@Component
class TrendFinder {

	private static final int CANDIDATES = 500;

	private static final double PREVIOUS_WINDOW_WEIGHT = 0.5;

	private final ElasticsearchClient client;

	private final SearchProperties.Trends settings;

	private final Clock clock;

	TrendFinder(ElasticsearchClient client, SearchProperties properties, Clock clock) {
		this.client = client;
		this.settings = properties.trends();
		this.clock = clock;
	}

	SearchResults.Trends trends(int limit) {
		Instant now = this.clock.instant();
		int windows = this.settings.baselineWindows() + 1;
		long window = this.settings.window().toMillis();
		long start = now.toEpochMilli() - windows * window;
		List<DateRangeExpression> ranges = new ArrayList<>();
		for (int i = 0; i < windows; i++) {
			long from = start + i * window;
			long to = from + window;
			ranges.add(DateRangeExpression.of((r) -> r.key(Integer.toString(windowIndex(from, start, window)))
				.from((f) -> f.expr(Long.toString(from)))
				.to((t) -> t.expr(Long.toString(to)))));
		}
		SearchResponse<Void> response;
		try {
			response = this.client.search(
					(s) -> s.index(IndexKind.POSTS.alias())
						.size(0)
						.query((q) -> q.bool((b) -> b.filter((f) -> f.term((t) -> t.field("deleted").value(false)))
							.filter((f) -> f.range((r) -> r.date((d) -> d.field("createdAt")
								.gte(Long.toString(start))
								.lt(Long.toString(now.toEpochMilli()))
								.format("epoch_millis"))))))
						.aggregations("tags", (a) -> a.terms((t) -> t.field("hashtags").size(CANDIDATES))
							.aggregations("windows", (w) -> w
								.dateRange((d) -> d.field("createdAt").format("epoch_millis").ranges(ranges))
								.aggregations("authors", (c) -> c.cardinality((card) -> card.field("authorId"))))),
					Void.class);
		}
		catch (IOException | ElasticsearchException ex) {
			throw SearchProblem.unavailable(ex);
		}
		List<SearchResults.Trend> trends = new ArrayList<>();
		for (StringTermsBucket tag : response.aggregations().get("tags").sterms().buckets().array()) {
			long[] authors = new long[windows];
			for (RangeBucket bucket : tag.aggregations().get("windows").dateRange().buckets().array()) {
				int index = Integer.parseInt(bucket.key());
				authors[index] = bucket.aggregations().get("authors").cardinality().value();
			}
			SearchResults.Trend trend = trend(tag.key().stringValue(), authors);
			if (trend != null) {
				trends.add(trend);
			}
		}
		trends.sort(Comparator.comparingDouble(SearchResults.Trend::score)
			.reversed()
			.thenComparing(SearchResults.Trend::tag));
		return new SearchResults.Trends(trends.subList(0, Math.min(limit, trends.size())), now,
				this.settings.window().toString(), null);
	}

	private static int windowIndex(long from, long start, long window) {
		return (int) ((from - start) / window);
	}

	/**
	 * Scores one tag from its distinct authors per window, oldest first.
	 * @param tag the tag
	 * @param authors distinct authors per window, the current one last
	 * @return the trend, or {@code null} if the tag does not trend
	 */
	SearchResults.Trend trend(String tag, long[] authors) {
		int current = authors.length - 1;
		double baseline = 0;
		for (int i = 0; i < current; i++) {
			baseline += authors[i];
		}
		double expected = Math.max(this.settings.minExpected(), (current > 0) ? baseline / current : 0);
		long observed = authors[current];
		if (observed < this.settings.minAuthors() || observed <= expected) {
			return null;
		}
		double score = chiSquare(observed, expected);
		if (current > 0) {
			score += PREVIOUS_WINDOW_WEIGHT * chiSquare(authors[current - 1], expected);
		}
		List<Long> counts = new ArrayList<>();
		for (int i = Math.max(0, authors.length - this.settings.sparklineWindows()); i < authors.length; i++) {
			counts.add(authors[i]);
		}
		return new SearchResults.Trend(tag, Math.round(score * 100) / 100.0, observed,
				Math.round(expected * 100) / 100.0, counts);
	}

	private static double chiSquare(long observed, double expected) {
		return (observed > expected) ? (observed - expected) * (observed - expected) / expected : 0;
	}

}
