package io.murmur.acceptance;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.murmur.client.feed.api.FeedApi;
import io.murmur.client.feed.model.FeedItem;
import io.murmur.client.graph.api.FollowsApi;
import io.murmur.client.post.api.EngagementApi;
import io.murmur.client.post.api.PostsApi;
import io.murmur.client.post.model.CreatePostRequest;
import io.murmur.client.post.model.PostResponse;
import io.murmur.client.user.api.AuthApi;
import io.murmur.client.user.model.LoginRequest;
import io.murmur.client.user.model.RegisterRequest;
import io.murmur.client.user.model.TokenPair;
import io.murmur.client.user.model.UserResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The journey a mobile or web team takes with a client generated from the published
 * OpenAPI documents ({@code docs/api}, which {@link ApiDocumentsAcceptanceTests} proves
 * are the documents the live gateway serves): register, log in, follow, post, read the
 * feed, like, read back, and a refused request read as a typed problem. Every call goes
 * through the generated client; the only set-up is the gateway's address and the bearer
 * token, as the generator's documentation has a client set them.
 */
class GeneratedClientAcceptanceTests {

	private final String gateway = MurmurPlatform.get().gatewayUrl();

	@Test
	void shouldRegisterLogInFollowPostReadTheFeedLikeAndReadBackWithTheGeneratedClient() throws Exception {
		AuthApi auth = new AuthApi(userClient());
		Person ana = register(auth, "ana");
		Person bob = register(auth, "bob");

		new FollowsApi(graphClient(bob.token())).followUser(ana.user().getId());

		PostsApi anasPosts = new PostsApi(postClient(ana.token()));
		PostResponse created = anasPosts.createPost(new CreatePostRequest().text("Hello from a generated client #api"));
		assertThat(created.getText()).isEqualTo("Hello from a generated client #api");
		assertThat(created.getAuthor().getHandle()).isEqualTo(ana.user().getHandle());
		assertThat(created.getHashtags()).containsExactly("api");

		FeedApi bobsFeed = new FeedApi(feedClient(bob.token()));
		FeedItem item = await().atMost(Duration.ofSeconds(10))
			.until(() -> bobsFeed.getFeed(20, null).getItems(), (items) -> !items.isEmpty())
			.get(0);
		assertThat(item.getId()).isEqualTo(created.getId());
		assertThat(item.getAuthor().getId()).isEqualTo(created.getAuthor().getId());
		assertThat(item.getAuthor().getHandle()).isEqualTo(created.getAuthor().getHandle());
		assertThat(item.getAuthor().getDisplayName()).isEqualTo(created.getAuthor().getDisplayName());
		assertThat(item.getAuthor().getAvatarUrl()).isEqualTo(created.getAuthor().getAvatarUrl());

		io.murmur.client.post.ApiClient bobsPostClient = postClient(bob.token());
		new EngagementApi(bobsPostClient).likePost(created.getId());
		PostResponse readBack = new PostsApi(bobsPostClient).getPost(created.getId());
		assertThat(readBack.getCounts().getLikes()).isEqualTo(1);
		assertThat(readBack.getViewer().getLiked()).isTrue();
		assertThat(readBack.getReplyTo()).isNull();

		io.murmur.client.post.ApiException refused = catchThrowableOfType(io.murmur.client.post.ApiException.class,
				() -> anasPosts.createPost(new CreatePostRequest().text("x".repeat(281))));
		assertThat(refused.getCode()).isEqualTo(400);
		io.murmur.client.post.model.Problem problem = bobsPostClient.getObjectMapper()
			.readValue(refused.getResponseBody(), io.murmur.client.post.model.Problem.class);
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getType()).startsWith("https://murmur.example/problems/");
		assertThat(problem.getErrors()).extracting(io.murmur.client.post.model.InvalidField::getField)
			.containsExactly("text");
	}

	@Test
	void shouldReadARefusedRegistrationAsATypedProblemNamingEachField() throws Exception {
		io.murmur.client.user.ApiClient client = userClient();
		io.murmur.client.user.ApiException refused = catchThrowableOfType(io.murmur.client.user.ApiException.class,
				() -> new AuthApi(client).register(new RegisterRequest().handle("no spaces allowed")
					.email("not-an-email")
					.password("short")
					.displayName("Refused")));
		assertThat(refused.getCode()).isEqualTo(400);
		io.murmur.client.user.model.Problem problem = client.getObjectMapper()
			.readValue(refused.getResponseBody(), io.murmur.client.user.model.Problem.class);
		assertThat(problem.getErrors()).extracting(io.murmur.client.user.model.InvalidField::getField)
			.contains("handle", "email", "password");
	}

	private Person register(AuthApi auth, String name) throws Exception {
		String handle = name + "_" + UUID.randomUUID().toString().substring(0, 8);
		String password = "a long enough password";
		UserResponse user = auth.register(new RegisterRequest().handle(handle)
			.email(handle + "@example.com")
			.password(password)
			.displayName(name.toUpperCase(Locale.ROOT)));
		TokenPair tokens = auth.login(new LoginRequest().login(handle).password(password));
		assertThat(tokens.getAccessToken()).isNotBlank();
		return new Person(user, tokens.getAccessToken());
	}

	// The generated clients of the gateway, one per document, each sending the access
	// token as its documentation shows, through a request interceptor.

	private io.murmur.client.user.ApiClient userClient() {
		io.murmur.client.user.ApiClient client = new io.murmur.client.user.ApiClient();
		client.updateBaseUri(this.gateway);
		return client;
	}

	private io.murmur.client.graph.ApiClient graphClient(String token) {
		io.murmur.client.graph.ApiClient client = new io.murmur.client.graph.ApiClient();
		client.updateBaseUri(this.gateway);
		return client.setRequestInterceptor(bearer(token));
	}

	private io.murmur.client.post.ApiClient postClient(String token) {
		io.murmur.client.post.ApiClient client = new io.murmur.client.post.ApiClient();
		client.updateBaseUri(this.gateway);
		return client.setRequestInterceptor(bearer(token));
	}

	private io.murmur.client.feed.ApiClient feedClient(String token) {
		io.murmur.client.feed.ApiClient client = new io.murmur.client.feed.ApiClient();
		client.updateBaseUri(this.gateway);
		return client.setRequestInterceptor(bearer(token));
	}

	private static Consumer<HttpRequest.Builder> bearer(String token) {
		return (request) -> request.header("Authorization", "Bearer " + token);
	}

	private record Person(UserResponse user, String token) {

	}

}
