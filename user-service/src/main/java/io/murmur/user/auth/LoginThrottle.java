package io.murmur.user.auth;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.murmur.user.config.UserProperties;

/**
 * Throttles password guessing. Failed logins are recorded in PostgreSQL, so every replica
 * counts the same failures, and counted over a sliding window per account and per client
 * address: past the limit of either, logins are refused until enough failures have aged
 * out of the window. A successful login clears the account's failures.
 * <p>
 * Failures of unknown accounts are counted under the login that was tried, so that an
 * unknown account is throttled exactly like a known one and the answers do not tell which
 * accounts exist. Concurrent attempts may overshoot a limit by the number in flight.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final UserProperties.LoginThrottle properties;

	LoginThrottle(JdbcClient jdbc, UserProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties.loginThrottle();
	}

	/**
	 * How long logins for this account or from this client are refused.
	 * @param accountKey the account tried
	 * @param client the client address
	 * @param now the current time
	 * @return the time until a login may be tried again, or empty if it may now
	 */
	Optional<Duration> retryAfter(String accountKey, String client, Instant now) {
		Optional<Duration> account = retryAfter("account_key", accountKey, this.properties.maxFailuresPerAccount(),
				now);
		Optional<Duration> address = retryAfter("client_ip", client, this.properties.maxFailuresPerClient(), now);
		if (account.isPresent() && address.isPresent()) {
			return Optional.of(max(account.get(), address.get()));
		}
		return account.isPresent() ? account : address;
	}

	/**
	 * The time until the failure that keeps the count at the limit leaves the window: the
	 * limit-th most recent failure within it.
	 */
	private Optional<Duration> retryAfter(String column, String value, int limit, Instant now) {
		Instant since = now.minus(this.properties.window());
		return this.jdbc
			.sql("select failed_at from login_failures where " + column + " = ? and failed_at > ?"
					+ " order by failed_at desc offset ? limit 1")
			.params(value, Timestamp.from(since), limit - 1)
			.query(Timestamp.class)
			.optional()
			.map((failedAt) -> Duration.between(now, failedAt.toInstant().plus(this.properties.window())))
			.filter((wait) -> !wait.isNegative() && !wait.isZero());
	}

	void recordFailure(String accountKey, String client, Instant now) {
		this.jdbc.sql("insert into login_failures (account_key, client_ip, failed_at) values (?, ?, ?)")
			.params(accountKey, client, Timestamp.from(now))
			.update();
	}

	void clearFailures(String accountKey) {
		this.jdbc.sql("delete from login_failures where account_key = ?").param(accountKey).update();
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
	void deleteExpired() {
		this.jdbc.sql("delete from login_failures where failed_at < ?")
			.param(Timestamp.from(Instant.now().minus(this.properties.window())))
			.update();
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
