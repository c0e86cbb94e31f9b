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
		Path dir = createDirectories(this.resultsDir.resolve(label));
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		command.addAll(settings.toJvmArguments());
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling", "-s",
				simulation.getName(), "-rf", dir.toString(), "-rd", label, "-l", "murmur-benchmarks"));
		Path log = dir.resolve("gatling.log");
		logger.info("Gatling {}: {} at {} req/s for {} after {} of warm-up", label,
				settings.baseUrl() + settings.path(), settings.rate(), settings.duration(), settings.warmUp());
		Duration limit = settings.warmUp().plus(settings.duration()).plusMinutes(3);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						"Gatling " + label + " did not finish within " + limit + "; see " + log);
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"Gatling " + label + " failed (exit " + process.exitValue() + "); see " + log);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while Gatling ran", ex);
		}
		LatencySample sample = GatlingReport.read(reportDir(dir), SimulationSettings.MEASURED);
		logger.info("Gatling {}: p50 {} ms, p99 {} ms, {} requests, {} failed", label, sample.p50(), sample.p99(),
				sample.requests(), sample.failed());
		return sample;
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
