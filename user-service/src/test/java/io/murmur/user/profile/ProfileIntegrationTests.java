package io.murmur.user.profile;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import io.murmur.user.Api;
import io.murmur.user.Api.Account;
import io.murmur.user.StubMediaService;
import io.murmur.user.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class ProfileIntegrationTests {

	private static final String PROBLEMS = "https://murmur.example/problems/";

	private final StubMediaService media = StubMediaService.INSTANCE;

	private Api api;

	private Account account;

	private String token;

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.api = new Api(port);
		this.account = this.api.register();
		this.token = this.api.login(this.account).accessToken();
	}

	private ResponseSpec patch(Object body) {
		return this.api.client()
			.patch()
			.uri("/api/v1/users/me")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	@Test
	void shouldFindAUserByIdAndByHandleInAnyCase() {
		this.api.get("/api/v1/users/" + this.account.id(), this.token)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.handle")
			.isEqualTo(this.account.user().handle());
		this.api.get("/api/v1/users/by-handle/" + this.account.user().handle().toUpperCase(), this.token)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(this.account.id());
	}

	@Test
	void shouldAnswer404ForUnknownUsers() {
		for (String path : new String[] { "/api/v1/users/9000000000000000000", "/api/v1/users/by-handle/nobody_xyz",
				"/api/v1/users/by-handle/аlice" }) {
			this.api.get(path, this.token)
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(PROBLEMS + "user-not-found");
		}
	}

	@Test
	void shouldAnswer400ForMalformedIds() {
		for (String id : new String[] { "abc", "-1", "0", "99999999999999999999", "1.5" }) {
			this.api.get("/api/v1/users/" + id, this.token)
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(PROBLEMS + "validation-failed")
				.jsonPath("$.errors[0].field")
				.isEqualTo("id");
		}
	}

	@Test
	void shouldAnswer404ProblemForUnknownRoutes() {
		this.api.get("/api/v1/nothing-here", this.token)
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "not-found");
	}

	@Test
	void shouldAnswer405ProblemForUnsupportedMethods() {
		this.api.client()
			.delete()
			.uri("/api/v1/users/me")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.exists("Allow")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "method-not-allowed");
	}

	@Test
	void shouldLeaveAbsentFieldsUnchangedAndClearNullOnes() {
		long avatar = media.uploadImage(userId());
		patch(Map.of("displayName", "Grace", "bio", "Compilers", "avatarMediaId", Long.toString(avatar))).expectStatus()
			.isOk();
		patch(Map.of("bio", "Admiral")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.displayName")
			.isEqualTo("Grace")
			.jsonPath("$.bio")
			.isEqualTo("Admiral")
			.jsonPath("$.avatarUrl")
			.value(String.class,
					(url) -> assertThat(url).startsWith("http://s3.example/media/" + avatar + "/original.jpg"));
		Map<String, Object> clear = new HashMap<>();
		clear.put("displayName", null);
		clear.put("avatarMediaId", null);
		patch(clear).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.displayName")
			.isEqualTo(this.account.user().handle())
			.jsonPath("$.bio")
			.isEqualTo("Admiral")
			.jsonPath("$.avatarUrl")
			.isEmpty();
	}

	@Nested
	class Avatars {

		@AfterEach
		void mediaServiceUp() {
			media.down(false);
		}

		@Test
		void shouldShowTheAvatarWithFreshUrlsAndPreviewsOnEveryRead() {
			long avatar = media.uploadImage(userId());
			String firstUrl = patch(Map.of("avatarMediaId", Long.toString(avatar))).expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("avatarUrl")
				.toString();

			Map<?, ?> profile = api.get("/api/v1/users/" + account.id(), token)
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();

			assertThat((String) profile.get("avatarUrl")).startsWith("http://s3.example/media/" + avatar + "/")
				.as("described when read, not stored")
				.isNotEqualTo(firstUrl);
			assertThat((String) profile.get("avatarPreviewUrl")).contains("/preview.jpg");
			assertThat((String) profile.get("avatarSmallUrl")).contains("/small.jpg");
			assertThat(media.calls()).last()
				.asString()
				.startsWith("/internal/media/batch Bearer ")
				.doesNotContain(token);
		}

		@Test
		void shouldRefuseAnotherUsersMediaAndVideoAndKeepTheAvatar() {
			long own = media.uploadImage(userId());
			patch(Map.of("avatarMediaId", Long.toString(own))).expectStatus().isOk();
			long someoneElses = media.uploadImage(userId() + 1_000_000);
			long video = media.uploadVideo(userId());

			for (long refused : new long[] { someoneElses, video }) {
				patch(Map.of("avatarMediaId", Long.toString(refused))).expectStatus()
					.isEqualTo(422)
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.expectBody()
					.jsonPath("$.type")
					.isEqualTo(PROBLEMS + "media-not-attachable")
					.jsonPath("$.errors[0].field")
					.isEqualTo("avatarMediaId");
			}
			api.get("/api/v1/users/me", token)
				.expectBody()
				.jsonPath("$.avatarUrl")
				.value(String.class, (url) -> assertThat(url).contains("/media/" + own + "/"));
		}

		@Test
		void shouldAnswer503WhenMediaServiceIsDownAndStillServeProfiles() {
			long avatar = media.uploadImage(userId());
			patch(Map.of("avatarMediaId", Long.toString(avatar))).expectStatus().isOk();
			media.down(true);

			patch(Map.of("avatarMediaId", Long.toString(media.uploadImage(userId())))).expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(PROBLEMS + "service-unavailable");
			api.get("/api/v1/users/me", token)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.avatarUrl")
				.isEmpty()
				.jsonPath("$.bio")
				.exists();
			patch(Map.of("bio", "no avatar change")).expectStatus().isOk();
		}

		@Test
		void shouldShowNoAvatarOnceMediaServiceDeletedIt() {
			long avatar = media.uploadImage(userId());
			patch(Map.of("avatarMediaId", Long.toString(avatar))).expectStatus().isOk();
			media.delete(avatar);

			api.get("/api/v1/users/me", token).expectBody().jsonPath("$.avatarUrl").isEmpty();
		}

	}

	private long userId() {
		return Long.parseLong(this.account.id());
	}

	@Test
	void shouldCountCodePointsForTheBioLimit() {
		patch(Map.of("bio", "🐢".repeat(160))).expectStatus().isOk();
		patch(Map.of("bio", "🐢".repeat(161))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("bio");
	}

	@Test
	void shouldRefuseInvalidProfileFields() {
		patch(Map.of("displayName", "x".repeat(51))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("displayName");
		patch(Map.of("displayName", "   ")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("displayName");
		patch(Map.of("avatarMediaId", "not-a-number")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("avatarMediaId");
		patch(Map.of("bio", 12)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("bio");
	}

}
