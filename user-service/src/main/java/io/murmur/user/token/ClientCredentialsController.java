package io.murmur.user.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoint of service clients: the OAuth 2.0 client credentials grant (RFC 6749
 * §4.4). A service posts {@code grant_type=client_credentials} (form-encoded, optionally
 * {@code scope=internal}) with its client id and secret in HTTP Basic authentication, and
 * gets a service token for other services' {@code /internal/**} endpoints. Errors have
 * the JSON shape of RFC 6749 §5.2, not problem details, since OAuth clients expect it.
 * Never routed by the gateway.
 */
@RestController
class ClientCredentialsController {

	private static final Log log = LogFactory.getLog(ClientCredentialsController.class);

	private static final String BASIC = "Basic ";

	private final ServiceClients clients;

	private final AccessTokens tokens;

	ClientCredentialsController(ServiceClients clients, AccessTokens tokens) {
		this.clients = clients;
		this.tokens = tokens;
	}

	@PostMapping(path = "/internal/oauth2/token", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
		String[] credentials = basicCredentials(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (credentials == null) {
			return invalidClient("The client must authenticate with HTTP Basic");
		}
		if (!this.clients.authenticate(credentials[0], credentials[1])) {
			log.warn("Refused a service token to client '" + credentials[0] + "': unknown client or wrong secret");
			return invalidClient("Unknown client or wrong secret");
		}
		if (!MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType(request))) {
			return error(HttpStatus.BAD_REQUEST, "invalid_request",
					"The parameters must be application/x-www-form-urlencoded");
		}
		String grantType = request.getParameter("grant_type");
		if (grantType == null || grantType.isEmpty()) {
			return error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is missing");
		}
		if (!grantType.equals("client_credentials")) {
			return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
					"Only the client_credentials grant is supported");
		}
		String scope = request.getParameter("scope");
		if (scope != null && !scope.isBlank() && !scope.strip().equals("internal")) {
			return error(HttpStatus.BAD_REQUEST, "invalid_scope", "The only scope is internal");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", this.tokens.issueForService(credentials[0], Instant.now()));
		body.put("token_type", "Bearer");
		body.put("expires_in", this.tokens.serviceTokenTtl().toSeconds());
		body.put("scope", "internal");
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
	}

	private static @Nullable MediaType contentType(HttpServletRequest request) {
		try {
			return (request.getContentType() != null) ? MediaType.parseMediaType(request.getContentType()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The client id and secret of an HTTP Basic header, each form-urlencoded as RFC 6749
	 * §2.3.1 asks.
	 */
	private static String @Nullable [] basicCredentials(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon <= 0) {
				return null;
			}
			return new String[] { URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
					URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ResponseEntity<Map<String, Object>> invalidClient(String description) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"murmur\", charset=\"UTF-8\"")
			.cacheControl(CacheControl.noStore())
			.body(Map.of("error", "invalid_client", "error_description", description));
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
		return ResponseEntity.status(status)
			.cacheControl(CacheControl.noStore())
			.body(Map.of("error", error, "error_description", description));
	}

}
