package io.murmur.user.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.murmur.support.web.ProblemException;
import io.murmur.user.config.UserProperties;
import io.murmur.user.web.UserProblem;

/**
 * Issues token pairs and rotates refresh tokens.
 * <p>
 * A refresh token is 256 random bits, given to the client once and stored only as its
 * SHA-256 hash. Refreshing uses it up and issues a new one in the same family. Presenting
 * a used token again means it leaked or was replayed: the whole family is revoked, so the
 * thief and the rightful client both have to log in again.
 */
@Service
public class TokenService {

	private static final Log log = LogFactory.getLog(TokenService.class);

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final AccessTokens accessTokens;

	private final RefreshTokenRepository refreshTokens;

	private final Duration refreshTokenTtl;

	TokenService(AccessTokens accessTokens, RefreshTokenRepository refreshTokens, UserProperties properties) {
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.refreshTokenTtl = properties.refreshToken().ttl();
	}

	/**
	 * Starts a session: a new refresh token family and an access token.
	 * @param userId the user who logged in
	 * @return the token pair
	 */
	@Transactional
	public TokenPair issue(long userId) {
		return issue(userId, UUID.randomUUID(), Instant.now());
	}

	/**
	 * Exchanges a refresh token for a new pair.
	 * @param refreshToken the refresh token
	 * @return the new token pair
	 * @throws ProblemException {@link ProblemType#INVALID_REFRESH_TOKEN} if the token is
	 * unknown, expired, revoked or was used before (which also revokes its family)
	 */
	@Transactional(noRollbackFor = ProblemException.class)
	public TokenPair refresh(String refreshToken) {
		Instant now = Instant.now();
		RefreshToken token = this.refreshTokens.findByHashForUpdate(hash(refreshToken))
			.orElseThrow(TokenService::invalid);
		if (token.isRevoked() || token.isExpired(now)) {
			throw invalid();
		}
		if (token.isUsed()) {
			int revoked = this.refreshTokens.revokeFamily(token.getFamilyId(), now);
			log.warn("Refresh token of user " + token.getUserId() + " was used again; revoked its family "
					+ token.getFamilyId() + " (" + revoked + " token(s))");
			throw invalid();
		}
		token.markUsed(now);
		return issue(token.getUserId(), token.getFamilyId(), now);
	}

	/**
	 * Ends the session a refresh token belongs to, revoking its family. Unknown tokens,
	 * and tokens of another user, are ignored, so logging out twice is harmless and
	 * nobody can end someone else's session.
	 * @param refreshToken the refresh token
	 * @param userId the user logging out
	 */
	@Transactional
	public void revoke(String refreshToken, long userId) {
		this.refreshTokens.findByHash(hash(refreshToken))
			.filter((token) -> token.getUserId() == userId)
			.ifPresent((token) -> this.refreshTokens.revokeFamily(token.getFamilyId(), Instant.now()));
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	@Transactional
	void deleteExpired() {
		int deleted = this.refreshTokens.deleteExpiredBefore(Instant.now().minus(Duration.ofDays(1)));
		if (deleted > 0) {
			log.info("Deleted " + deleted + " expired refresh token(s)");
		}
	}

	private TokenPair issue(long userId, UUID familyId, Instant now) {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.refreshTokens
			.save(new RefreshToken(hash(refreshToken), familyId, userId, now, now.plus(this.refreshTokenTtl)));
		String accessToken = this.accessTokens.issue(userId, now);
		return new TokenPair(accessToken, refreshToken, "Bearer", this.accessTokens.ttl().toSeconds());
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ProblemException invalid() {
		return new ProblemException(UserProblem.INVALID_REFRESH_TOKEN, "The refresh token is not valid; log in again");
	}

}
