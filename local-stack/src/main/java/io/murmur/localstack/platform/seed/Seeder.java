package io.murmur.localstack.platform.seed;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

import io.murmur.localstack.graph.SocialGraph;
import io.murmur.localstack.platform.seed.SeedClient.Reply;
import io.murmur.localstack.platform.seed.SeedClient.RetryPolicy;

/**
 * Loads a {@link SocialGraph} into running services. The accounts and the follows go in
 * through the operators' import endpoints of user-service and graph-service, with a
 * service token: registering one account at a time would hash the shared password with
 * Argon2id once per person, on purpose slow, where the import takes one hash computed
 * here. The posts go the way people write them: each author signs in at user-service and
 * posts at post-service, after the follows, so that the posts reach the followers' home
 * feeds through the usual events.
 * <p>
 * Every step first looks at what is already there and does only what is missing, so a
 * second run creates nothing: the imports leave existing accounts and follows alone and
 * say so, and the posts already written are counted through post-service's internal
 * timeline read, so that a run with nothing left to write signs nobody in.
 */
public final class Seeder {

	static final int MAX_POSTS_PER_USER = 100;

	/** The most users user-service imports in one call. */
	private static final int USER_BATCH = 1000;

	/** The most follows graph-service imports in one call. */
	private static final int FOLLOW_BATCH = 5000;

	/**
	 * The most timeline entries post-service returns in one call, and authors it reads.
	 */
	private static final int TIMELINE_LIMIT = 1000;

	/**
	 * Import calls at once: graph-service locks every user of a batch, so more concurrent
	 * batches mostly wait for each other.
	 */
	private static final int IMPORTS_AT_ONCE = 2;

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(30);

	private final SeedClient users;

	private final SeedClient graph;

	private final SeedClient posts;

	private final ServiceToken serviceToken;

	private final int concurrency;

	private final PrintStream out;

	/**
	 * A seeder for the services at the given addresses.
	 * @param urls where the services listen
	 * @param client the service client the imports are made as
	 * @param concurrency how many requests may be in flight at once
	 * @param out where progress is printed
	 */
	public Seeder(ServiceUrls urls, ClientCredentials client, int concurrency, PrintStream out) {
		this(urls, client, concurrency, out, RetryPolicy.DEFAULT);
	}

	Seeder(ServiceUrls urls, ClientCredentials client, int concurrency, PrintStream out, RetryPolicy retries) {
		HttpClient http = SeedClient.newHttpClient();
		this.users = new SeedClient(http, "user-service", urls.user(), retries);
		this.graph = new SeedClient(http, "graph-service", urls.graph(), retries);
		this.posts = new SeedClient(http, "post-service", urls.post(), retries);
		this.serviceToken = new ServiceToken(this.users, client);
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
		SeedReport.Step users = importUsers(graph, handlePrefix, password, accounts);
		SeedReport.Step follows = importFollows(graph, accounts);
		SeedReport.Step written = writePosts(graph, accounts, password, postsPerUser);
		Account sample = accounts.get(graph.bestConnected());
		return new SeedReport(users, follows, written,
				new SeedReport.SampleUser(sample.handle, Long.toString(sample.id), graph.degree(sample.node)));
	}

	private SeedReport.Step importUsers(SocialGraph graph, String handlePrefix, String password,
			Map<Integer, Account> accounts) {
		String passwordHash = SeedPassword.hash(password);
		Progress progress = new Progress(this.out, "users", graph.nodes().size(), PROGRESS_INTERVAL);
		forEach(batches(graph.nodes(), USER_BATCH), IMPORTS_AT_ONCE, (nodes) -> {
			List<Map<String, String>> batch = new ArrayList<>();
			for (int node : nodes) {
				String handle = handlePrefix + node;
				batch.add(Map.of("handle", handle, "email", handle.toLowerCase(Locale.ROOT) + "@seed.murmur.example",
						"displayName", SeedContent.displayName(node), "passwordHash", passwordHash));
			}
			JsonNode imported = this.users
				.post("/internal/users/import", Map.of("users", batch), this.serviceToken.get(), 200)
				.body()
				.path("users");
			int created = 0;
			for (int i = 0; i < nodes.size(); i++) {
				JsonNode user = imported.path(i);
				Account account = new Account(nodes.get(i), user.path("handle").asText(), user.path("id").asLong(),
						user.path("created").asBoolean());
				accounts.put(account.node, account);
				created += account.created ? 1 : 0;
			}
			progress.add(created, true);
			progress.add(nodes.size() - created, false);
		});
		return progress.finish();
	}

	private SeedReport.Step importFollows(SocialGraph graph, Map<Integer, Account> accounts) {
		List<Map<String, Long>> follows = new ArrayList<>();
		for (int node : graph.nodes()) {
			for (int friend : graph.neighbours(node)) {
				follows.add(Map.of("followerId", accounts.get(node).id, "followeeId", accounts.get(friend).id));
			}
		}
		Progress progress = new Progress(this.out, "follows", follows.size(), PROGRESS_INTERVAL);
		forEach(batches(follows, FOLLOW_BATCH), IMPORTS_AT_ONCE, (batch) -> {
			int created = this.graph
				.post("/internal/follows/import", Map.of("follows", batch), this.serviceToken.get(), 200)
				.body()
				.path("created")
				.asInt();
			progress.add(created, true);
			progress.add(batch.size() - created, false);
		});
		return progress.finish();
	}

	/**
	 * Writes the missing posts in rounds, everyone's first post before anyone's second,
	 * so that home feeds interleave authors as they would in real life. Only the authors
	 * with a post to write sign in.
	 */
	private SeedReport.Step writePosts(SocialGraph graph, Map<Integer, Account> accounts, String password,
			int postsPerUser) {
		if (postsPerUser == 0) {
			return new Progress(this.out, "posts", 0, PROGRESS_INTERVAL).finish();
		}
		Map<Integer, Integer> existing = countPosts(graph, accounts, postsPerUser);
		List<Integer> authors = graph.nodes().stream().filter((node) -> existing.get(node) < postsPerUser).toList();
		if (!authors.isEmpty()) {
			Progress signingIn = new Progress(this.out, "sign-ins", authors.size(), PROGRESS_INTERVAL, "signed in");
			forEach(authors, this.concurrency, (node) -> {
				Account author = accounts.get(node);
				author.token = signIn(author.handle, password);
				signingIn.add(1, true);
			});
			signingIn.finish();
		}
		Progress posting = new Progress(this.out, "posts", graph.nodes().size() * postsPerUser, PROGRESS_INTERVAL);
		posting.add(existing.values().stream().mapToInt(Integer::intValue).sum(), false);
		List<Integer> order = new ArrayList<>(authors);
		Collections.shuffle(order, new Random(postsPerUser));
		List<Runnable> writes = new ArrayList<>();
		for (int index = 0; index < postsPerUser; index++) {
			for (int node : order) {
				if (index >= existing.get(node)) {
					writes.add(writePost(graph, accounts, node, index, password, posting));
				}
			}
		}
		forEach(writes, this.concurrency, Runnable::run);
		return posting.finish();
	}

	/**
	 * How many posts each person has, up to {@code postsPerUser}, read for many authors
	 * at once. post-service merges their timelines and cuts the result at the limit
	 * asked; a cut answer may leave someone's posts out, so that group is read again in
	 * halves.
	 */
	private Map<Integer, Integer> countPosts(SocialGraph graph, Map<Integer, Account> accounts, int postsPerUser) {
		Map<Integer, Integer> counts = new ConcurrentHashMap<>();
		int authorsPerCall = Math.max(1, (TIMELINE_LIMIT - 1) / postsPerUser);
		forEach(batches(graph.nodes(), authorsPerCall), this.concurrency,
				(nodes) -> countPosts(nodes, accounts, postsPerUser, counts));
		return counts;
	}

	private void countPosts(List<Integer> nodes, Map<Integer, Account> accounts, int postsPerUser,
			Map<Integer, Integer> counts) {
		int limit = (nodes.size() == 1) ? postsPerUser : nodes.size() * postsPerUser + 1;
		Map<String, Integer> byAuthor = new HashMap<>();
		List<String> ids = nodes.stream().map((node) -> Long.toString(accounts.get(node).id)).toList();
		JsonNode entries = this.posts
			.post("/internal/posts/timelines", Map.of("authorIds", ids, "limit", limit), this.serviceToken.get(), 200)
			.body()
			.path("items");
		if (entries.size() >= limit && nodes.size() > 1) {
			countPosts(nodes.subList(0, nodes.size() / 2), accounts, postsPerUser, counts);
			countPosts(nodes.subList(nodes.size() / 2, nodes.size()), accounts, postsPerUser, counts);
			return;
		}
		for (JsonNode entry : entries) {
			if (entry.path("repostOf").isNull() || entry.path("repostOf").isMissingNode()) {
				byAuthor.merge(entry.path("authorId").asText(), 1, Integer::sum);
			}
		}
		for (int node : nodes) {
			counts.put(node, Math.min(postsPerUser, byAuthor.getOrDefault(Long.toString(accounts.get(node).id), 0)));
		}
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

	private Runnable writePost(SocialGraph graph, Map<Integer, Account> accounts, int node, int index, String password,
			Progress progress) {
		Account author = accounts.get(node);
		List<Integer> friends = List.copyOf(graph.neighbours(node));
		String friend = friends.isEmpty() ? author.handle : accounts.get(friends.get(index % friends.size())).handle;
		String text = SeedContent.post(node, index, friend);
		return () -> {
			String token = author.token;
			if (this.posts.post("/api/v1/posts", Map.of("text", text), token, 201, 401).status() == 401) {
				author.renew(token, () -> signIn(author.handle, password));
				this.posts.post("/api/v1/posts", Map.of("text", text), author.token, 201);
			}
			progress.add(1, true);
		};
	}

	private static <T> List<List<T>> batches(List<T> items, int size) {
		List<List<T>> batches = new ArrayList<>();
		for (int from = 0; from < items.size(); from += size) {
			batches.add(items.subList(from, Math.min(items.size(), from + size)));
		}
		return batches;
	}

	/**
	 * Runs an action for every item, at most {@code atOnce} at a time, each on a virtual
	 * thread. The first failure stops new items from starting and is thrown once the
	 * running ones are done.
	 */
	private static <T> void forEach(Collection<T> items, int atOnce, Consumer<T> action) {
		Semaphore permits = new Semaphore(atOnce);
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

	/**
	 * A seeded person's account and, once signed in, their access token.
	 */
	private static final class Account {

		private final int node;

		private final String handle;

		private final long id;

		private final boolean created;

		private volatile @Nullable String token;

		Account(int node, String handle, long id, boolean created) {
			this.node = node;
			this.handle = handle;
			this.id = id;
			this.created = created;
		}

		/**
		 * Replaces a token post-service refused, as it does once it expires after 15
		 * minutes, once however many requests found it expired.
		 */
		synchronized void renew(@Nullable String expired, Supplier<String> signIn) {
			if (Objects.equals(this.token, expired)) {
				this.token = signIn.get();
			}
		}

	}

}
