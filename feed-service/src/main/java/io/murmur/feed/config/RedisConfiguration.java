package io.murmur.feed.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.PoolException;
import org.springframework.data.redis.connection.lettuce.LettuceConnection.PipeliningFlushPolicy;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.murmur.support.web.StoreUnavailableExceptions;

/**
 * Redis is the feed's store.
 * <ul>
 * <li>When it cannot be reached, a read answers 503 with a problem rather than 500.</li>
 * <li>A pipeline (a page of fan-out writes) is written to the socket in batches (of
 * {@code murmur.feed.fan-out.pipeline-flush-every} commands) rather than after every
 * command, which would cost a system call per group of followers.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	@Bean
	StoreUnavailableExceptions redisUnavailable() {
		return StoreUnavailableExceptions.of("Redis", RedisConnectionFailureException.class, RedisSystemException.class,
				PoolException.class);
	}

	@Bean
	InitializingBean bufferedRedisPipelines(LettuceConnectionFactory redis, FeedProperties properties) {
		return () -> redis
			.setPipeliningFlushPolicy(PipeliningFlushPolicy.buffered(properties.fanOut().pipelineFlushEvery()));
	}

}
