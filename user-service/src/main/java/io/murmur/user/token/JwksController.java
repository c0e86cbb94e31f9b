package io.murmur.user.token;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public keys access tokens are verified with, as a JSON Web Key Set. The
 * gateway and the other services fetch and cache it; every configured key is listed, not
 * only the active one, so that tokens signed before a rotation stay valid.
 */
@RestController
class JwksController {

	private final Map<String, Object> jwks;

	JwksController(SigningKeys keys) {
		this.jwks = keys.verification().toJSONObject(true);
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.jwks);
	}

}
