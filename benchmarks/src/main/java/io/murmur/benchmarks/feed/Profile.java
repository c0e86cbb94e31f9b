package io.murmur.benchmarks.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.murmur.benchmarks.platform.Command;

/**
 * A Java Flight Recorder profile of a service while a scenario runs: started and stopped
 * with {@code jcmd}, read with {@code jfr print}, and summed up as the share of CPU
 * samples whose innermost frame of Murmur's own code, or else of a library, is each
 * method.
 *
 * @param pid the service's process
 * @param file where the recording goes
 */
record Profile(long pid, Path file) {

	static Profile start(long pid, Path file) {
		try {
			Files.createDirectories(file.getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		run(List.of(tool("jcmd"), Long.toString(pid), "JFR.start", "name=benchmark", "settings=profile",
				"filename=" + file));
		return new Profile(pid, file);
	}

	/**
	 * Stops the recording and sums it up.
	 * @param top how many methods to keep
	 * @return share of samples by method, largest first
	 */
	Map<String, Double> stop(int top) {
		run(List.of(tool("jcmd"), Long.toString(this.pid), "JFR.stop", "name=benchmark"));
		String printed = run(List.of(tool("jfr"), "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64",
				this.file.toString()));
		Map<String, Integer> counts = new HashMap<>();
		int samples = 0;
		String innermost = null;
		String innermostOwn = null;
		for (String line : printed.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("jdk.ExecutionSample")) {
				if (innermost != null) {
					counts.merge((innermostOwn != null) ? innermostOwn : innermost, 1, Integer::sum);
					samples++;
				}
				innermost = null;
				innermostOwn = null;
			}
			else if (trimmed.contains("line:") && !trimmed.startsWith("stackTrace")) {
				String method = trimmed.substring(0, trimmed.indexOf("line:")).strip();
				if (innermost == null) {
					innermost = method;
				}
				if (innermostOwn == null && method.startsWith("io.murmur.")) {
					innermostOwn = method;
				}
			}
		}
		if (innermost != null) {
			counts.merge((innermostOwn != null) ? innermostOwn : innermost, 1, Integer::sum);
			samples++;
		}
		int total = Math.max(1, samples);
		Map<String, Double> shares = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
			.limit(top)
			.forEach((entry) -> shares.put(entry.getKey(), Math.round(1000.0 * entry.getValue() / total) / 10.0));
		shares.put("(samples)", (double) samples);
		return shares;
	}

	private static String tool(String name) {
		return Path.of(System.getProperty("java.home"), "bin", name).toString();
	}

	private static String run(List<String> command) {
		return Command.run(command, Duration.ofMinutes(2));
	}

}
