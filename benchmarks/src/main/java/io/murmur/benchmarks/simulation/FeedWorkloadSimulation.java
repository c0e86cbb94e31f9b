package io.murmur.benchmarks.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The feed workload through the gateway, as clients send it: home-feed pages of 20
 * ({@code GET /api/v1/feed?limit=20}), user timelines ({@code GET
 * /api/v1/users/{id}/posts}) and posts ({@code POST /api/v1/posts}), in the shares of
 * {@link WorkloadSettings}. Each request runs as an account from the readers' file, in
 * turn, so the per-user budgets see the load spread as real users would spread it.
 * <p>
 * At a rate it is an open model (arrivals do not wait for answers, so a slow platform
 * cannot hide its latency by slowing the load); without a rate, a closed model of users
 * looping back to back, whose throughput is what the platform sustains. The warm-up's
 * requests are named {@value SimulationSettings#WARM_UP} and the measured ones
 * {@value SimulationSettings#MEASURED}, whatever their kind, so that the figures are
 * those of the mix. Anything but a 200 (201 for a post) fails the request.
 */
public class FeedWorkloadSimulation extends Simulation {

	private static final AtomicLong sequence = new AtomicLong();

	/**
	 * Sets the simulation up from the system properties.
	 */
	public FeedWorkloadSimulation() {
		WorkloadSettings settings = WorkloadSettings.fromSystemProperties();
		List<String> readers = WorkloadSettings.lines(settings.readersFile());
		List<String> authors = WorkloadSettings.lines(settings.authorsFile());
		HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl())
			.shareConnections()
			.disableWarmUp()
			.disableCaching()
			.acceptHeader("application/json");
		PopulationBuilder population;
		if (settings.rate() > 0) {
			population = scenario(SimulationSettings.WARM_UP).feed(feeder(readers, authors))
				.exec(mix(settings, SimulationSettings.WARM_UP))
				.injectOpen(rampUsersPerSec(settings.rate() / 10).to(settings.rate()).during(settings.warmUp()))
				.andThen(scenario(SimulationSettings.MEASURED).feed(feeder(readers, authors))
					.exec(mix(settings, SimulationSettings.MEASURED))
					.injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration())));
		}
		else {
			population = looping(settings, SimulationSettings.WARM_UP, settings.warmUp(), readers, authors)
				.andThen(looping(settings, SimulationSettings.MEASURED, settings.duration(), readers, authors));
		}
		setUp(population).protocols(protocol);
	}

	private static PopulationBuilder looping(WorkloadSettings settings, String name, Duration time,
			List<String> readers, List<String> authors) {
		Iterator<Map<String, Object>> records = feeder(readers, authors);
		return scenario(name).during(time)
			.on(exec((session) -> session.setAll(records.next())).exec(mix(settings, name)))
			.injectClosed(constantConcurrentUsers(settings.concurrency()).during(time));
	}

	private static ChainBuilder mix(WorkloadSettings settings, String name) {
		ChainBuilder feed = exec(http(name).get("/api/v1/feed?limit=20")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200)));
		ChainBuilder timeline = exec(http(name).get("/api/v1/users/#{author}/posts?limit=20")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200)));
		ChainBuilder post = exec(http(name).post("/api/v1/posts")
			.header("Authorization", "Bearer #{token}")
			.header("Content-Type", "application/json")
			.body(StringBody("{\"text\":\"#{text}\"}"))
			.check(status().is(201)));
		double postPercent = 100 - settings.feedPercent() - settings.timelinePercent();
		List<Choice.WithWeight> choices = new ArrayList<>();
		choices.add(percent(settings.feedPercent()).then(feed));
		if (settings.timelinePercent() > 0) {
			choices.add(percent(settings.timelinePercent()).then(timeline));
		}
		if (postPercent > 0) {
			choices.add(percent(postPercent).then(post));
		}
		return randomSwitch().on(choices);
	}

	private static Iterator<Map<String, Object>> feeder(List<String> readers, List<String> authors) {
		return Stream.generate(() -> {
			long n = sequence.getAndIncrement();
			ThreadLocalRandom random = ThreadLocalRandom.current();
			return Map.<String, Object>of("token", readers.get((int) (n % readers.size())), "author",
					authors.get(random.nextInt(authors.size())), "text",
					"Benchmark post " + n + " " + Long.toHexString(random.nextLong()));
		}).iterator();
	}

}
