package io.murmur.user.auth;

import java.util.Map;
import java.util.concurrent.Semaphore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.murmur.user.config.UserProperties;

/**
 * Passwords are hashed with Argon2id at OWASP's recommended minimum (19 MiB of memory,
 * two iterations, one lane), behind a {@link DelegatingPasswordEncoder} so that each hash
 * names its algorithm ({@code {argon2}...}) and stronger settings or another algorithm
 * can follow, with old hashes upgraded at the next login. Argon2id rather than BCrypt
 * because it is memory-hard and because BCrypt reads only the first 72 bytes of a
 * password, while Murmur accepts up to 128 characters.
 * <p>
 * Each hash takes 19 MiB and a core for tens of milliseconds, so the number computed at
 * once is bounded ({@code murmur.user.password-hashing.concurrency}, half the processors
 * by default): a burst of logins waits for its turn instead of exhausting the heap or
 * taking every core from the service's other requests.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashingConfiguration {

	private static final String DEFAULT_ENCODER = "argon2";

	@Bean
	PasswordEncoder passwordEncoder(UserProperties properties) {
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(DEFAULT_ENCODER,
				Map.of(DEFAULT_ENCODER, argon2, "bcrypt", new BCryptPasswordEncoder()));
		return new BoundedPasswordEncoder(encoder, properties.passwordHashing().effectiveConcurrency());
	}

	/**
	 * Bounds how many hashes are computed at once.
	 */
	static final class BoundedPasswordEncoder implements PasswordEncoder {

		private final PasswordEncoder delegate;

		private final Semaphore permits;

		BoundedPasswordEncoder(PasswordEncoder delegate, int concurrency) {
			this.delegate = delegate;
			this.permits = new Semaphore(concurrency, true);
		}

		@Override
		public String encode(CharSequence rawPassword) {
			acquire();
			try {
				return this.delegate.encode(rawPassword);
			}
			finally {
				this.permits.release();
			}
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			acquire();
			try {
				return this.delegate.matches(rawPassword, encodedPassword);
			}
			finally {
				this.permits.release();
			}
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return this.delegate.upgradeEncoding(encodedPassword);
		}

		private void acquire() {
			try {
				this.permits.acquire();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting to hash a password", ex);
			}
		}

	}

}
