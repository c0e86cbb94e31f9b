package io.murmur.benchmarks.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
import io.murmur.reliability.faults.PublicApi;
import io.murmur.reliability.faults.Workload;

/**
 * Runs the fault campaign and writes its report: a platform of its own on free ports, a
 * calm spell to measure the routes undisturbed, then each fault of the {@link Fault}
 * schedule in turn under the same steady load, and finally the check of everything
 * acknowledged.
 */
@Command(name = "benchmarks/run faults", mixinStandardHelpOptions = true,
		description = "Injects one fault at a time into a platform under a steady mixed load, then checks that "
				+ "nothing acknowledged was lost or doubled, and writes the report.")
public final class FaultCampaign implements Callable<Integer> {

	private static final Logger logger = LoggerFactory.getLogger(FaultCampaign.class);

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
		Machine machine;
		try (LocalStack stack = new LocalStack(work.resolve("processes"), true)) {
			BenchmarkPlatform platform = BenchmarkPlatform.start(stack, this.root);
			platform.startSearch();
			platform.startNotificationService();
			logger.info("Platform up: gateway {}", platform.gatewayUrl());
			PublicApi api = new PublicApi(platform.gatewayUrl(), calls, Duration.ofSeconds(30));
			try (Workload workload = new Workload(api, ledger,
					new Workload.Settings(this.seed, this.people, 5, this.rate, 0.1))) {
				workload.setUp();
				workload.start();
				calmFrom = calls.now();
				pause(Duration.ofSeconds(this.calmSeconds));
				calmTo = calls.now();
				for (Fault fault : Fault.schedule(platform, Duration.ofSeconds(this.holdSeconds))) {
					if (!this.only.isEmpty() && this.only.stream().noneMatch(fault.name()::contains)) {
						continue;
					}
					logger.info("Fault: {}", fault.name());
					long from = calls.now();
					fault.inject().run();
					pause(fault.hold());
					long healing = calls.now();
					fault.heal().run();
					long healed = calls.now();
					logger.info("Mended {} in {} ms", fault.name(), healed - healing);
					pause(Duration.ofSeconds(this.settleSeconds));
					windows.add(new FaultReport.Window(fault.name(), fault.what(), from, healing, healed));
				}
				workloadEnd = calls.now();
				dropped = workload.dropped();
			}
			logger.info("Checking {} posts, {} likes, {} follows", ledger.posts().size(), ledger.likes().size(),
					ledger.follows().size());
			long lastMended = windows.isEmpty() ? calmTo : windows.get(windows.size() - 1).healed();
			long checkFrom = calls.now();
			verdict = new Checker(new PublicApi(platform.gatewayUrl(), new CallLog(), Duration.ofSeconds(30)), ledger)
				.awaitConverged(Duration.ofMinutes(3));
			converged = checkFrom - lastMended + verdict.took().toMillis();
			machine = Machine.describe(machineAtStart);
		}
		String command = "benchmarks/run faults" + commandLine();
		FaultReport.write(output, new FaultReport.Run(command, startedAt, Instant.now(), calls, ledger, verdict,
				windows, calmFrom, calmTo, workloadEnd, converged, dropped, machine));
		logger.info("Report written to {}: lost {}, duplicated {}", output, verdict.lost(), verdict.duplicated());
		return (verdict.clean()) ? 0 : 1;
	}

	private String commandLine() {
		StringBuilder line = new StringBuilder();
		if (!this.only.isEmpty()) {
			line.append(" --faults ").append(String.join(",", this.only));
		}
		line.append(" --seed ").append(this.seed).append(" --rate ").append(this.rate);
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
