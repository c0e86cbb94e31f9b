package io.murmur.reliability.auth;

import java.text.ParseException;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The claims of an access token a platform issued, read without checking its signature:
 * the issuer and audience that the platform really writes, which the forged tokens of the
 * auth matrix must copy to be dangerous.
 *
 * @param subject the user
 * @param issuer the issuer
 * @param audience the first audience
 */
public record TokenClaims(String subject, String issuer, String audience) {

	/**
	 * Reads a signed JWT's claims.
	 * @param jwt the token
	 * @return its claims
	 * @throws IllegalArgumentException if it is no signed JWT with a subject, an issuer
	 * and an audience
	 */
	public static TokenClaims of(String jwt) {
		try {
			JWTClaimsSet claims = SignedJWT.parse(jwt).getJWTClaimsSet();
			if (claims.getSubject() == null || claims.getIssuer() == null || claims.getAudience().isEmpty()) {
				throw new IllegalArgumentException("A token without a subject, an issuer or an audience");
			}
			return new TokenClaims(claims.getSubject(), claims.getIssuer(), claims.getAudience().get(0));
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("Not a signed JWT", ex);
		}
	}

}
