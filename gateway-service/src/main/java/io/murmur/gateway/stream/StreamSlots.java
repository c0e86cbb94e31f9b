package io.murmur.gateway.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.murmur.gateway.web.Problems;

import io.murmur.support.problem.CommonProblem;

/**
 * Caps the notification streams a user keeps open, across every gateway replica: each
 * open stream is a member of the user's sorted set in Redis, scored by when its lease
 * ends. Opening one drops the expired members and adds one unless the user is at the cap,
 * in one script; the gateway holding a stream renews its lease while it lasts and removes
 * it when it ends, and the lease lets the streams of a crashed gateway expire.
 * <p>
 * If Redis cannot be reached the stream is let through and a warning logged, as the rate
 * limiter does. A service that cannot be reached is answered with 503 problem+json, since
 * this route has no circuit breaker: a breaker's time limit would cut every stream.
 */
@Component
class StreamSlots implements GatewayFilter, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(StreamSlots.class);

	private static final RedisScript<Long> ACQUIRE = RedisScript.of("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
			if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
			redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return 1
			""", Long.class);

	private static final RedisScript<Long> RENEW = RedisScript.of("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			redis.call('PEXPIRE', KEYS[1], ARGV[1])
			return redis.call('ZADD', KEYS[1], 'XX', 'CH', now + tonumber(ARGV[1]), ARGV[2])
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final NotificationStreamProperties properties;

	StreamSlots(ReactiveStringRedisTemplate redis, NotificationStreamProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Runs around the filter that writes the response body, so that a slot is held until
	 * the stream ends, not only until its headers arrived.
	 * @return the order
	 */
	@Override
	public int getOrder() {
		return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.map((principal) -> Optional.of(principal.getName()))
			.defaultIfEmpty(Optional.empty())
			.flatMap((user) -> user.isPresent() ? capped(exchange, chain, user.get()) : chain.filter(exchange));
	}

	private Mono<Void> capped(ServerWebExchange exchange, GatewayFilterChain chain, String user) {
		String key = "streams:{" + user + "}";
		String slot = UUID.randomUUID().toString();
		return acquire(key, slot).flatMap((acquired) -> {
			if (!acquired) {
				exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
				return Problems.write(exchange, Problems.of(CommonProblem.RATE_LIMITED,
						"At most " + this.properties.maxPerUser() + " notification streams can be open at once."));
			}
			Disposable renewal = Flux.interval(this.properties.lease().dividedBy(3))
				.concatMap((tick) -> renew(key, slot))
				.subscribe();
			return chain.filter(exchange)
				.onErrorResume(IOException.class, (ex) -> unavailable(exchange, ex))
				.doFinally((signal) -> {
					renewal.dispose();
					this.redis.opsForZSet().remove(key, slot).onErrorComplete().subscribe();
				});
		});
	}

	private Mono<Boolean> acquire(String key, String slot) {
		return this.redis
			.execute(ACQUIRE, List.of(key),
					List.of(Integer.toString(this.properties.maxPerUser()),
							Long.toString(this.properties.lease().toMillis()), slot))
			.next()
			.map((result) -> result == 1L)
			// Off Redis's one I/O thread, as for the rate limiter.
			.publishOn(Schedulers.parallel())
			.timeout(Duration.ofMillis(500))
			.onErrorResume((ex) -> {
				logger.warn("Stream cap unavailable, letting the stream through: {}", ex.toString());
				return Mono.just(true);
			});
	}

	private Mono<Long> renew(String key, String slot) {
		return this.redis.execute(RENEW, List.of(key), List.of(Long.toString(this.properties.lease().toMillis()), slot))
			.next()
			.onErrorResume((ex) -> Mono.empty());
	}

	private static Mono<Void> unavailable(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.empty();
		}
		logger.warn("notification-service did not answer a stream: {}", ex.toString());
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
		return Problems.write(exchange,
				Problems.of(CommonProblem.SERVICE_UNAVAILABLE, "The notification service is not answering right now."));
	}

}
