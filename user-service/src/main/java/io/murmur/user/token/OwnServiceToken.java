package io.murmur.user.token;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * user-service's own service token, for the {@code /internal/**} endpoints of other
 * services (media-service): signed here, as user-service signs every service token,
 * rather than asked of its own token endpoint over HTTP with a secret it would have to
 * hold. Kept until the first half of its lifetime has passed.
 */
@Component
public class OwnServiceToken {

	/** The client id the token names. */
	static final String CLIENT_ID = "user-service";

	private final AccessTokens tokens;

	private final Clock clock;

	private volatile Token current = new Token("", Instant.MIN);

	OwnServiceToken(AccessTokens tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * The value of an {@code Authorization} header with the token.
	 * @return {@code Bearer <token>}
	 */
	public String authorizationHeader() {
		Instant now = this.clock.instant();
		Token token = this.current;
		if (!now.isBefore(token.replaceAt())) {
			token = new Token(this.tokens.issueForService(CLIENT_ID, now),
					now.plus(this.tokens.serviceTokenTtl().dividedBy(2)));
			this.current = token;
		}
		return "Bearer " + token.value();
	}

	private record Token(String value, Instant replaceAt) {

	}

}
