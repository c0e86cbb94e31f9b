package io.murmur.search.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything about search-service that differs between environments, under
 * {@code murmur.search}; each can be set by an environment variable
 * ({@code MURMUR_SEARCH_...}, see {@code application.yml}).
 *
 * @param elasticsearch where Elasticsearch is
 * @param indexing how events are written to the indices
 * @param trends how trends are found
 * @param reindex how a rebuild reads the sources of truth
 */
@Validated
@ConfigurationProperties("murmur.search")
public record SearchProperties(@Valid @NotNull Elasticsearch elasticsearch, @Valid @NotNull Indexing indexing,
		@Valid @NotNull Trends trends, @Valid @NotNull Reindex reindex) {

	/**
	 * Elasticsearch.
	 *
	 * @param uris the nodes' HTTP addresses
	 * @param timeout how long a request may take
	 */
	public record Elasticsearch(@NotEmpty List<URI> uris, @NotNull Duration timeout) {

	}

	/**
	 * The bulk ingester that writes post events: a bulk request goes out when it holds
	 * {@code maxOperations} or {@code flushInterval} has passed since the first of them.
	 *
	 * @param flushInterval the longest an operation waits for its bulk request
	 * @param maxOperations the most operations in one bulk request
	 * @param maxConcurrentRequests bulk requests in flight at once
	 * @param timeout how long a batch of events waits for Elasticsearch before it is
	 * retried
	 */
	public record Indexing(@NotNull Duration flushInterval, @Min(1) @Max(10_000) int maxOperations,
			@Min(1) @Max(16) int maxConcurrentRequests, @NotNull Duration timeout) {

	}

	/**
	 * Trends: a hashtag trends when the number of distinct authors using it in the
	 * current window stands above what its baseline windows lead to expect.
	 *
	 * @param window the length of a window; the current one ends now
	 * @param baselineWindows how many windows before the current one make the baseline
	 * @param minAuthors the fewest distinct authors in the current window for a trend
	 * @param minExpected the expectation a hashtag never seen before is held to, so that
	 * one new use is no trend
	 * @param sparklineWindows how many windows of counts each trend carries
	 */
	public record Trends(@NotNull Duration window, @Min(1) @Max(168) int baselineWindows, @Min(1) int minAuthors,
			@DecimalMin("0.1") double minExpected, @Min(1) @Max(48) int sparklineWindows) {

	}

	/**
	 * The rebuild of the indices from post-service and user-service.
	 *
	 * @param pageSize how many posts or users one page read from a service holds
	 * @param settle how long writes go to the old and the new index before the sources
	 * are read, so that every replica writes to both by then
	 */
	public record Reindex(@Min(1) @Max(1000) int pageSize, @NotNull Duration settle) {

	}

}
