package io.murmur.localstack.platform.seed;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

import io.murmur.localstack.platform.seed.SeedClient.Reply;
import io.murmur.localstack.platform.seed.SeedClient.RetryPolicy;

/**
 * Loads a {@link SocialGraph} into running services through their public API, the way
 * people would: each person registers and signs in at user-service, follows each of their
 * friends at graph-service, and then writes a few posts at post-service, after the
 * follows so that the posts reach the followers' home feeds.
 * <p>
 * Requests run concurrently on virtual threads, a bounded number at a time. Every step
 * first looks at what is already there and does only what is missing, so a second run
 * creates nothing: an account that exists is signed in to, follows already made and posts
 * already written are counted and left alone.
 */
public final class Seeder {

	static final int PAGE = 100;

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(30);

	private final SeedClient users;

	private final SeedClient graph;

	private final SeedClient posts;

	private final int concurrency;

	private final PrintStream out;

	/**
	 * A seeder for the services at the given addresses.
	 * @param urls where the services listen
	 * @param concurrency how many requests may be in flight at once
	 * @param out where progress is printed
	 */
	public Seeder(ServiceUrls urls, int concurrency, PrintStream out) {
		this(urls, concurrency, out, RetryPolicy.DEFAULT);
	}

	Seeder(ServiceUrls urls, int concurrency, PrintStream out, RetryPolicy retries) {
		HttpClient http = SeedClient.newHttpClient();
		this.users = new SeedClient(http, "user-service", urls.user(), retries);
		this.graph = new SeedClient(http, "graph-service", urls.graph(), retries);
		this.posts = new SeedClient(http, "post-service", urls.post(), retries);
		this.concurrency = concurrency;
		this.out = out;
	}

	/**
	 * Seeds the graph: one account per node, named the handle prefix followed by the node
	 * id, all with the same password.
	 * @param graph the people and their friendships
	 * @param handlePrefix what each handle starts with, such as {@code reed_}
	 * @param password every account's password
	 * @param postsPerUser how many posts each person should have
	 * @return what was done
	 * @throws SeedException if a service refuses a request or stops answering
	 */
	public SeedReport seed(SocialGraph graph, String handlePrefix, String password, int postsPerUser) {
		Map<Integer, Account> accounts = new ConcurrentHashMap<>();
		Progress registering = new Progress(this.out, "users", graph.nodes().size(), PROGRESS_INTERVAL);
		forEach(graph.nodes(), (node) -> {
			Account account = signUp(node, handlePrefix + node, password);
			accounts.put(node, account);
			registering.add(1, account.created);
		});
		SeedReport.Step users = registering.finish();

		Progress following = new Progress(this.out, "follows", graph.follows(), PROGRESS_INTERVAL);
		List<Integer> busiestFirst = graph.nodes()
			.stream()
			.sorted(Comparator.comparingInt(graph::degree).reversed())
			.toList();
		forEach(busiestFirst, (node) -> followFriends(accounts.get(node),
				graph.neighbours(node).stream().map(accounts::get).toList(), following));
		SeedReport.Step follows = following.finish();

		SeedReport.Step written = writePosts(graph, accounts, postsPerUser);

		Account sample = accounts.get(graph.bestConnected());
		return new SeedReport(users, follows, written,
				new SeedReport.SampleUser(sample.handle, sample.id, graph.degree(sample.node)));
	}

	private Account signUp(int node, String handle, String password) {
		Reply registered = this.users.post("/api/v1/auth/register",
				Map.of("handle", handle, "email", handle.toLowerCase(Locale.ROOT) + "@seed.murmur.example", "password",
						password, "displayName", SeedContent.displayName(node)),
				null, 201, 409);
		Account account = new Account(node, handle, password, registered.status() == 201);
		account.token = signIn(handle, password);
		account.id = account.created ? registered.text("id")
				: this.users.get("/api/v1/users/by-handle/" + handle, account.token, 200).text("id");
		return account;
	}

	private String signIn(String handle, String password) {
		Reply login = this.users.post("/api/v1/auth/login", Map.of("login", handle, "password", password), null, 200,
				401);
		if (login.status() == 401) {
			throw new SeedException("The account " + handle + " exists with another password than the one"
					+ " given. Pass the password of the earlier seeding with --password, or seed empty stores"
					+ " (./platform down, then ./platform up).");
		}
		return login.text("accessToken");
	}

	private void followFriends(Account follower, List<Account> friends, Progress progress) {
		Set<String> followed = new HashSet<>();
		forEachPage(this.graph, "/api/v1/users/" + follower.id + "/following", follower,
				(item) -> followed.add(item.path("id").asText()));
		int existing = (int) friends.stream().filter((friend) -> followed.contains(friend.id)).count();
		progress.add(existing, false);
		for (Account friend : friends) {
			if (!followed.contains(friend.id)) {
				authorized(follower,
						(token) -> this.graph.post("/api/v1/users/" + friend.id + "/follow", null, token, 204, 401));
				progress.add(1, true);
			}
		}
	}

	/**
	 * Writes the missing posts in rounds, everyone's first post before anyone's second,
	 * so that home feeds interleave authors as they would in real life.
	 */
	private SeedReport.Step writePosts(SocialGraph graph, Map<Integer, Account> accounts, int postsPerUser) {
		Progress posting = new Progress(this.out, "posts", graph.nodes().size() * postsPerUser, PROGRESS_INTERVAL);
		if (postsPerUser == 0) {
			return posting.finish();
		}
		Map<Integer, Integer> existing = new ConcurrentHashMap<>();
		forEach(graph.nodes(), (node) -> {
			Account author = accounts.get(node);
			Reply page = authorized(author, (token) -> this.posts
				.get("/api/v1/users/" + author.id + "/posts?limit=" + Math.min(postsPerUser, PAGE), token, 200, 401));
			int count = Math.min(postsPerUser, page.body().path("items").size());
			existing.put(node, count);
			posting.add(count, false);
		});
		List<Integer> order = new ArrayList<>(graph.nodes());
		Collections.shuffle(order, new Random(postsPerUser));
		List<Runnable> writes = new ArrayList<>();
		for (int index = 0; index < postsPerUser; index++) {
			for (int node : order) {
				if (index >= existing.get(node)) {
					writes.add(writePost(graph, accounts, node, index, posting));
				}
			}
		}
		forEach(writes, Runnable::run);
		return posting.finish();
	}

	private Runnable writePost(SocialGraph graph, Map<Integer, Account> accounts, int node, int index,
			Progress progress) {
		Account author = accounts.get(node);
		List<Integer> friends = List.copyOf(graph.neighbours(node));
		String friend = friends.isEmpty() ? author.handle : accounts.get(friends.get(index % friends.size())).handle;
		String text = SeedContent.post(node, index, friend);
		return () -> {
			authorized(author, (token) -> this.posts.post("/api/v1/posts", Map.of("text", text), token, 201, 401));
			progress.add(1, true);
		};
	}

	private void forEachPage(SeedClient client, String path, Account account, Consumer<JsonNode> action) {
		String cursor = null;
		do {
			String query = "?limit=" + PAGE + ((cursor != null) ? "&cursor=" + cursor : "");
			Reply page = authorized(account, (token) -> client.get(path + query, token, 200, 401));
			page.body().path("items").forEach(action);
			JsonNode next = page.body().path("nextCursor");
			cursor = (next.isTextual() && !next.asText().isEmpty())
					? URLEncoder.encode(next.asText(), StandardCharsets.UTF_8) : null;
		}
		while (cursor != null);
	}

	/**
	 * Sends a request with the account's access token, signing in again once if the token
	 * has expired, as it does after 15 minutes of a long seeding.
	 */
	private Reply authorized(Account account, Request request) {
		String token = account.token;
		Reply reply = request.send(token);
		if (reply.status() != 401) {
			return reply;
		}
		account.renew(token, () -> signIn(account.handle, account.password));
		reply = request.send(account.token);
		if (reply.status() == 401) {
			throw new SeedException(
					"The services refuse a fresh access token of " + account.handle + ": " + reply.body());
		}
		return reply;
	}

	/**
	 * Runs an action for every item, at most {@link #concurrency} at once, each on a
	 * virtual thread. The first failure stops new items from starting and is thrown once
	 * the running ones are done.
	 */
	private <T> void forEach(Collection<T> items, Consumer<T> action) {
		Semaphore permits = new Semaphore(this.concurrency);
		AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (T item : items) {
				permits.acquireUninterruptibly();
				if (failure.get() != null) {
					permits.release();
					break;
				}
				executor.execute(() -> {
					try {
						action.accept(item);
					}
					catch (RuntimeException ex) {
						failure.compareAndSet(null, ex);
					}
					finally {
						permits.release();
					}
				});
			}
		}
		RuntimeException failed = failure.get();
		if (failed != null) {
			throw failed;
		}
	}

	@FunctionalInterface
	private interface Request {

		Reply send(String token);

	}

	/**
	 * A seeded person's account and current access token.
	 */
	private static final class Account {

		private final int node;

		private final String handle;

		private final String password;

		private final boolean created;

		private String id = "";

		private volatile String token = "";

		Account(int node, String handle, String password, boolean created) {
			this.node = node;
			this.handle = handle;
			this.password = password;
			this.created = created;
		}

		/**
		 * Replaces an expired token, once, however many requests found it expired.
		 */
		synchronized void renew(String expired, Supplier<String> signIn) {
			if (this.token.equals(expired)) {
				this.token = signIn.get();
			}
		}

	}

}
