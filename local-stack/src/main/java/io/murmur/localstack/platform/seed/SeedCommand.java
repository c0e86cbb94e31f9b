package io.murmur.localstack.platform.seed;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.murmur.localstack.graph.EdgeFile;
import io.murmur.localstack.graph.EdgeFile.EdgeFileException;
import io.murmur.localstack.graph.SocialGraph;

/**
 * {@code ./platform seed}: checks that the services answer, reads the edge list, seeds it
 * with a {@link Seeder} and prints how to sign in as a well-connected person and read
 * their feed through the gateway.
 */
public final class SeedCommand {

	/**
	 * The exit code when the platform is not up, the file is bad or a service refuses.
	 */
	public static final int FAILED = 1;

	private static final String READINESS_PATH = "/actuator/health/readiness";

	private final Path platformDir;

	private final ServiceUrls urls;

	private final PrintStream out;

	/**
	 * A command seeding the services at the given addresses.
	 * @param platformDir the platform directory, where the password and the platform's
	 * {@link ClientCredentials service client} are kept
	 * @param urls where the services listen
	 * @param out where to print
	 */
	public SeedCommand(Path platformDir, ServiceUrls urls, PrintStream out) {
		this.platformDir = platformDir;
		this.urls = urls;
		this.out = out;
	}

	/**
	 * Seeds.
	 * @param options what to load and how
	 * @return the exit code: 0 when everything is seeded
	 */
	public int run(SeedOptions options) {
		long started = System.nanoTime();
		String down = notAnswering();
		if (!down.isEmpty()) {
			this.out.println("The platform is not up: " + down + ".");
			this.out.println("Start it with ./platform up, then run ./platform seed again.");
			return FAILED;
		}
		SocialGraph graph;
		try {
			graph = EdgeFile.read(options.edges());
		}
		catch (EdgeFileException ex) {
			this.out.println(ex.getMessage());
			this.out.println("Give the edge list with --edges PATH.");
			return FAILED;
		}
		Optional<ClientCredentials> client = ClientCredentials.load(this.platformDir);
		if (client.isEmpty()) {
			this.out.println("The platform runs without a service client to import with (no "
					+ display(this.platformDir.resolve(ClientCredentials.FILE_NAME)) + ").");
			this.out.println("Restart it (./platform down, then ./platform up), then run ./platform seed again.");
			return FAILED;
		}
		String password = (options.password() != null) ? options.password()
				: SeedPassword.loadOrCreate(this.platformDir);
		this.out.printf(Locale.ROOT, "Seeding %s: %,d people, %,d friendships (%,d follows), %d post%s each%s%n",
				options.edges().toAbsolutePath().normalize(), graph.nodes().size(), graph.edges(), graph.follows(),
				options.postsPerUser(), (options.postsPerUser() == 1) ? "" : "s", ignored(graph));
		SeedReport report;
		try {
			report = new Seeder(this.urls, client.get(), options.concurrency(), this.out).seed(graph,
					options.handlePrefix(), password, options.postsPerUser());
		}
		catch (SeedException ex) {
			this.out.println("Seeding failed: " + ex.getMessage());
			return FAILED;
		}
		String kept = (options.password() != null) ? ""
				: "; it is kept in " + display(this.platformDir.resolve(SeedPassword.FILE_NAME));
		printSummary(report, password, kept, Duration.ofNanos(System.nanoTime() - started));
		return 0;
	}

	private String notAnswering() {
		Map<String, String> services = new LinkedHashMap<>();
		services.put("user-service", this.urls.user());
		services.put("graph-service", this.urls.graph());
		services.put("post-service", this.urls.post());
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		StringBuilder down = new StringBuilder();
		services.forEach((name, url) -> {
			String problem = readiness(http, this.urls.managementUrl(url));
			if (problem != null) {
				down.append(down.isEmpty() ? "" : ", ")
					.append(name)
					.append(" at ")
					.append(url)
					.append(' ')
					.append(problem);
			}
		});
		return down.toString();
	}

	private static @Nullable String readiness(HttpClient http, String managementUrl) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl + READINESS_PATH))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		try {
			int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return (status == 200) ? null : "is not ready (" + READINESS_PATH + " answered " + status + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "was not asked (interrupted)";
		}
		catch (Exception ex) {
			return "does not answer";
		}
	}

	private static String display(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		Path cwd = Path.of("").toAbsolutePath();
		return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
	}

	private static String ignored(SocialGraph graph) {
		if (graph.selfLoops() == 0 && graph.duplicates() == 0) {
			return "";
		}
		return String.format(Locale.ROOT, " (left out: %,d self-loops, %,d repeated pairs)", graph.selfLoops(),
				graph.duplicates());
	}

	private void printSummary(SeedReport report, String password, String kept, Duration took) {
		SeedReport.SampleUser sample = report.sample();
		String login = "{\"login\":\"" + sample.handle() + "\",\"password\":\"" + password + "\"}";
		String gateway = this.urls.gateway();
		this.out.printf(Locale.ROOT, """

				Seeded in %s: %,d users (%,d new), %,d follows (%,d new), %,d posts (%,d new).

				Sign in as %s (id %s, follows and is followed by %,d people), password %s
				(every seeded account has this password%s):

				  TOKEN=$(curl -s -X POST %s/api/v1/auth/login -H 'Content-Type: application/json' \\
				    -d '%s' | sed -n 's/.*"accessToken":"\\([^"]*\\)".*/\\1/p')
				  curl -s %s/api/v1/feed -H "Authorization: Bearer $TOKEN"
				""", SeedReport.format(took), report.users().total(), report.users().created(),
				report.follows().total(), report.follows().created(), report.posts().total(), report.posts().created(),
				sample.handle(), sample.id(), sample.friends(), password, kept, gateway, login, gateway);
	}

}
