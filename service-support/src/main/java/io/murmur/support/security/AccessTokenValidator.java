package io.murmur.support.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * Accepts the two kinds of access token user-service issues, and nothing else. Both are
 * signed by user-service (the decoder checks the RS256 signature), carry its issuer and
 * an expiry in the future, and then either
 * <ul>
 * <li>a <em>user token</em>: the {@linkplain JwtProperties#audience() API audience} and a
 * user id as subject; or</li>
 * <li>a <em>service token</em>: the {@linkplain JwtProperties#internalAudience() internal
 * audience}, a subject {@code service:<client-id>} and the scope
 * {@value #INTERNAL_SCOPE}.</li>
 * </ul>
 * Which paths accept which kind is decided later, by the security filter chain.
 */
public final class AccessTokenValidator implements OAuth2TokenValidator<Jwt> {

	/** The subject prefix of service tokens; the client id follows it. */
	public static final String SERVICE_SUBJECT_PREFIX = "service:";

	/** The scope of service tokens. */
	public static final String INTERNAL_SCOPE = "internal";

	private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,18}");

	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final OAuth2Error INVALID = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The token is neither a user token nor a service token", null);

	private final OAuth2TokenValidator<Jwt> common;

	private final String audience;

	private final String internalAudience;

	/**
	 * Creates a validator.
	 * @param properties the issuer and audiences required
	 */
	public AccessTokenValidator(JwtProperties properties) {
		this.common = new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()),
				new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
		this.audience = properties.audience();
		this.internalAudience = properties.internalAudience();
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		OAuth2TokenValidatorResult result = this.common.validate(token);
		if (result.hasErrors()) {
			return result;
		}
		if (isUserToken(token) || isServiceToken(token)) {
			return OAuth2TokenValidatorResult.success();
		}
		return OAuth2TokenValidatorResult.failure(INVALID);
	}

	private boolean isUserToken(Jwt token) {
		return hasAudience(token, this.audience) && isUserSubject(token.getSubject());
	}

	private boolean isServiceToken(Jwt token) {
		return hasAudience(token, this.internalAudience) && serviceClientId(token) != null && hasInternalScope(token);
	}

	private static boolean hasAudience(Jwt token, String audience) {
		List<String> audiences = token.getAudience();
		return audiences != null && audiences.contains(audience);
	}

	static boolean isUserSubject(@Nullable String subject) {
		return subject != null && USER_ID.matcher(subject).matches();
	}

	/**
	 * The client id of a service token.
	 * @param token a validated token
	 * @return the client id, or {@code null} if the token is not a service token
	 */
	static @Nullable String serviceClientId(Jwt token) {
		String subject = token.getSubject();
		if (subject == null || !subject.startsWith(SERVICE_SUBJECT_PREFIX)) {
			return null;
		}
		String clientId = subject.substring(SERVICE_SUBJECT_PREFIX.length());
		return CLIENT_ID.matcher(clientId).matches() ? clientId : null;
	}

	private static boolean hasInternalScope(Jwt token) {
		Object scope = token.getClaims().get("scope");
		if (scope instanceof String scopes) {
			return List.of(scopes.split(" ")).contains(INTERNAL_SCOPE);
		}
		if (scope instanceof List<?> scopes) {
			return scopes.contains(INTERNAL_SCOPE);
		}
		return false;
	}

}
