package io.murmur.user.auth;

import java.net.URI;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.support.security.CurrentUser;
import io.murmur.user.account.UserResponse;
import io.murmur.user.token.TokenPair;
import io.murmur.user.token.TokenService;
import io.murmur.user.web.ClientAddressResolver;

/**
 * The authentication endpoints. Register, login and refresh need no access token, so that
 * a client whose access token expired can still get a new one; logout needs one and ends
 * only the caller's own session. Token responses are never cached.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final RegistrationService registration;

	private final LoginService login;

	private final TokenService tokens;

	private final ClientAddressResolver clientAddresses;

	AuthController(RegistrationService registration, LoginService login, TokenService tokens,
			ClientAddressResolver clientAddresses) {
		this.registration = registration;
		this.login = login;
		this.tokens = tokens;
		this.clientAddresses = clientAddresses;
	}

	@PostMapping("/register")
	@SecurityRequirements
	ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterRequest request) {
		UserResponse user = this.registration.register(request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
	}

	@PostMapping("/login")
	@SecurityRequirements
	ResponseEntity<TokenPair> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return noStore(this.login.login(request.login(), request.password(), this.clientAddresses.resolve(http)));
	}

	@PostMapping("/refresh")
	@SecurityRequirements
	ResponseEntity<TokenPair> refresh(@Valid @RequestBody RefreshRequest request) {
		return noStore(this.tokens.refresh(request.refreshToken()));
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(@AuthenticationPrincipal Jwt token, @Valid @RequestBody RefreshRequest request) {
		this.tokens.revoke(request.refreshToken(), CurrentUser.of(token));
	}

	private static ResponseEntity<TokenPair> noStore(TokenPair tokens) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens);
	}

}
