package io.murmur.user.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import io.murmur.support.web.ProblemException;
import io.murmur.user.account.Normalization;
import io.murmur.user.account.User;
import io.murmur.user.account.UserRepository;
import io.murmur.user.token.TokenPair;
import io.murmur.user.token.TokenService;
import io.murmur.user.web.UserProblem;

/**
 * Signs users in by handle or email and password. A wrong password and an unknown account
 * get the same answer, after the same work: an unknown account's password is checked
 * against a dummy hash so that the time taken does not tell which accounts exist.
 */
@Service
class LoginService {

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final TokenService tokens;

	private final String dummyHash;

	LoginService(UserRepository users, PasswordEncoder passwordEncoder, LoginThrottle throttle, TokenService tokens) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.tokens = tokens;
		this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
	}

	TokenPair login(String login, String password, String client) {
		Instant now = Instant.now();
		Optional<User> user = find(login);
		String accountKey = user.map((found) -> "user:" + found.getId())
			.orElseGet(() -> "login:" + Normalization.email(login));
		Optional<Duration> retryAfter = this.throttle.retryAfter(accountKey, client, now);
		if (retryAfter.isPresent()) {
			throw ProblemException.retryLater(UserProblem.TOO_MANY_LOGIN_ATTEMPTS,
					"Too many failed logins; try again later", retryAfter.get());
		}
		boolean matches = this.passwordEncoder.matches(password,
				user.map(User::getPasswordHash).orElse(this.dummyHash));
		if (user.isEmpty() || !matches) {
			this.throttle.recordFailure(accountKey, client, now);
			throw new ProblemException(UserProblem.INVALID_CREDENTIALS, "The login or the password is wrong");
		}
		User account = user.get();
		this.throttle.clearFailures(accountKey);
		if (this.passwordEncoder.upgradeEncoding(account.getPasswordHash())) {
			account.changePasswordHash(this.passwordEncoder.encode(password));
			this.users.save(account);
		}
		return this.tokens.issue(account.getId());
	}

	private Optional<User> find(String login) {
		String trimmed = login.strip();
		return (trimmed.indexOf('@') >= 0) ? this.users.findByEmail(Normalization.email(trimmed))
				: this.users.findByHandle(trimmed);
	}

}
