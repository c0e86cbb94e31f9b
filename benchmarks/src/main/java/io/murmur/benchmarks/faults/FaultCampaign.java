package io.murmur.benchmarks.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.murmur.benchmarks.platform.BenchmarkPlatform;
import io.murmur.benchmarks.report.Machine;
import io.murmur.localstack.LocalStack;
import io.murmur.reliability.faults.CallLog;
import io.murmur.reliability.faults.Checker;
import io.murmur.reliability.faults.Checker.Verdict;
import io.murmur.reliability.faults.Ledger;
import io.murmur.reliability.faults.NotificationStreams;
import io.murmur.reliability.auth.AuthMatrixRun;
import io.murmur.reliability.auth.TokenClaims;
import io.murmur.reliability.badinput.BadInputRun;
import io.murmur.reliability.faults.PublicApi;
import io.murmur.reliability.faults.PublicApi.Account;
import io.murmur.reliability.faults.Workload;
import io.murmur.reliability.openapi.ApiDocuments;
import io.murmur.reliability.openapi.Operation;

/**
 * Runs the fault campaign and writes its report: a platform of its own on free ports, a
 * calm spell to measure the routes undisturbed, then each fault of the {@link Fault}
 * schedule in turn under the same steady load, the check of everything acknowledged, and
 * last, against the same platform after all it went through, the generated bad inputs and
 * the whole auth matrix.
 */
@Command(name = "benchmarks/run faults", mixinStandardHelpOptions = true,
		description = "Injects one fault at a time into a platform under a steady mixed load, checks that "
				+ "nothing acknowledged was lost or doubled, then sends generated bad inputs and the auth matrix, "
				+ "and writes the report.")
public final class FaultCampaign implements Callable<Integer> {

	private static final Logger logger = LoggerFactory.getLogger(FaultCampaign.class);

	/** The share of the bad inputs sent through the gateway, in percent. */
	static final int GATEWAY_PERCENT = 60;

	/**
	 * Gateway bad inputs per user who sends them: each user has the gateway's production
	 * write budget (120 a minute), and a run must meet the routes more often than the
	 * limit.
	 */
	static final int BAD_INPUTS_PER_USER = 200;

	/** How many of the people keep their notification stream open. */
	static final int STREAMERS = 5;

	@Option(names = "--root", required = true, description = "The repository root.")
	Path root;

	@Option(names = "--out", description = "Where the report goes (default docs/reliability/<today>).")
	Path out;

	@Option(names = "--seed", defaultValue = "20261206", description = "What the workload's choices follow.")
	long seed;

	@Option(names = "--rate", defaultValue = "10", description = "Requests per second (default ${DEFAULT-VALUE}).")
	int rate;

	@Option(names = "--people", defaultValue = "30",
			description = "People registered before the load (default ${DEFAULT-VALUE}).")
	int people;

	@Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "60",
			description = "The load run before the calm spell, not measured: the services' first minute on a "
					+ "cold JVM is not their calm (default ${DEFAULT-VALUE}).")
	int warmUpSeconds;

	@Option(names = "--calm", paramLabel = "SECONDS", defaultValue = "60",
			description = "The calm spell before the first fault (default ${DEFAULT-VALUE}).")
	int calmSeconds;

	@Option(names = "--hold", paramLabel = "SECONDS", defaultValue = "20",
			description = "How long each fault lasts before it is mended; Kafka's at least 30 s "
					+ "(default ${DEFAULT-VALUE}).")
	int holdSeconds;

	@Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "20",
			description = "The load that runs between one fault's end and the next (default ${DEFAULT-VALUE}).")
	int settleSeconds;

	@Option(names = "--faults", split = ",", paramLabel = "NAME",
			description = "Only the faults whose name contains one of these, e.g. post-service,kafka.")
	List<String> only = new ArrayList<>();

	@Option(names = "--bad-inputs", paramLabel = "N", defaultValue = "10000",
			description = "Generated bad inputs after the check, at least this many: " + GATEWAY_PERCENT
					+ "% through the gateway, the rest split evenly over the services (default ${DEFAULT-VALUE}).")
	int badInputs;

	@Option(names = "--bad-input-seed", defaultValue = "20260421",
			description = "What the bad inputs are generated from (default ${DEFAULT-VALUE}).")
	long badInputSeed;

	public static void main(String[] args) {
		System.exit(new CommandLine(new FaultCampaign()).execute(args));
	}

	@Override
	public Integer call() {
		Machine.Snapshot machineAtStart = Machine.Snapshot.now();
		Instant startedAt = Instant.now();
		Path output = (this.out != null) ? this.out
				: this.root.resolve("docs/reliability").resolve(LocalDate.now().toString());
		Path work = this.root.resolve("benchmarks/target/faults")
			.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		CallLog calls = new CallLog();
		Ledger ledger = new Ledger();
		List<FaultReport.Window> windows = new ArrayList<>();
		Verdict verdict;
		long calmFrom;
		long calmTo;
		long workloadEnd;
		long dropped;
		long converged;
		FaultReport.Probes probes;
		int reopened;
		Machine machine;
		try (LocalStack stack = new LocalStack(work.resolve("processes"), true)) {
			BenchmarkPlatform platform = BenchmarkPlatform.start(stack, this.root);
			platform.startSearch();
			platform.startNotificationService();
			logger.info("Platform up: gateway {}", platform.gatewayUrl());
			PublicApi api = new PublicApi(platform.gatewayUrl(), calls, Duration.ofSeconds(30));
			NotificationStreams streams = new NotificationStreams(api);
			try (streams;
					Workload workload = new Workload(api, ledger,
							new Workload.Settings(this.seed, this.people, 5, this.rate, 0.1, STREAMERS), streams)) {
				workload.setUp();
				workload.start();
				pause(Duration.ofSeconds(this.warmUpSeconds));
				calmFrom = calls.now();
				pause(Duration.ofSeconds(this.calmSeconds));
				calmTo = calls.now();
				List<Fault> faults = Fault.schedule(platform, Duration.ofSeconds(this.holdSeconds))
					.stream()
					.filter((fault) -> this.only.isEmpty() || this.only.stream().anyMatch(fault.name()::contains))
					.toList();
				long lastMend = calls.now();
				for (Fault fault : faults) {
					logger.info("Fault: {}", fault.name());
					long from = calls.now();
					fault.inject().run();
					pause(fault.hold());
					long healing = calls.now();
					fault.heal().run();
					lastMend = calls.now();
					logger.info("Mended {} in {} ms", fault.name(), lastMend - healing);
					if (fault != faults.getLast()) {
						pause(Duration.ofSeconds(this.settleSeconds));
					}
					windows.add(new FaultReport.Window(fault.name(), fault.what(), from, healing, lastMend, calls.now(),
							fault.frontDoor()));
				}
				workloadEnd = calls.now();
				dropped = workload.dropped();
				workload.close();
				logger.info("Checking {} posts, {} likes, {} follows", ledger.posts().size(), ledger.likes().size(),
						ledger.follows().size());
				CallLog checks = new CallLog();
				Verdict found = checker(platform, checks, ledger, streams).awaitFound(Duration.ofMinutes(3));
				converged = found.allFound() ? calls.now() - lastMend : -1L;
				logChecks("The convergence checks", found, checks);
				// Afresh, every look-up again: the convergence checks skip what
				// an earlier pass found, so a copy made after it would go unseen.
				CallLog last = new CallLog();
				verdict = checker(platform, last, ledger, streams).awaitConverged(Duration.ofMinutes(3));
				logChecks("The final check", verdict, last);
				reopened = streams.reopened();
			}
			probes = probe(platform);
			machine = Machine.describe(machineAtStart);
		}
		String command = "benchmarks/run faults" + commandLine();
		FaultReport.Run run = new FaultReport.Run(command, startedAt, Instant.now(), calls, ledger, verdict, windows,
				calmFrom, calmTo, workloadEnd, converged, dropped, reopened, probes, machine);
		FaultReport.write(output, run);
		logger.info("Report written to {}: {}", output, FaultReport.verdictLine(run));
		return run.passed() ? 0 : 1;
	}

	/**
	 * A checker with a call log of its own, so that checking does not show in the
	 * workload's numbers.
	 */
	private static Checker checker(BenchmarkPlatform platform, CallLog checks, Ledger ledger,
			NotificationStreams streams) {
		return new Checker(new PublicApi(platform.gatewayUrl(), checks, Duration.ofSeconds(30)), ledger, streams);
	}

	/**
	 * What the checks' look-ups cost, per route: a pass bounds the converge time, and
	 * this says where its time goes.
	 */
	private static void logChecks(String what, Verdict verdict, CallLog checks) {
		logger.info("{} took {} ms: {}", what, verdict.took().toMillis(), CallLog.byRoute(checks.all()));
	}

	/**
	 * Sends the bad inputs and the auth matrix. A platform the faults left unable to take
	 * them still gets its report, which says why they did not run.
	 */
	private FaultReport.Probes probe(BenchmarkPlatform platform) {
		try {
			Map<String, String> services = platform.serviceUrls();
			List<Operation> operations = ApiDocuments.fetch(services);
			String gateway = platform.gatewayUrl().toString();
			int throughGateway = (int) Math.ceil(this.badInputs * GATEWAY_PERCENT / 100.0);
			int directly = (int) operations.stream()
				.map(Operation::service)
				.filter(services::containsKey)
				.distinct()
				.count();
			int perService = (directly == 0) ? 0 : Math.ceilDiv(this.badInputs - throughGateway, directly);
			if (directly == 0) {
				throughGateway = this.badInputs;
			}
			List<Account> users = users(platform, Math.max(6, Math.ceilDiv(throughGateway, BAD_INPUTS_PER_USER)));
			logger.info("Sending {} bad inputs through the gateway and {} to each of {} services as {} users",
					throughGateway, perService, directly, users.size());
			BadInputRun.Result badInputResult = new BadInputRun(operations, gateway, services,
					users.stream().map(Account::accessToken).toList())
				.run(this.badInputSeed, throughGateway, perService);
			logger.info("Sending the auth matrix");
			TokenClaims claims = TokenClaims.of(users.get(0).accessToken());
			AuthMatrixRun.Result authResult = new AuthMatrixRun(operations, gateway, services).run(
					platform.signingKey(), claims.issuer(), claims.audience(), claims.subject(),
					platform.serviceToken().bearer());
			return new FaultReport.Probes(badInputResult, authResult, null);
		}
		catch (RuntimeException ex) {
			logger.error("The bad inputs and the auth matrix could not run", ex);
			return new FaultReport.Probes(null, null, ex.toString());
		}
	}

	/**
	 * Registers the users whose tokens the bad inputs carry, giving a registration the
	 * gateway does not take a few more tries: the platform has just been through every
	 * fault.
	 */
	private static List<Account> users(BenchmarkPlatform platform, int count) {
		PublicApi api = new PublicApi(platform.gatewayUrl(), new CallLog(), Duration.ofSeconds(30));
		List<Account> users = new ArrayList<>();
		for (int attempt = 0; users.size() < count && attempt < count + 10; attempt++) {
			Account account = api.register("rp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
			if (account != null) {
				users.add(account);
			}
		}
		if (users.isEmpty()) {
			throw new IllegalStateException("The gateway registered none of " + count + " users");
		}
		return users;
	}

	/**
	 * Every option of the run but where it goes, so that the report's command repeats it.
	 */
	private String commandLine() {
		StringBuilder line = new StringBuilder();
		line.append(" --warm-up ").append(this.warmUpSeconds);
		line.append(" --calm ").append(this.calmSeconds);
		line.append(" --hold ").append(this.holdSeconds);
		line.append(" --settle ").append(this.settleSeconds);
		line.append(" --rate ").append(this.rate);
		line.append(" --people ").append(this.people);
		line.append(" --seed ").append(this.seed);
		if (!this.only.isEmpty()) {
			line.append(" --faults ").append(String.join(",", this.only));
		}
		line.append(" --bad-inputs ").append(this.badInputs);
		line.append(" --bad-input-seed ").append(this.badInputSeed);
		return line.toString();
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
