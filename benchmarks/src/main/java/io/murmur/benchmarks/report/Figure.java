package io.murmur.benchmarks.report;

import java.util.Locale;

/**
 * The headline figures of a run, each under a fixed key of {@code summary.json}. Those
 * that need the home feed stay {@code null}, and are named as pending, until their
 * scenario exists.
 */
public enum Figure {

	/** Fan-out deliveries per second divided by the pipelined-ZADD reference rate. */
	FANOUT_RATIO_VS_REDIS(true),

	/** Median time from a post's creation to its arrival in a follower's feed. */
	DELIVERY_LAG_P50_MS(true),

	/** The 99th percentile of that time. */
	DELIVERY_LAG_P99_MS(true),

	/** Home-feed read p99 per strategy: push, pull and hybrid. */
	FEED_READ_P99_MS(true),

	/** Hybrid read p99 over push read p99. */
	HYBRID_VS_PUSH_READ_P99_RATIO(true),

	/** The highest rate of the mixed workload on Reed98 whose p99 stays under 100 ms. */
	MIXED_MAX_RPS_AT_P99_100MS(true),

	/** What the gateway adds to a request's p50 beyond what nginx adds. */
	GATEWAY_ADDED_P50_MS_VS_NGINX(false),

	/**
	 * Posts indexed per second through search-service over a raw bulk load of the same
	 * documents.
	 */
	SEARCH_INDEXING_RATIO_VS_RAW_BULK(false),

	/** Post-search p99 through the gateway (direct to Elasticsearch in the details). */
	SEARCH_P99_MS(false),

	/** From a post's 201 to it being found by search, p99, under a mixed load. */
	SEARCH_INDEX_LAG_P99_MS(false),

	/**
	 * 12 MP photos taken to all their variants per second over the rate of merely
	 * decoding and resizing them with the same libraries in the same JVM.
	 */
	MEDIA_PROCESSING_RATIO_VS_DECODE_RESIZE(false),

	/** Median time from an upload through the gateway to its media being ready. */
	MEDIA_UPLOAD_TO_READY_P50_MS(false),

	/** The 99th percentile of that time. */
	MEDIA_UPLOAD_TO_READY_P99_MS(false),

	/** Notifications stored per second while a burst of likes of one post is consumed. */
	NOTIFICATIONS_STORED_PER_SECOND(false),

	/** The p99 of the burst author's first page of notifications, through the gateway. */
	NOTIFICATION_FIRST_PAGE_P99_MS(false),

	/** The p99 of the burst author's unread count, through the gateway. */
	NOTIFICATION_UNREAD_COUNT_P99_MS(false),

	/** The p99 of like acknowledged to event on the liked author's stream, under load. */
	NOTIFICATION_STREAM_LAG_P99_MS(false);

	private final boolean needsFeed;

	Figure(boolean needsFeed) {
		this.needsFeed = needsFeed;
	}

	/**
	 * The figure's key in {@code summary.json}.
	 * @return the key
	 */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether the figure needs the home feed, which the platform does not serve yet.
	 * @return {@code true} if it does
	 */
	public boolean needsFeed() {
		return this.needsFeed;
	}

	String unit() {
		return key().contains("_ms") ? " ms" : "";
	}

}
