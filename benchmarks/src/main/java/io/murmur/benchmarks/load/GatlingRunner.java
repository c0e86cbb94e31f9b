package io.murmur.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.benchmarks.simulation.SimulationSettings;
import io.murmur.benchmarks.simulation.WorkloadSettings;

/**
 * Runs one Gatling simulation in a JVM of its own (Gatling's own launcher,
 * {@code io.gatling.app.Gatling}, on this JVM's classpath), so that every run starts
 * alike and the load generator's heap never mixes with the orchestrator's, then reads the
 * measured request's figures from the report it wrote. Gatling's anonymous usage
 * analytics are off: a measurement run sends nothing anywhere.
 */
public final class GatlingRunner {

	private static final Logger logger = LoggerFactory.getLogger(GatlingRunner.class);

	private static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC",
			"--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dgatling.data.enableAnalytics=false");

	private final Path resultsDir;

	/**
	 * Creates a runner that keeps every report under {@code resultsDir}.
	 * @param resultsDir where Gatling writes its reports
	 */
	public GatlingRunner(Path resultsDir) {
		this.resultsDir = resultsDir;
	}

	/**
	 * Runs a simulation and reads the figures of its measured requests.
	 * @param simulation the simulation class
	 * @param settings what the simulation is told
	 * @param label a name for the run's log and report
	 * @return the figures of the requests named {@link SimulationSettings#MEASURED}
	 */
	public LatencySample run(Class<?> simulation, SimulationSettings settings, String label) {
		logger.info("Gatling {}: {} at {} req/s for {} after {} of warm-up", label,
				settings.baseUrl() + settings.path(), settings.rate(), settings.duration(), settings.warmUp());
		return start(simulation, settings.toJvmArguments(), label, settings.warmUp().plus(settings.duration())).await();
	}

	/**
	 * Runs a feed workload and reads the figures of its measured requests.
	 * @param simulation the simulation class
	 * @param settings what the simulation is told
	 * @param label a name for the run's log and report
	 * @return the figures of the requests named {@link SimulationSettings#MEASURED}
	 */
	public LatencySample run(Class<?> simulation, WorkloadSettings settings, String label) {
		logger.info("Gatling {}: {}", label, settings.describe());
		return start(simulation, settings.toJvmArguments(), label, settings.warmUp().plus(settings.duration())).await();
	}

	/**
	 * Starts a simulation in its own JVM without waiting for it.
	 * @param simulation the simulation class
	 * @param jvmArguments the system properties that configure it
	 * @param label a name for the run's log and report
	 * @param length how long the simulation lasts
	 * @return the running simulation
	 */
	public Running start(Class<?> simulation, List<String> jvmArguments, String label, Duration length) {
		Path dir = createDirectories(this.resultsDir.resolve(label));
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		command.addAll(jvmArguments);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling", "-s",
				simulation.getName(), "-rf", dir.toString(), "-rd", label, "-l", "murmur-benchmarks"));
		Path log = dir.resolve("gatling.log");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new Running(process, dir, label, length.plusMinutes(3));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A simulation that runs.
	 */
	public static final class Running {

		private final Process process;

		private final Path dir;

		private final String label;

		private final Duration limit;

		Running(Process process, Path dir, String label, Duration limit) {
			this.process = process;
			this.dir = dir;
			this.label = label;
			this.limit = limit;
		}

		/**
		 * Waits until the simulation ends and reads the figures of its measured requests.
		 * @return the figures of the requests named {@link SimulationSettings#MEASURED}
		 */
		public LatencySample await() {
			Path log = this.dir.resolve("gatling.log");
			try {
				if (!this.process.waitFor(this.limit.toSeconds(), TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
					throw new IllegalStateException(
							"Gatling " + this.label + " did not finish within " + this.limit + "; see " + log);
				}
				if (this.process.exitValue() != 0) {
					throw new IllegalStateException(
							"Gatling " + this.label + " failed (exit " + this.process.exitValue() + "); see " + log);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroyForcibly();
				throw new IllegalStateException("Interrupted while Gatling ran", ex);
			}
			LatencySample sample = GatlingReport.read(reportDir(this.dir), SimulationSettings.MEASURED);
			logger.info("Gatling {}: p50 {} ms, p99 {} ms, {} requests ({} /s), {} failed", this.label, sample.p50(),
					sample.p99(), sample.requests(), sample.meanRps(), sample.failed());
			return sample;
		}

	}

	private static Path reportDir(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isDirectory)
				.max(Comparator.comparing((Path file) -> file.getFileName().toString()))
				.orElseThrow(() -> new IllegalStateException("Gatling wrote no report in " + dir));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path createDirectories(Path dir) {
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
