package io.murmur.gateway.ratelimit;

import java.security.Principal;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.murmur.gateway.config.GatewayProperties;
import io.murmur.gateway.config.GatewayProperties.Limit;
import io.murmur.gateway.web.AccessLogFilter;
import io.murmur.gateway.web.ClientAddress;
import io.murmur.gateway.web.Problems;

import io.murmur.support.problem.CommonProblem;

/**
 * Request budgets kept in Redis, so that every gateway replica shares them. A request is
 * counted against its user when it carries a valid token, else against its client IP;
 * sign-in and sign-up are counted per IP under a stricter budget, and writes under a
 * stricter budget than reads. Over budget: 429 problem+json with {@code Retry-After}.
 * <p>
 * The budget is a fixed window per key, counted atomically by a Lua script. Each replica
 * also counts every budget itself ({@link LocalCounts}); when Redis does not answer in
 * time, that count decides and a warning is logged: the budgets then hold per replica, so
 * an outage of Redis does not take the API down, and a burst that slows the limiter down
 * does not get through it.
 */
@Component
class RateLimitFilter implements WebFilter, org.springframework.core.Ordered {

	private static final Logger logger = LoggerFactory.getLogger(RateLimitFilter.class);

	private static final RedisScript<List> COUNT = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			local ttl = redis.call('PTTL', KEYS[1])
			if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
			return {count, ttl}
			""", List.class);

	private static final List<String> AUTH_PATHS = List.of("/api/v1/auth/login", "/api/v1/auth/register",
			"/api/v1/auth/refresh");

	private final ReactiveStringRedisTemplate redis;

	private final GatewayProperties.RateLimits limits;

	private final LocalCounts localCounts = new LocalCounts();

	RateLimitFilter(ReactiveStringRedisTemplate redis, GatewayProperties properties) {
		this.redis = redis;
		this.limits = properties.rateLimits();
	}

	@Override
	public int getOrder() {
		return 0;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!path.startsWith("/api/")) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal().map(Principal::getName).map((user) -> {
			exchange.getAttributes().put(AccessLogFilter.USER_ATTRIBUTE, user);
			return isWrite(exchange) ? new Budget("write", "user:" + user, this.limits.write())
					: new Budget("read", "user:" + user, this.limits.read());
		}).defaultIfEmpty(anonymousBudget(exchange, path)).flatMap((budget) -> count(budget).flatMap((verdict) -> {
			exchange.getResponse().getHeaders().set("X-RateLimit-Limit", Integer.toString(budget.limit.requests()));
			exchange.getResponse()
				.getHeaders()
				.set("X-RateLimit-Remaining", Long.toString(Math.max(0, budget.limit.requests() - verdict.count)));
			if (verdict.count <= budget.limit.requests()) {
				return chain.filter(exchange);
			}
			long retryAfter = Math.max(1, (verdict.ttlMillis + 999) / 1000);
			exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
			return Problems.write(exchange, Problems.of(CommonProblem.RATE_LIMITED,
					"Request budget used up; retry after " + retryAfter + " s."));
		}));
	}

	private Budget anonymousBudget(ServerWebExchange exchange, String path) {
		String ip = "ip:" + ClientAddress.of(exchange);
		return AUTH_PATHS.contains(path) ? new Budget("auth", ip, this.limits.auth())
				: new Budget("anonymous", ip, this.limits.anonymous());
	}

	private Mono<Verdict> count(Budget budget) {
		String key = "ratelimit:{" + budget.policy + ":" + budget.subject + "}";
		LocalCounts.Count local = this.localCounts.count(key, budget.limit.window());
		return this.redis.execute(COUNT, List.of(key), List.of(Long.toString(budget.limit.window().toMillis())))
			.next()
			.map((result) -> new Verdict(((Number) result.get(0)).longValue(), ((Number) result.get(1)).longValue()))
			// Redis answers on its client's one I/O thread: the rest of the request,
			// refusal or routing, moves off it, or every request through this replica
			// would take its turn on that one thread behind a burst.
			.publishOn(Schedulers.parallel())
			.timeout(Duration.ofMillis(500))
			.onErrorResume((ex) -> {
				logger.warn("Rate limiter's Redis did not answer, counting on this replica: {}", ex.toString());
				return Mono.just(new Verdict(local.count(), local.ttlMillis()));
			});
	}

	private static boolean isWrite(ServerWebExchange exchange) {
		HttpMethod method = exchange.getRequest().getMethod();
		return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
	}

	private record Budget(String policy, String subject, Limit limit) {
	}

	private record Verdict(long count, long ttlMillis) {
	}

}
