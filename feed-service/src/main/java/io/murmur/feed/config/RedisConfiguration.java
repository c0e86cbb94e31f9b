package io.murmur.feed.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.PoolException;

import io.murmur.support.web.StoreUnavailableExceptions;

/**
 * Redis is the feed's store: when it cannot be reached, a read answers 503 with a problem
 * rather than 500. (How fan-out pipelines are written to it is the store's own business,
 * see {@code io.murmur.feed.store.RedisScripts}.)
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	@Bean
	StoreUnavailableExceptions redisUnavailable() {
		return StoreUnavailableExceptions.of("Redis", RedisConnectionFailureException.class, RedisSystemException.class,
				PoolException.class);
	}

}
