package io.murmur.support.app;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.problem.ProblemType;
import io.murmur.support.security.CurrentUser;
import io.murmur.support.security.PublicEndpoints;
import io.murmur.support.web.ProblemException;
import io.murmur.support.web.StoreUnavailableExceptions;

/**
 * A service with a public API endpoint, an internal one, a public one, and endpoints that
 * fail the ways real ones do.
 */
@SpringBootApplication
public class SupportTestApplication {

	@Bean
	StoreUnavailableExceptions fakeStoreExceptions() {
		return StoreUnavailableExceptions.of("The fake store", StoreDownException.class);
	}

	@Bean
	PublicEndpoints publicEndpoints() {
		return PublicEndpoints.of(HttpMethod.GET, "/api/v1/open");
	}

	@RestController
	static class TestController {

		private final ServiceCalls services;

		TestController(ServiceCalls services) {
			this.services = services;
		}

		@GetMapping("/api/v1/relay")
		Map<String, Object> relay() {
			return Map.of("answer", String
				.valueOf(this.services.client("echo").get().uri("/internal/echo").retrieve().body(String.class)));
		}

		@GetMapping("/api/v1/me")
		Map<String, Object> me(@AuthenticationPrincipal Jwt token) {
			return Map.of("id", Long.toString(CurrentUser.of(token)));
		}

		@GetMapping("/api/v1/page")
		Map<String, Object> page(@RequestParam(defaultValue = "20") int limit) {
			return Map.of("limit", limit);
		}

		@GetMapping("/api/v1/open")
		Map<String, Object> open() {
			return Map.of("open", true);
		}

		@GetMapping("/internal/whoami")
		Map<String, Object> whoami(@AuthenticationPrincipal Jwt token) {
			return Map.of("subject", token.getSubject(), "user", CurrentUser.optional(token).isPresent());
		}

		@PostMapping("/api/v1/notes")
		Map<String, Object> create(@Valid @RequestBody Note note) {
			return Map.of("text", note.text());
		}

		@PostMapping(path = "/api/v1/labels", consumes = "multipart/form-data")
		Map<String, Object> label(@RequestParam String name) {
			return Map.of("name", name);
		}

		@GetMapping("/api/v1/notes/{id}")
		NoteView note(@PathVariable String id, @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit,
				@RequestParam(required = false) @Nullable @Pattern(regexp = "[a-z]+") String tag) {
			return new NoteView(id, new Note("hi"), null, null);
		}

		@GetMapping("/api/v1/store-down")
		Map<String, Object> storeDown() {
			throw new IllegalStateException("query failed", new StoreDownException());
		}

		@GetMapping("/api/v1/broken")
		Map<String, Object> broken() {
			throw new IllegalStateException("a bug");
		}

		@GetMapping("/api/v1/teapot")
		@ApiResponse(responseCode = "418", description = "Brewing",
				content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
		Map<String, Object> teapot() {
			throw ProblemException.retryLater(TestProblem.TEAPOT, "Brewing", java.time.Duration.ofMillis(1500));
		}

	}

	/**
	 * A note.
	 *
	 * @param text its text
	 */
	record Note(@NotBlank @Size(max = 10) String text) {

	}

	/**
	 * A note as it is shown.
	 *
	 * @param id its id
	 * @param note the note
	 * @param replyTo the note it answers, if any
	 * @param mood how its author felt, if said
	 */
	record NoteView(String id, Note note, @Nullable Note replyTo, @Nullable String mood) {

	}

	static class StoreDownException extends RuntimeException {

		StoreDownException() {
			super("connection refused");
		}

	}

	static final class TestProblem {

		static final ProblemType TEAPOT = ProblemType.of("teapot", "I am a teapot", HttpStatus.I_AM_A_TEAPOT);

		private TestProblem() {
		}

	}

}
