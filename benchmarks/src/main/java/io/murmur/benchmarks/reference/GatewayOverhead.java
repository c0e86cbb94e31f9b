package io.murmur.benchmarks.reference;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.benchmarks.load.GatlingRunner;
import io.murmur.benchmarks.load.LatencySample;
import io.murmur.benchmarks.platform.Accounts;
import io.murmur.benchmarks.simulation.SimulationSettings;
import io.murmur.benchmarks.simulation.UpstreamLatencySimulation;
import io.murmur.localstack.LocalStack;
import io.murmur.localstack.process.FreePorts;
import io.murmur.localstack.platform.PlatformService;
import io.murmur.localstack.platform.RunningService;
import io.murmur.localstack.platform.ServiceLauncher;

/**
 * What Murmur's gateway adds to a request, next to what nginx adds. One upstream (an
 * nginx answering a fixed feed page) is reached three ways, in the same run, with the
 * same Gatling settings, the same path and the same bearer tokens: directly, through an
 * nginx reverse proxy, and through Murmur's gateway. The gateway first gets one priming
 * run with a three times longer ramp, whose figures are thrown away.
 * <p>
 * The gateway is a second instance of the platform's own jar and configuration, started
 * here with the platform's JVM options, its Redis and user-service, and one difference:
 * its feed route leads to the upstream. So it does everything it does in production:
 * checks each token's RS256 signature against user-service's JWKS, counts the request
 * against the user's budget in Redis, and passes the request through its circuit breaker,
 * retry and time limit. The load is spread over enough accounts that no budget runs out
 * (a 429 would count as a failure), and the targets take turns in a rotating order so
 * drift on the machine does not always favour the same one.
 * <p>
 * Added latency of a path = its percentile minus the direct percentile of the same
 * repetition; {@code gateway_added_p50_ms_vs_nginx} = the median over repetitions of
 * (gateway-added p50 minus nginx-added p50), which is the gateway's p50 minus nginx's.
 *
 * @param rate requests per second, for every target
 * @param warmUp warm-up before each measurement, not counted
 * @param duration each measurement
 * @param repetitions how many times each target is measured
 */
public record GatewayOverhead(double rate, Duration warmUp, Duration duration, int repetitions) {

	private static final Logger logger = LoggerFactory.getLogger(GatewayOverhead.class);

	/** The path every target is asked for: a home-feed page. */
	public static final String PATH = "/api/v1/feed?limit=20";

	/**
	 * The share of the gateway's per-user read budget (1,200 a minute) the load may use.
	 */
	private static final double BUDGET_SHARE = 0.5;

	private static final int READ_BUDGET_PER_MINUTE = 1_200;

	/**
	 * The three ways to the upstream.
	 */
	public enum Target {

		/** Straight to the upstream. */
		DIRECT,

		/** Through nginx as a reverse proxy. */
		NGINX,

		/** Through Murmur's gateway. */
		GATEWAY

	}

	/**
	 * What was measured: every target's sample per repetition.
	 *
	 * @param samples per target, one sample per repetition in run order
	 * @param accounts how many accounts the load ran as
	 */
	public record Result(Map<Target, List<LatencySample>> samples, int accounts) {

		/**
		 * A target's percentile minus the direct one, per repetition.
		 * @param target the target
		 * @param percentile 50 or 99
		 * @return the added milliseconds per repetition
		 */
		public List<Double> added(Target target, int percentile) {
			List<Double> added = new ArrayList<>();
			for (int i = 0; i < this.samples.get(Target.DIRECT).size(); i++) {
				added.add(value(this.samples.get(target).get(i), percentile)
						- value(this.samples.get(Target.DIRECT).get(i), percentile));
			}
			return added;
		}

		/**
		 * The gateway-added percentile minus the nginx-added one, per repetition.
		 * @param percentile 50 or 99
		 * @return milliseconds per repetition
		 */
		public List<Double> gatewayVsNginx(int percentile) {
			List<Double> gateway = added(Target.GATEWAY, percentile);
			List<Double> nginx = added(Target.NGINX, percentile);
			List<Double> difference = new ArrayList<>();
			for (int i = 0; i < gateway.size(); i++) {
				difference.add(gateway.get(i) - nginx.get(i));
			}
			return difference;
		}

		/**
		 * A percentile of a target per repetition.
		 * @param target the target
		 * @param percentile 50 or 99
		 * @return milliseconds per repetition
		 */
		public List<Double> percentile(Target target, int percentile) {
			return this.samples.get(target).stream().map((sample) -> value(sample, percentile)).toList();
		}

		/**
		 * How many requests failed over all runs, which makes the figures suspect.
		 * @return the failed requests
		 */
		public long failed() {
			return this.samples.values().stream().flatMap(List::stream).mapToLong(LatencySample::failed).sum();
		}

		private static double value(LatencySample sample, int percentile) {
			return switch (percentile) {
				case 50 -> sample.p50();
				case 99 -> sample.p99();
				default -> throw new IllegalArgumentException("Only p50 and p99 are kept: " + percentile);
			};
		}

	}

	/**
	 * How many accounts keep every user under half the gateway's read budget at the given
	 * rate.
	 * @param rate requests per second
	 * @return the number of accounts
	 */
	static int accountsFor(double rate) {
		return Math.max(10, (int) Math.ceil(rate * 60 / (READ_BUDGET_PER_MINUTE * BUDGET_SHARE)));
	}

	/**
	 * Runs the comparison.
	 * @param stack the stack that tracks the processes started here
	 * @param root the repository root, where the gateway's jar is
	 * @param workDir where configuration, logs and Gatling reports go
	 * @param redis the platform's Redis
	 * @param userService the platform's user-service
	 * @return what was measured
	 */
	public Result run(LocalStack stack, Path root, Path workDir, URI redis, URI userService) {
		Accounts accounts = new Accounts(userService, accountsFor(this.rate));
		GatlingRunner gatling = new GatlingRunner(workDir.resolve("gatling"));
		try (Nginx upstream = Nginx.upstream(stack, workDir.resolve("nginx-upstream"));
				Nginx proxy = Nginx.proxy(stack, workDir.resolve("nginx-proxy"), upstream.url());
				RunningService gateway = startGateway(stack, root, redis, userService, upstream.url())) {
			Map<Target, URI> urls = Map.of(Target.DIRECT, upstream.url(), Target.NGINX, proxy.url(), Target.GATEWAY,
					URI.create(gateway.service().url()));
			Map<Target, List<LatencySample>> samples = new EnumMap<>(Target.class);
			Path tokens = accounts.writeTokens(workDir.resolve("tokens.txt"));
			SimulationSettings priming = new SimulationSettings(urls.get(Target.GATEWAY).toString(), PATH, this.rate,
					this.warmUp.multipliedBy(3), this.duration, tokens);
			gatling.run(UpstreamLatencySimulation.class, priming, "priming-gateway");
			for (int repetition = 0; repetition < this.repetitions; repetition++) {
				tokens = accounts.writeTokens(workDir.resolve("tokens.txt"));
				for (int turn = 0; turn < Target.values().length; turn++) {
					Target target = Target.values()[(repetition + turn) % Target.values().length];
					LatencySample sample = gatling.run(UpstreamLatencySimulation.class,
							settings(urls.get(target), tokens),
							"overhead-" + (repetition + 1) + "-" + target.name().toLowerCase());
					samples.computeIfAbsent(target, (key) -> new ArrayList<>()).add(sample);
				}
			}
			return new Result(samples, accounts.size());
		}
	}

	private SimulationSettings settings(URI baseUrl, Path tokens) {
		return new SimulationSettings(baseUrl.toString(), PATH, this.rate, this.warmUp, this.duration, tokens);
	}

	private static RunningService startGateway(LocalStack stack, Path root, URI redis, URI userService, URI upstream) {
		PlatformService gateway = PlatformService.of("gateway-service", FreePorts.next())
			.withProperty("spring.data.redis.host", redis.getHost())
			.withProperty("spring.data.redis.port", Integer.toString(redis.getPort()))
			.withProperty("murmur.gateway.services.user", userService.toString())
			.withProperty("murmur.gateway.services.feed", upstream.toString());
		logger.info("Starting a gateway instance on port {} with its feed route to {}", gateway.port(), upstream);
		return new ServiceLauncher(stack, root, Duration.ofMinutes(3)).start(gateway);
	}

}
