package io.murmur.benchmarks.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.benchmarks.platform.Accounts;
import io.murmur.benchmarks.platform.BenchmarkPlatform;
import io.murmur.benchmarks.platform.Command;

/**
 * The media scenario, in two parts.
 * <ol>
 * <li><b>Processing rate.</b> media-service's own {@code ProcessingRate}, run from the
 * service's jar in a JVM with the service's options ({@value #HEAP}, serial GC): a 12 MP
 * JPEG taken to all its variants (type detection, header check, decode, orientation,
 * sRGB, three resized variants encoded without metadata, blurhash) per second, next to
 * the same libraries merely decoding and resizing it to the same sizes, alternating
 * rounds. The ratio of the two is the figure: what the pipeline keeps of the rate no
 * pipeline can beat.</li>
 * <li><b>Upload to ready.</b> The same photo uploaded through the gateway, one upload at
 * a time, each timed from the request until the media is ready: the 201 when it is
 * processed in the request, or the first {@code GET} answering 200 after a 202.</li>
 * </ol>
 *
 * @param processingSeconds how long the processing rate is measured, both workloads
 * together, warm-up apart
 * @param rounds the rounds it alternates the two workloads in
 * @param uploads the uploads timed per repetition
 * @param repetitions the repetitions of the whole scenario
 */
public record MediaScenario(Duration processingSeconds, int rounds, int uploads, int repetitions) {

	/** The heap media-service runs with on the platform. */
	static final String HEAP = "-Xmx384m";

	private static final Logger logger = LoggerFactory.getLogger(MediaScenario.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * Runs the scenario.
	 * @param platform the platform, whose gateway routes to media-service
	 * @param root the repository root, where media-service's jar is
	 * @param work where to keep the photo
	 * @return what it measured
	 */
	public Result run(BenchmarkPlatform platform, Path root, Path work) {
		List<Double> reference = new ArrayList<>();
		List<Double> pipeline = new ArrayList<>();
		List<Double> ratio = new ArrayList<>();
		List<Double> turnedRatio = new ArrayList<>();
		Path photo = work.resolve("media-12mp.jpg");
		try {
			Files.createDirectories(work);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long photoBytes = 0;
		for (int repetition = 0; repetition < this.repetitions; repetition++) {
			JsonNode rate = processingRate(root, photo);
			rate.get("reference_per_second").forEach((value) -> reference.add(value.asDouble()));
			rate.get("pipeline_per_second").forEach((value) -> pipeline.add(value.asDouble()));
			rate.get("ratio").forEach((value) -> ratio.add(value.asDouble()));
			rate.get("turned_ratio").forEach((value) -> turnedRatio.add(value.asDouble()));
			photoBytes = rate.get("photo_bytes").asLong();
			logger.info("Media processing, repetition {}: {}", repetition + 1, rate);
		}
		byte[] content = read(photo);
		Accounts accounts = new Accounts(platform.userServiceUrl(), this.repetitions);
		List<String> tokens = lines(accounts.writeTokens(work.resolve("media-tokens.txt")));
		List<List<Double>> latencies = new ArrayList<>();
		for (int repetition = 0; repetition < this.repetitions; repetition++) {
			List<Double> samples = new ArrayList<>();
			String token = tokens.get(repetition);
			uploadToReady(platform.gatewayUrl(), token, content);
			for (int i = 0; i < this.uploads; i++) {
				samples.add(uploadToReady(platform.gatewayUrl(), token, content));
			}
			latencies.add(samples);
			logger.info("Upload to ready, repetition {}: p50 {} ms, p99 {} ms", repetition + 1, percentile(samples, 50),
					percentile(samples, 99));
		}
		return new Result(reference, pipeline, ratio, turnedRatio, photoBytes, latencies,
				latencies.stream().map((samples) -> percentile(samples, 50)).toList(),
				latencies.stream().map((samples) -> percentile(samples, 99)).toList(), this);
	}

	private JsonNode processingRate(Path root, Path photo) {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = List.of(java, HEAP, "-XX:+UseSerialGC", "-Djava.awt.headless=true",
				"-Dloader.main=io.murmur.media.image.ProcessingRate", "-cp", jar(root).toString(),
				"org.springframework.boot.loader.launch.PropertiesLauncher", "--seconds",
				Long.toString(this.processingSeconds.toSeconds()), "--rounds", Integer.toString(this.rounds),
				"--write-photo", photo.toString());
		String output = Command.run(command, this.processingSeconds.multipliedBy(3).plusMinutes(2));
		String last = output.strip()
			.lines()
			.filter((line) -> line.startsWith("{"))
			.reduce((a, b) -> b)
			.orElseThrow(() -> new IllegalStateException("ProcessingRate printed no result: " + output.strip()));
		return json.readTree(last);
	}

	/**
	 * Uploads the photo and waits until it is ready.
	 * @return the milliseconds from sending the request until the media was ready
	 */
	private static double uploadToReady(URI gateway, String token, byte[] photo) {
		String boundary = "----murmur" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream(photo.length + 512);
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\""
				+ "\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(photo);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		long started = System.nanoTime();
		HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.resolve("/api/v1/media"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		if (response.statusCode() == 202) {
			String id = json.readTree(response.body()).get("id").asString();
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (send(HttpRequest.newBuilder(gateway.resolve("/api/v1/media/" + id))
				.header("Authorization", "Bearer " + token)
				.GET()).statusCode() != 200) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Media " + id + " was not ready within 2 minutes");
				}
				Thread.onSpinWait();
			}
		}
		else if (response.statusCode() != 201) {
			throw new IllegalStateException("Upload answered " + response.statusCode() + ": " + response.body());
		}
		return (System.nanoTime() - started) / 1e6;
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static double percentile(List<Double> samples, int percentile) {
		double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
	}

	private static Path jar(Path root) {
		Path target = root.resolve("media-service/target");
		try (Stream<Path> files = Files.list(target)) {
			return files
				.filter((file) -> file.getFileName().toString().matches("media-service-[^-].*\\.jar")
						&& Stream.of("-sources.jar", "-javadoc.jar", "-tests.jar", "-plain.jar")
							.noneMatch(file.getFileName().toString()::endsWith))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No media-service jar in " + target));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What the scenario measured.
	 *
	 * @param referencePerSecond decodes and resizes per second, per round
	 * @param pipelinePerSecond photos taken to their variants per second, per round
	 * @param ratio the pipeline's rate over the reference's, per round
	 * @param turnedRatio the same for the photo taken with the camera turned, whose
	 * original is encoded again
	 * @param photoBytes the size of the photo
	 * @param uploadToReadyMs every upload's time to ready, per repetition
	 * @param p50Ms the median of each repetition
	 * @param p99Ms the 99th percentile of each repetition
	 * @param settings how the scenario ran
	 */
	public record Result(List<Double> referencePerSecond, List<Double> pipelinePerSecond, List<Double> ratio,
			List<Double> turnedRatio, long photoBytes, List<List<Double>> uploadToReadyMs, List<Double> p50Ms,
			List<Double> p99Ms, MediaScenario settings) {

	}

}
