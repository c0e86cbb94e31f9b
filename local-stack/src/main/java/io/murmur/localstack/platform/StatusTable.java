package io.murmur.localstack.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.murmur.localstack.platform.PlatformState.Component;

/**
 * Prints what runs where, as a table people can read in a terminal.
 */
final class StatusTable {

	private static final List<String> HEADERS = List.of("NAME", "KIND", "ENDPOINT", "PID", "HEALTH", "CHECKED", "LOG");

	private StatusTable() {
	}

	static void print(PlatformState state, PrintStream out) {
		Instant now = Instant.now();
		List<List<String>> rows = new ArrayList<>();
		rows.add(HEADERS);
		for (Component component : state.components()) {
			rows.add(List.of(component.name(), component.kind().id(),
					(component.endpoint() != null) ? component.endpoint() : "-",
					(component.pid() > 0) ? Long.toString(component.pid()) : "-", component.status().id(),
					(component.checkedAt() != null) ? ago(component.checkedAt(), now) : "-",
					PlatformHome.display(Path.of(component.log()))));
		}
		int[] widths = new int[HEADERS.size()];
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.size(); i++) {
				line.append(row.get(i));
				if (i + 1 < row.size()) {
					line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
				}
			}
			out.println(line.toString().stripTrailing());
		}
		state.gatewayUrl().ifPresent((url) -> {
			out.println();
			out.println("Gateway: " + url);
		});
	}

	static String ago(Instant then, Instant now) {
		return duration(Duration.between(then, now).isNegative() ? Duration.ZERO : Duration.between(then, now))
				+ " ago";
	}

	/**
	 * A duration as people say it: {@code 0.4 s}, {@code 12 s}, {@code 3m 05s},
	 * {@code 2h 10m}.
	 * @param duration the duration
	 * @return the text
	 */
	static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 10) {
			return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
		}
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
	}

}
