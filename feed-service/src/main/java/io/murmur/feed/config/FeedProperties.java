package io.murmur.feed.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything about feed-service that differs between environments, under
 * {@code murmur.feed}. The defaults in {@code application.yml} suit a local run; each can
 * be overridden by an environment variable.
 *
 * @param fanOut how posts reach feeds
 * @param read how feeds are read
 */
@Validated
@ConfigurationProperties("murmur.feed")
public record FeedProperties(@Valid @NotNull FanOut fanOut, @Valid @NotNull Read read) {

	/**
	 * Fan-out.
	 *
	 * @param pushThreshold authors with at least this many followers are pulled at read
	 * time instead of pushed
	 * @param feedSize how many entries a home feed keeps; older ones are trimmed
	 * @param trimSlack how many entries a home feed may hold beyond its size before it is
	 * trimmed back to its size: a feed at its size then costs an insert one trim every
	 * {@code trimSlack + 1} inserts instead of one each. Reads page through all a feed
	 * holds, so a feed shows up to {@code feedSize + trimSlack} entries before the
	 * followees' timelines take over
	 * @param inactiveAfter a follower whose feed has not been read (nor who has posted)
	 * for this long is skipped at fan-out, and their feed is rebuilt when they return
	 * @param backfillSize how many of a followee's newest entries a follow brings in
	 * @param followerPageSize how many follower ids one call to graph-service reads, and
	 * one pipeline to Redis writes
	 * @param followerCacheTtl how long fan-out keeps an author's follower ids in Redis
	 * once it has read them from graph-service: follow and unfollow events keep the copy
	 * current, and it is read again from graph-service when it expires. Zero turns the
	 * copy off, and every post reads its author's followers from graph-service
	 * @param feedsPerScript how many followers' feeds one merge-script call writes; each
	 * call holds Redis for its duration, so this bounds how long a push delays a read. On
	 * Redis Cluster a call only takes feeds of one slot
	 * @param pipelineFlushEvery how many commands a fan-out pipeline buffers before it
	 * writes them to Redis. Fewer let Redis start on a page of followers while the rest
	 * is still being encoded, at a system call per write. Neither measured reliably
	 * faster on two cores; the default (more than a page's script calls) writes a page at
	 * its end
	 * @param authorCacheSize how many of an author's newest entries are cached for pull
	 * @param authorCacheTtl how long an unread author cache is kept
	 */
	public record FanOut(@Min(1) long pushThreshold, @Min(20) @Max(10_000) int feedSize,
			@Min(0) @Max(10_000) int trimSlack, @NotNull Duration inactiveAfter, @Min(0) @Max(1000) int backfillSize,
			@Min(1) @Max(10_000) int followerPageSize, @NotNull Duration followerCacheTtl,
			@Min(1) @Max(1000) int feedsPerScript, @Min(1) @Max(10_000) int pipelineFlushEvery,
			@Min(20) @Max(1000) int authorCacheSize, @NotNull Duration authorCacheTtl) {

	}

	/**
	 * Reading.
	 *
	 * @param defaultLimit the page size when the client gives none
	 * @param maxLimit the largest page a client may ask for
	 * @param celebrityCacheTtl how long a reader's list of followed pulled authors is
	 * cached
	 * @param buildWait how long a read waits for the build of a feed Redis does not keep
	 * before it answers 503 with {@code Retry-After} and lets the build go on. The
	 * gateway retries a GET that answers 503 twice within its route timeout, so three
	 * waits and the gateway's back-off must fit in it
	 * @param concurrentBuilds how many feeds are built at once; more readers' builds wait
	 * for a turn
	 */
	public record Read(@Min(1) int defaultLimit, @Min(1) @Max(200) int maxLimit, @NotNull Duration celebrityCacheTtl,
			@NotNull Duration buildWait, @Min(1) @Max(256) int concurrentBuilds) {

	}

}
