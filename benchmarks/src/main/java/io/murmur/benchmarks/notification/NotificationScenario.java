package io.murmur.benchmarks.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.benchmarks.graph.FollowGraph;
import io.murmur.benchmarks.load.GatlingRunner;
import io.murmur.benchmarks.load.LatencySample;
import io.murmur.benchmarks.platform.BenchmarkPlatform;
import io.murmur.benchmarks.platform.GraphLoader;
import io.murmur.benchmarks.platform.GraphLoader.LoadedGraph;
import io.murmur.benchmarks.platform.Http;
import io.murmur.benchmarks.report.Settling;
import io.murmur.benchmarks.simulation.FeedWorkloadSimulation;
import io.murmur.benchmarks.simulation.WorkloadSettings;
import io.murmur.events.EventSerializer;
import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.post.PostLiked;

/**
 * Notifications under load, once per repetition, each with an author of its own:
 * <ol>
 * <li><b>Burst</b>: one post liked by {@code burstLikes} distinct users at once. The
 * likes are published to Kafka as post-service publishes them (keyed by the author), so
 * the figure is notification-service's and not post-service's like path: notifications
 * stored per second, from the first like published to the author's unread count (kept
 * with every stored notification) reaching the burst.</li>
 * <li><b>Reads</b>: the author, with the burst grouped on their first page, reads that
 * page and the unread count through the gateway, each at {@code readRate} requests per
 * second (within the gateway's read budget of one user).</li>
 * <li><b>Stream lag</b>: {@code probes} authors keep their stream open through the
 * gateway while the mixed workload (60% feed reads, 30% timeline reads, 10% posts, at
 * {@code backgroundRate}) runs; a liker of each likes (and then unlikes) one of their
 * posts every {@code probeInterval}. Lag is from the like's 204 to the event on the
 * author's stream.</li>
 * </ol>
 *
 * @param repetitions how many measurements
 * @param burstLikes the likes of one burst
 * @param readRate page and unread-count reads per second each
 * @param warmUp the warm-up of the reads and of the background load
 * @param duration how long the reads and the probes are measured
 * @param backgroundRate the mixed workload's arrival rate
 * @param probes how many authors stream
 * @param probeInterval how often each probe likes
 */
public record NotificationScenario(int repetitions, int burstLikes, double readRate, Duration warmUp, Duration duration,
		double backgroundRate, int probes, Duration probeInterval) {

	private static final Logger logger = LoggerFactory.getLogger(NotificationScenario.class);

	/** The accounts of the mixed background load. */
	static final int BACKGROUND_USERS = 20;

	/**
	 * Measures.
	 * @param platform the platform, notification-service started
	 * @param loader imports the scenario's users
	 * @param gatling runs the background load
	 * @param work where to write the background load's inputs
	 * @param settling waits for the machine before each measurement
	 * @return one sample per repetition
	 */
	public List<Sample> run(BenchmarkPlatform platform, GraphLoader loader, GatlingRunner gatling, Path work,
			Settling settling) {
		int likers = this.burstLikes;
		int authors = this.repetitions;
		int users = likers + authors + BACKGROUND_USERS + 2 * this.probes;
		LoadedGraph loaded = loader.load(new FollowGraph("notifications", users, new int[0], new int[0]), "nt_");
		List<Integer> actors = IntStream.range(likers, users).boxed().toList();
		List<String> signedIn = loader.signIn(loaded, actors);
		Tokens tokens = new Tokens(actors, signedIn);
		List<Integer> background = IntStream.range(likers + authors, likers + authors + BACKGROUND_USERS)
			.boxed()
			.toList();
		int firstProbe = likers + authors + BACKGROUND_USERS;
		Path readers = write(work.resolve("notification-readers.txt"), background.stream().map(tokens::of).toList());
		Path timelines = write(work.resolve("notification-authors.txt"),
				background.stream().map((user) -> Long.toString(loaded.id(user))).toList());
		URI gateway = platform.gatewayUrl();
		List<Sample> samples = new ArrayList<>();
		for (int i = 0; i < this.repetitions; i++) {
			int author = likers + i;
			settling.await("the notification burst " + (i + 1));
			double stored = burst(platform, loaded, author, tokens.of(author));
			Measured page = Latencies.of(gateway.resolve("/api/v1/notifications?limit=20"), tokens.of(author),
					this.readRate, this.warmUp, this.duration);
			Measured unread = Latencies.of(gateway.resolve("/api/v1/notifications/unread-count"), tokens.of(author),
					this.readRate, this.warmUp, this.duration);
			settling.await("the notification stream lag " + (i + 1));
			GatlingRunner.Running load = gatling.start(FeedWorkloadSimulation.class,
					WorkloadSettings
						.mixed(gateway.toString(), this.backgroundRate, this.warmUp, this.duration.plusSeconds(5),
								readers, timelines)
						.toJvmArguments(),
					"notification-background-" + (i + 1), this.warmUp.plus(this.duration));
			List<Double> lags = streamLags(gateway, loaded, tokens, firstProbe);
			LatencySample backgroundLoad = load.await();
			Sample sample = new Sample(this.burstLikes, stored, page, unread, Measured.of(lags, 0), backgroundLoad);
			logger.info(
					"Notifications {}: {} stored/s; first page p99 {} ms; unread count p99 {} ms; stream lag "
							+ "p50 {} ms, p99 {} ms ({} likes); background p99 {} ms",
					i + 1, Math.round(stored), page.p99(), unread.p99(), sample.streamLag().p50(),
					sample.streamLag().p99(), lags.size(), backgroundLoad.p99());
			samples.add(sample);
		}
		return samples;
	}

	/**
	 * Publishes the burst and waits until it is stored.
	 * @return notifications stored per second
	 */
	private double burst(BenchmarkPlatform platform, LoadedGraph loaded, int author, String token) {
		long authorId = loaded.id(author);
		long post = Long.parseLong(
				Http.post(platform.gatewayUrl().resolve("/api/v1/posts"), Map.of("text", "Going viral"), token, 201)
					.path("id")
					.asString());
		URI unread = platform.notificationServiceUrl().resolve("/api/v1/notifications/unread-count");
		Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
		long started;
		try (KafkaProducer<String, MurmurEvent> producer = new KafkaProducer<>(settings, new StringSerializer(),
				new EventSerializer())) {
			started = System.nanoTime();
			for (int liker = 0; liker < this.burstLikes; liker++) {
				producer.send(new ProducerRecord<>(Topics.POST, Long.toString(authorId),
						new PostLiked(UUID.randomUUID(), Instant.now(), post, authorId, loaded.id(liker))));
			}
			producer.flush();
		}
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (Http.get(unread, token, 200).path("count").asLong() < this.burstLikes) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The burst was not stored within 10 minutes");
			}
			LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
		}
		return this.burstLikes / ((System.nanoTime() - started) / 1e9);
	}

	private List<Double> streamLags(URI gateway, LoadedGraph loaded, Tokens tokens, int firstProbe) {
		List<Double> lags = Collections.synchronizedList(new ArrayList<>());
		List<Thread> probes = new ArrayList<>();
		for (int p = 0; p < this.probes; p++) {
			int author = firstProbe + 2 * p;
			int liker = author + 1;
			long offset = p * this.probeInterval.toMillis() / this.probes;
			probes.add(Thread.ofVirtual()
				.start(() -> probe(gateway, tokens.of(author), tokens.of(liker), Duration.ofMillis(offset), lags)));
		}
		for (Thread probe : probes) {
			try {
				probe.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return List.copyOf(lags);
	}

	private void probe(URI gateway, String authorToken, String likerToken, Duration offset, List<Double> lags) {
		String post = Http.post(gateway.resolve("/api/v1/posts"), Map.of("text", "Stream me"), authorToken, 201)
			.path("id")
			.asString();
		URI like = gateway.resolve("/api/v1/posts/" + post + "/like");
		try (StreamProbe stream = new StreamProbe(gateway, authorToken)) {
			LockSupport.parkNanos(this.warmUp.plus(offset).toNanos());
			long end = System.nanoTime() + this.duration.toNanos();
			while (System.nanoTime() < end) {
				long next = System.nanoTime() + this.probeInterval.toNanos();
				stream.drain();
				Http.post(like, Map.of(), likerToken, 204);
				long acknowledged = System.nanoTime();
				long arrived = stream.next(Duration.ofSeconds(30));
				if (arrived < 0) {
					throw new IllegalStateException("A like did not reach its author's stream within 30 s");
				}
				lags.add(Math.max(0, arrived - acknowledged) / 1e6);
				Http.delete(like, likerToken, 204);
				long wait = next - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
			}
		}
	}

	private static Path write(Path file, List<String> lines) {
		try {
			Files.createDirectories(file.getParent());
			return Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The access tokens of the users that act through the gateway, by index.
	 */
	private record Tokens(List<Integer> users, List<String> tokens) {

		String of(int user) {
			int index = this.users.indexOf(user);
			if (index < 0) {
				throw new IllegalStateException("User " + user + " was not signed in");
			}
			return this.tokens.get(index);
		}

	}

	/**
	 * One repetition.
	 *
	 * @param burstLikes the likes of the burst
	 * @param storedPerSecond notifications stored per second during the burst
	 * @param firstPage the author's first page through the gateway
	 * @param unreadCount the author's unread count through the gateway
	 * @param streamLag like acknowledged to event on the stream
	 * @param background the mixed workload that ran meanwhile
	 */
	public record Sample(int burstLikes, double storedPerSecond, Measured firstPage, Measured unreadCount,
			Measured streamLag, LatencySample background) {

	}

}
