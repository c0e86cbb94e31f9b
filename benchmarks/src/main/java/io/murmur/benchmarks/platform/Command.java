package io.murmur.benchmarks.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short command of the machine (a reference tool, a JDK tool, {@code renice}) and
 * returns what it printed.
 */
public final class Command {

	private Command() {
	}

	/**
	 * Runs a command to its end.
	 * @param command the command and its arguments
	 * @param timeout how long it may take
	 * @return its output, standard error included
	 * @throws IllegalStateException if it fails, with its output, or does not end in time
	 * @throws UncheckedIOException if it cannot be started
	 */
	public static String run(List<String> command, Duration timeout) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + command.get(0), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
