package io.murmur.feed.config;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisLoadingException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.PoolException;

import io.murmur.support.events.kafka.TransientFailures;
import io.murmur.support.web.StoreUnavailableExceptions;

/**
 * Redis is the feed's store: when it cannot be reached, a read answers 503 with a problem
 * rather than 500. (How fan-out pipelines are written to it is the store's own business,
 * see {@code io.murmur.feed.store.RedisScripts}.)
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	/**
	 * Redis busy with a script, loading its data, or its pool used up passes by itself: a
	 * listener retries the event for as long as it lasts instead of parking it. (Redis
	 * out of reach and timed-out commands are Spring's own transient failures already.)
	 * @return the failures
	 */
	@Bean
	TransientFailures redisBusy() {
		return (failure) -> failure instanceof RedisBusyException || failure instanceof RedisLoadingException
				|| failure instanceof RedisConnectionException || failure instanceof PoolException;
	}

	/**
	 * Redis out of reach, a command it did not answer in time (as while it comes back
	 * from a restart), or no connection free in the pool: the read is a 503 the client
	 * may retry.
	 * @return the failures
	 */
	@Bean
	StoreUnavailableExceptions redisUnavailable() {
		return StoreUnavailableExceptions.of("Redis", RedisConnectionFailureException.class,
				QueryTimeoutException.class, RedisSystemException.class, PoolException.class);
	}

}
