package io.murmur.acceptance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.murmur.acceptance.Api.Account;
import io.murmur.localstack.platform.RunningService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric of the services that an alert rule or a dashboard query names is really
 * exposed: after some traffic, the management port of each running service is scraped,
 * without a token, and the names found are compared with those in {@code deploy/}.
 * Metrics of services that are not in this build yet (their module is missing) are left
 * out until they land; the stores' exporters' metrics ({@code pg_*}, {@code redis_*},
 * {@code up}) are not the services' and are not looked for. Some metrics only exist once
 * something happened (a media processed, a webhook delivered, a feed rebuilt), so this
 * class runs after the others, whose traffic it counts on.
 */
@Order(Integer.MAX_VALUE - 1)
class MetricsExposedAcceptanceTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern SERVICE_METRIC = Pattern
		.compile("\\b((?:murmur|http_server|kafka|jvm|process|resilience4j|hikaricp)_[a-z0-9_]+)");

	private static final Map<String, String> OWNERS = Map.of("murmur_notification_", "notification-service",
			"murmur_media_", "media-service");

	private final Api api = new Api(MurmurPlatform.get().gatewayUrl());

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void shouldExposeEveryMetricThatAnAlertOrADashboardNames() throws IOException {
		Account author = this.api.newAccount();
		Account reader = this.api.newAccount();
		assertThat(this.api.post("/api/v1/users/" + author.id() + "/follow", null, reader.accessToken()).status())
			.isLessThan(300);
		assertThat(this.api.post("/api/v1/posts", "{\"text\":\"metrics #murmur\"}", author.accessToken()).status())
			.isEqualTo(201);
		Set<String> named = named();
		assertThat(named).contains("murmur_feed_fanout_lag_seconds_bucket", "http_server_requests_seconds_count");
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			this.api.get("/api/v1/feed", reader.accessToken());
			this.api.get("/api/v1/search/posts?q=murmur", reader.accessToken());
			Set<String> exposed = new TreeSet<>();
			for (RunningService service : MurmurPlatform.get().services()) {
				exposed.addAll(scrape(service));
			}
			assertThat(exposed).containsAll(named);
		});
	}

	private Set<String> scrape(RunningService service) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(service.service().managementUrl() + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(service.service().module() + " /actuator/prometheus without a token")
			.isEqualTo(200);
		Set<String> names = new TreeSet<>();
		response.body()
			.lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.map((line) -> line.split("[{ ]", 2)[0])
			.forEach(names::add);
		return names;
	}

	private static Set<String> named() throws IOException {
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Stream.concat(Files.list(ROOT.resolve("deploy/prometheus/rules")),
				Files.list(ROOT.resolve("deploy/grafana/dashboards")))) {
			for (Path file : files.toList()) {
				Matcher matcher = SERVICE_METRIC.matcher(Files.readString(file));
				while (matcher.find()) {
					String name = matcher.group(1);
					if (ownerIsBuilt(name)) {
						names.add(name);
					}
				}
			}
		}
		return names;
	}

	private static boolean ownerIsBuilt(String metric) {
		return OWNERS.entrySet()
			.stream()
			.filter((owner) -> metric.startsWith(owner.getKey()))
			.allMatch((owner) -> Files.isDirectory(ROOT.resolve(owner.getValue())));
	}

}
