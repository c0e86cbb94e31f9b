package io.murmur.feed.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
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
 * <li>A pipeline (a page of fan-out writes) is written to the socket in batches rather
 * than flushed after every command, which would cost a system call per follower.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	/** Commands a pipeline buffers before it writes them out. */
	static final int PIPELINE_FLUSH_EVERY = 512;

	@Bean
	StoreUnavailableExceptions redisUnavailable() {
		return StoreUnavailableExceptions.of("Redis", RedisConnectionFailureException.class, RedisSystemException.class,
				PoolException.class);
	}

	@Bean
	static BeanPostProcessor bufferedRedisPipelines() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof LettuceConnectionFactory factory) {
					factory.setPipeliningFlushPolicy(PipeliningFlushPolicy.buffered(PIPELINE_FLUSH_EVERY));
				}
				return bean;
			}

		};
	}

}
