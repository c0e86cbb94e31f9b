package io.murmur.benchmarks.simulation;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One GET at a given arrival rate (an open model, so a slow target does not slow the load
 * down and hide its own latency): first a warm-up that ramps from a tenth of the rate to
 * the full rate, whose requests are named {@value SimulationSettings#WARM_UP} and left
 * out of the figures (a cold JVM hit by the full rate at once measures its JIT, not its
 * steady state), then the full rate, measured as {@value SimulationSettings#MEASURED}.
 * Every request carries a bearer token taken in turn from the token file, so that the
 * same bytes go to every target and per-user rate limits see the load spread over many
 * users. Anything but a 200 fails the request.
 * <p>
 * Public because Gatling instantiates it; configured by the system properties of
 * {@link SimulationSettings}.
 */
public class UpstreamLatencySimulation extends Simulation {

	/**
	 * Sets the simulation up from the system properties.
	 */
	public UpstreamLatencySimulation() {
		SimulationSettings settings = SimulationSettings.fromSystemProperties();
		HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl())
			.shareConnections()
			.disableWarmUp()
			.disableCaching()
			.acceptHeader("application/json");
		Iterator<Map<String, Object>> tokens = settings.tokens();
		ScenarioBuilder warmUp = scenario(SimulationSettings.WARM_UP).feed(tokens)
			.exec(http(SimulationSettings.WARM_UP).get(settings.path())
				.header("Authorization", "Bearer #{token}")
				.check(status().is(200)));
		ScenarioBuilder measured = scenario(SimulationSettings.MEASURED).feed(tokens)
			.exec(http(SimulationSettings.MEASURED).get(settings.path())
				.header("Authorization", "Bearer #{token}")
				.check(status().is(200)));
		Duration warmUpTime = settings.warmUp();
		setUp(warmUp.injectOpen(rampUsersPerSec(settings.rate() / 10).to(settings.rate()).during(warmUpTime))
			.andThen(measured.injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration()))))
			.protocols(protocol);
	}

}
