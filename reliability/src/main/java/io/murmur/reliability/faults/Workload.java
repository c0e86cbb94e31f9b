package io.murmur.reliability.faults;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.murmur.reliability.faults.Ledger.Follow;
import io.murmur.reliability.faults.Ledger.Like;
import io.murmur.reliability.faults.Ledger.Post;
import io.murmur.reliability.faults.PublicApi.Account;
import io.murmur.reliability.faults.PublicApi.Answer;

/**
 * A steady mixed workload through the gateway, open-loop: a request leaves every tick
 * whether or not the ones before it have been answered, so that a route that hangs cannot
 * slow the others down. People register, follow, post (some with a photo), reply, like,
 * read their feeds and notifications, and search; a few keep their live notification
 * stream open throughout ({@link NotificationStreams}). Every write the platform
 * acknowledges goes into the {@link Ledger}.
 */
public final class Workload implements AutoCloseable {

	private final PublicApi api;

	private final Ledger ledger;

	private final Settings settings;

	private final Random random;

	private final String run;

	private final AtomicInteger sequence = new AtomicInteger();

	private final AtomicLong dropped = new AtomicLong();

	private final Semaphore inFlight = new Semaphore(64);

	private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

	private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();

	private final List<Account> people = new ArrayList<>();

	private final NotificationStreams streams;

	/**
	 * A workload.
	 * @param api the client everything is sent through
	 * @param ledger where acknowledged writes go
	 * @param settings how it behaves
	 * @param streams where the first {@link Settings#streamers()} people keep their
	 * stream open; the caller closes it, after the check
	 */
	public Workload(PublicApi api, Ledger ledger, Settings settings, NotificationStreams streams) {
		this.api = api;
		this.ledger = ledger;
		this.settings = settings;
		this.streams = streams;
		this.random = new Random(settings.seed());
		this.run = letters(Math.floorMod(settings.seed(), 26L * 26 * 26 * 26), 4);
	}

	/**
	 * Registers the first people, opens the streams, and has each follow a few others,
	 * before any fault: the social graph everything else happens in. The streams open
	 * before the first follow, so that they see every notification.
	 * @throws IllegalStateException if the platform does not acknowledge it
	 */
	public void setUp() {
		for (int i = 0; i < this.settings.people(); i++) {
			Account account = retried("a registration", () -> this.api.register(handle()));
			this.ledger.account(account);
			this.people.add(account);
		}
		this.people.stream().limit(this.settings.streamers()).forEach(this.streams::open);
		for (Account follower : this.people) {
			for (int i = 0; i < this.settings.followsEach(); i++) {
				Account followee = someoneElse(follower);
				if (this.ledger.claim("follow", follower.id(), followee.id())) {
					retried("a follow",
							() -> (this.api.follow(follower, followee.id()).status() == 204) ? followee : null);
					this.ledger.follow(new Follow(follower, followee, this.api.log().now()), true);
				}
			}
		}
	}

	/**
	 * Asks again, as a client would, when a set-up step is not acknowledged: the platform
	 * may be slow to warm up on a loaded machine. A follow asked twice must still count
	 * once, which the checker verifies.
	 */
	private static <T> T retried(String what, java.util.function.Supplier<@Nullable T> step) {
		for (int attempt = 1; attempt <= 5; attempt++) {
			T done = step.get();
			if (done != null) {
				return done;
			}
			pause(Duration.ofSeconds(2L * attempt));
		}
		throw new IllegalStateException("The platform did not take " + what + " before any fault, in 5 attempts");
	}

	/**
	 * Starts sending, {@link Settings#perSecond()} requests a second, until
	 * {@link #close()}.
	 */
	public void start() {
		long period = Math.max(1, 1_000_000 / this.settings.perSecond());
		this.ticks.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.MICROSECONDS);
	}

	/**
	 * How many requests were not sent because 64 were already waiting for an answer.
	 * @return the count
	 */
	public long dropped() {
		return this.dropped.get();
	}

	private void tick() {
		if (!this.inFlight.tryAcquire()) {
			this.dropped.incrementAndGet();
			return;
		}
		int pick;
		synchronized (this.random) {
			pick = this.random.nextInt(100);
		}
		this.requests.execute(() -> {
			try {
				act(pick);
			}
			catch (RuntimeException ex) {
				// An answer the workload could not read counts as no answer; the call log
				// has it.
			}
			finally {
				this.inFlight.release();
			}
		});
	}

	private void act(int pick) {
		Account someone = anyone();
		if (pick < 22) {
			post(someone, null);
		}
		else if (pick < 30) {
			Post parent = anyPost();
			if (parent != null && !parent.author().id().equals(someone.id())) {
				post(someone, parent);
			}
		}
		else if (pick < 50) {
			like(someone);
		}
		else if (pick < 72) {
			this.api.feed(someone, null, 20);
		}
		else if (pick < 82) {
			this.api.search(someone, "calm", 20);
		}
		else if (pick < 90) {
			this.api.unreadCount(someone);
		}
		else if (pick < 97) {
			follow(someone, someoneElse(someone));
		}
		else {
			Account newcomer = this.api.register(handle());
			if (newcomer != null) {
				this.ledger.account(newcomer);
				synchronized (this.people) {
					this.people.add(newcomer);
				}
				follow(newcomer, someoneElse(newcomer));
			}
		}
	}

	private void post(Account author, @Nullable Post parent) {
		String mediaId = null;
		if (parent == null && chance(this.settings.photoShare())) {
			mediaId = readyPhoto(author);
			if (mediaId == null) {
				return;
			}
		}
		String token = "rl" + this.run + letters(this.sequence.getAndIncrement(), 6);
		String text = "A calm day, note " + token + ((parent != null) ? " in reply" : "");
		Answer answer = this.api.post(author, text, (mediaId != null) ? List.of(mediaId) : List.of(),
				(parent != null) ? parent.id() : null);
		if (answer.status() == 201) {
			this.ledger
				.post(new Post(answer.json().get("id").asString(), author, token, (parent != null) ? parent.id() : null,
						(parent != null) ? parent.author() : null, mediaId, this.api.log().now()));
		}
		else if (answer.unknownOutcome()) {
			this.ledger.unknownPost(token);
		}
	}

	private @Nullable String readyPhoto(Account owner) {
		Answer uploaded = this.api.upload(owner, photo());
		if (uploaded.status() != 201 && uploaded.status() != 202) {
			return null;
		}
		String id = uploaded.json().get("id").asString();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		JsonNode media = uploaded.json();
		while (!"ready".equals(media.path("state").asString("")) && System.nanoTime() < deadline) {
			pause(Duration.ofMillis(500));
			Answer state = this.api.media(owner, id);
			if (state.status() == 200 || state.status() == 206) {
				media = state.json();
			}
		}
		return "ready".equals(media.path("state").asString("")) ? id : null;
	}

	private void like(Account liker) {
		Post post = anyPost();
		if (post == null || post.author().id().equals(liker.id())
				|| !this.ledger.claim("like", liker.id(), post.id())) {
			return;
		}
		Answer answer = this.api.like(liker, post.id());
		if (answer.status() == 204 || answer.unknownOutcome()) {
			this.ledger.like(new Like(liker, post), answer.status() == 204);
		}
	}

	private void follow(Account follower, Account followee) {
		if (!this.ledger.claim("follow", follower.id(), followee.id())) {
			return;
		}
		Answer answer = this.api.follow(follower, followee.id());
		if (answer.status() == 204 || answer.unknownOutcome()) {
			this.ledger.follow(new Follow(follower, followee, this.api.log().now()), answer.status() == 204);
		}
	}

	private Account anyone() {
		synchronized (this.people) {
			synchronized (this.random) {
				return this.people.get(this.random.nextInt(this.people.size()));
			}
		}
	}

	private Account someoneElse(Account who) {
		synchronized (this.people) {
			synchronized (this.random) {
				Account other;
				do {
					other = this.people.get(this.random.nextInt(Math.min(this.people.size(), this.settings.people())));
				}
				while (other.id().equals(who.id()));
				return other;
			}
		}
	}

	private @Nullable Post anyPost() {
		List<Post> posts = this.ledger.posts();
		if (posts.isEmpty()) {
			return null;
		}
		int recent = Math.min(posts.size(), 200);
		synchronized (this.random) {
			return posts.get(posts.size() - 1 - this.random.nextInt(recent));
		}
	}

	private boolean chance(double share) {
		synchronized (this.random) {
			return this.random.nextDouble() < share;
		}
	}

	private byte[] photo() {
		BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
		int seed;
		synchronized (this.random) {
			seed = this.random.nextInt();
		}
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				image.setRGB(x, y, (x * 3 + seed) << 16 | (y * 5 + seed) << 8 | ((x ^ y) + seed) & 0xff);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private String handle() {
		return "rl" + this.run + letters(this.sequence.getAndIncrement(), 6);
	}

	private static String letters(long value, int width) {
		char[] out = new char[width];
		for (int i = width - 1; i >= 0; i--) {
			out[i] = (char) ('a' + (value % 26));
			value /= 26;
		}
		return new String(out);
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops sending and waits a little for the answers still due.
	 */
	@Override
	public void close() {
		this.ticks.shutdownNow();
		this.requests.shutdown();
		try {
			this.requests.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * How the workload behaves.
	 *
	 * @param seed what every random choice follows
	 * @param people how many people register before the load starts
	 * @param followsEach how many others each of them follows
	 * @param perSecond requests per second
	 * @param photoShare the share of posts that carry a photo
	 * @param streamers how many of the people keep their notification stream open
	 */
	public record Settings(long seed, int people, int followsEach, int perSecond, double photoShare, int streamers) {

	}

}
