package io.murmur.benchmarks.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.benchmarks.report.Machine;
import io.murmur.reliability.faults.Call;
import io.murmur.reliability.faults.CallLog;
import io.murmur.reliability.faults.CallLog.RouteStats;
import io.murmur.reliability.faults.Checker.Verdict;
import io.murmur.reliability.faults.Ledger;

/**
 * Writes a campaign's report: {@code README.md} (the verdict, then each fault with the
 * routes it broke and the p99 of those it did not), {@code summary.json} and
 * {@code timeline.png} (what share of calls succeeded, second by second, with the faults
 * marked).
 */
final class FaultReport {

	/**
	 * A route's answers count as timely within the gateway's route timeout and a margin.
	 */
	static final long TIMELY_MS = 7_000;

	/** The most a campaign may take to converge after its last fault. */
	static final long CONVERGE_LIMIT_MS = 30_000;

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private FaultReport() {
	}

	static void write(Path dir, Run run) {
		try {
			Files.createDirectories(dir);
			Map<String, RouteStats> calm = CallLog.byRoute(run.calls().between(run.calmFrom(), run.calmTo()));
			List<Map<String, Object>> faults = new ArrayList<>();
			StringBuilder md = new StringBuilder();
			md.append("# Fault campaign, ").append(run.startedAt().toString(), 0, 10).append("\n\n");
			md.append("Command: `")
				.append(run.command())
				.append("`, from ")
				.append(run.startedAt())
				.append(" to ")
				.append(run.endedAt())
				.append(".\n\n");
			md.append("A steady mixed workload through the gateway (register, follow, post, some with a photo, ")
				.append("reply, like, read feeds, search, read the unread count) while one fault at a time hits a ")
				.append("service or a store. Afterwards every write the platform acknowledged is looked for ")
				.append("through the public API: the post itself, every follower's feed, search, the like count, ")
				.append("the recipient's notifications and the photo's URL.\n\n");
			md.append("## Verdict\n\n");
			long converge = run.convergedMs();
			md.append(String.format(Locale.ROOT,
					"**Acknowledged %d, lost %d, duplicated %d**; %s %.1f s after the last fault was mended "
							+ "(limit %d s).%n%n",
					run.verdict().acknowledged(), run.verdict().lost(), run.verdict().duplicated(),
					run.verdict().clean() ? "converged" : "**not converged**, gave up", converge / 1000.0,
					CONVERGE_LIMIT_MS / 1000));
			md.append("The converge time is an upper bound: it runs from the moment the last fault was mended, ")
				.append("through the settling load after it, to the end of the first check that found everything; ")
				.append("a check reads every feed, notification list and post, and takes seconds itself.\n\n");
			md.append("| kind | acknowledged | lost | duplicated |\n|---|---:|---:|---:|\n");
			run.verdict()
				.byKind()
				.forEach((kind, counts) -> md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", kind,
						counts.acknowledged(), counts.lost(), counts.duplicated())));
			md.append(String.format(Locale.ROOT,
					"%nWrites of unknown outcome (no answer or a 5xx; may exist, never twice): %d posts, %d likes, "
							+ "%d follows. Requests not sent because 64 were waiting: %d.%n%n",
					run.ledger().unknownPosts().size(), run.ledger().unknownLikes().size(),
					run.ledger().unknownFollows().size(), run.dropped()));
			if (!run.verdict().examples().isEmpty()) {
				md.append("Examples:\n\n");
				run.verdict().examples().forEach((example) -> md.append("- ").append(example).append('\n'));
				md.append('\n');
			}
			Map<String, RouteStats> all = CallLog.byRoute(run.calls().between(0, run.workloadEnd()));
			int serverErrors = all.values().stream().mapToInt(RouteStats::serverErrors).sum();
			int malformed = all.values().stream().mapToInt(RouteStats::malformed).sum();
			md.append(String.format(Locale.ROOT,
					"Over the whole run: %d calls, %d answered 500 or another 5xx than 503/504, %d errors without a "
							+ "problem body or without any answer.%n%n",
					all.values().stream().mapToInt(RouteStats::calls).sum(), serverErrors, malformed));
			md.append("![Share of calls answered 2xx, per second](timeline.png)\n\n");
			md.append("## Calm\n\n");
			md.append(String.format(Locale.ROOT, "%d s without a fault before the first one.%n%n",
					(run.calmTo() - run.calmFrom()) / 1000));
			routeTable(md, calm, Map.of());
			md.append("## Faults\n\n");
			md.append("Each window runs from the fault to the end of the settling time after it was mended. ")
				.append("A route is affected when any call failed in the window. Affected routes must fail with ")
				.append("503 (or 504) problem+json within ")
				.append(TIMELY_MS / 1000)
				.append(" s (the 5 s route timeout and a margin); the others must keep serving, their p99 beside ")
				.append("the calm one.\n\n");
			for (Window window : run.windows()) {
				Map<String, RouteStats> during = CallLog.byRoute(run.calls().between(window.from(), window.to()));
				List<String> affected = during.entrySet()
					.stream()
					.filter((entry) -> entry.getValue().succeeded() < entry.getValue().calls())
					.map(Map.Entry::getKey)
					.toList();
				boolean clean = affected.stream()
					.map(during::get)
					.allMatch((stats) -> stats.failedCleanly() && stats.slowestError() <= TIMELY_MS);
				md.append("### ").append(window.name()).append("\n\n").append(window.what()).append(". ");
				md.append(String.format(Locale.ROOT, "Held %.0f s, mended in %.1f s; affected: %s; %s.%n%n",
						(window.healing() - window.from()) / 1000.0, (window.healed() - window.healing()) / 1000.0,
						affected.isEmpty() ? "none" : String.join(", ", affected),
						clean ? "every failure a timely 503 problem"
								: "**some failures were not a timely 503 problem**"));
				routeTable(md, during, calm);
				Map<String, Object> fault = new LinkedHashMap<>();
				fault.put("name", window.name());
				fault.put("held_ms", window.healing() - window.from());
				fault.put("mended_ms", window.healed() - window.healing());
				fault.put("affected", affected);
				fault.put("failed_cleanly", clean);
				fault.put("routes", during);
				faults.add(fault);
			}
			md.append("## Machine\n\n");
			Machine machine = run.machine();
			md.append(String.format(Locale.ROOT,
					"%d cores, %d MB memory (%d MB available at the start), load average %s at the start and %s at "
							+ "the end; %s on %s. Everything ran on this one machine: the stores, the eight services, "
							+ "the workload and the checker.%n",
					machine.cores(), machine.memoryTotalMb(), machine.memoryAvailableMb(), machine.loadAverageAtStart(),
					machine.loadAverageAtEnd(), machine.jdk(), machine.os()));
			Files.writeString(dir.resolve("README.md"), md.toString());
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("command", run.command());
			summary.put("acknowledged", run.verdict().acknowledged());
			summary.put("lost", run.verdict().lost());
			summary.put("duplicated", run.verdict().duplicated());
			summary.put("server_errors", serverErrors);
			summary.put("malformed_errors", malformed);
			summary.put("converged_ms", converge);
			summary.put("by_kind", run.verdict().byKind());
			summary.put("calm", calm);
			summary.put("faults", faults);
			Files.writeString(dir.resolve("summary.json"), json.writeValueAsString(summary) + "\n");
			timeline(run, dir.resolve("timeline.png"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void routeTable(StringBuilder md, Map<String, RouteStats> routes, Map<String, RouteStats> calm) {
		md.append("| route | calls | 2xx | 503/504 problem | other errors | slowest error ms | p99 ms")
			.append(calm.isEmpty() ? "" : " | calm p99 ms")
			.append(" |\n|---|---:|---:|---:|---:|---:|---:")
			.append(calm.isEmpty() ? "" : "|---:")
			.append("|\n");
		routes.forEach((route, stats) -> {
			md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d", route, stats.calls(),
					stats.succeeded(), stats.unavailable(), stats.calls() - stats.succeeded() - stats.unavailable(),
					stats.slowestError(), stats.p99Succeeded()));
			if (!calm.isEmpty()) {
				RouteStats before = calm.get(route);
				md.append(" | ").append((before != null) ? Long.toString(before.p99Succeeded()) : "");
			}
			md.append(" |\n");
		});
		md.append('\n');
	}

	private static void timeline(Run run, Path file) throws IOException {
		System.setProperty("java.awt.headless", "true");
		int seconds = (int) (run.workloadEnd() / 1000) + 1;
		double[] x = new double[seconds];
		double[] writes = new double[seconds];
		double[] reads = new double[seconds];
		int[][] counts = new int[seconds][4];
		for (Call call : run.calls().between(0, run.workloadEnd())) {
			int second = (int) (call.startedAt() / 1000);
			int column = isWrite(call.route()) ? 0 : 2;
			counts[second][column]++;
			if (call.succeeded()) {
				counts[second][column + 1]++;
			}
		}
		for (int i = 0; i < seconds; i++) {
			x[i] = i;
			writes[i] = (counts[i][0] > 0) ? 100.0 * counts[i][1] / counts[i][0] : Double.NaN;
			reads[i] = (counts[i][2] > 0) ? 100.0 * counts[i][3] / counts[i][2] : Double.NaN;
		}
		XYChart chart = new XYChartBuilder().width(1200)
			.height(500)
			.title("Calls answered 2xx per second; shaded: a fault until it was mended")
			.xAxisTitle("seconds since the load began")
			.yAxisTitle("% 2xx")
			.build();
		chart.getStyler().setYAxisMin(0.0).setYAxisMax(105.0).setMarkerSize(0);
		double[] faulty = new double[seconds];
		for (Window window : run.windows()) {
			for (int i = (int) (window.from() / 1000); i <= Math.min(seconds - 1, window.healed() / 1000); i++) {
				faulty[i] = 100;
			}
		}
		chart.addSeries("fault", x, faulty).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
		chart.addSeries("writes", x, writes);
		chart.addSeries("reads", x, reads);
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
	}

	private static boolean isWrite(String route) {
		return List.of("post", "reply", "like", "follow", "register", "upload").contains(route);
	}

	/**
	 * One fault as it happened.
	 *
	 * @param name its name
	 * @param what what it did
	 * @param from when it was injected, in the call log's milliseconds
	 * @param healing when the harness began to mend it
	 * @param healed when the broken part answered again
	 */
	record Window(String name, String what, long from, long healing, long healed) {

		long to() {
			return this.healed + 20_000;
		}

	}

	/**
	 * Everything a report is made of.
	 */
	record Run(String command, Instant startedAt, Instant endedAt, CallLog calls, Ledger ledger, Verdict verdict,
			List<Window> windows, long calmFrom, long calmTo, long workloadEnd, long convergedMs, long dropped,
			Machine machine) {

	}

}
