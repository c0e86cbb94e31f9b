package io.murmur.user.auth;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "auth", description = "Registering, logging in and out, and refreshing tokens")
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
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "register", summary = "Register a new user")
	@ApiResponse(responseCode = "201", description = "The new user, at the Location given")
	@ApiResponse(responseCode = "409", description = "The handle or the email address is taken")
	ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterRequest request) {
		UserResponse user = this.registration.register(request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
	}

	@PostMapping("/login")
	@Operation(operationId = "login", summary = "Log in with a handle or email address and a password")
	@ApiResponse(responseCode = "200", description = "An access token and a refresh token")
	@ApiResponse(responseCode = "401", description = "The login or the password is wrong")
	ResponseEntity<TokenPair> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return noStore(this.login.login(request.login(), request.password(), this.clientAddresses.resolve(http)));
	}

	@PostMapping("/refresh")
	@Operation(operationId = "refreshTokens", summary = "Trade a refresh token for a new pair of tokens")
	@ApiResponse(responseCode = "200", description = "A new access token and refresh token")
	@ApiResponse(responseCode = "401", description = "The refresh token is unknown, used or expired")
	ResponseEntity<TokenPair> refresh(@Valid @RequestBody RefreshRequest request) {
		return noStore(this.tokens.refresh(request.refreshToken()));
	}

	@PostMapping("/logout")
	@Operation(operationId = "logout", summary = "End the session of a refresh token")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(@AuthenticationPrincipal Jwt token, @Valid @RequestBody RefreshRequest request) {
		this.tokens.revoke(request.refreshToken(), CurrentUser.of(token));
	}

	private static ResponseEntity<TokenPair> noStore(TokenPair tokens) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens);
	}

}
