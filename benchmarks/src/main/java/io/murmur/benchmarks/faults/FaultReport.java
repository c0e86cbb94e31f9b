package io.murmur.benchmarks.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.benchmarks.report.Machine;
import io.murmur.reliability.auth.AuthMatrixRun;
import io.murmur.reliability.badinput.BadInputRun;
import io.murmur.reliability.faults.Call;
import io.murmur.reliability.faults.CallLog;
import io.murmur.reliability.faults.CallLog.RouteStats;
import io.murmur.reliability.faults.Checker.Verdict;
import io.murmur.reliability.faults.Ledger;

/**
 * Writes a campaign's report: {@code README.md} (the verdict, then each fault with the
 * routes it broke and the p99 of those it did not, then the generated bad inputs and the
 * auth matrix), {@code summary.json} and {@code timeline.png} (what share of calls
 * succeeded, second by second, with the faults marked).
 */
final class FaultReport {

	/**
	 * A route's answers count as timely within the gateway's route timeout and a margin.
	 */
	static final long TIMELY_MS = 7_000;

	/**
	 * While the gateway itself is down a call must be refused at once (a load balancer or
	 * the client goes to another replica), within this.
	 */
	static final long REFUSED_MS = 1_000;

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
			md.append(run.passed() ? "**Passed**: " : "**Failed**: ").append(verdictLine(run)).append("\n\n");
			md.append("The converge time runs from the moment the last fault was mended to the end of the first ")
				.append("check that found everything acknowledged. The load stops at that mend, and the checks run one ")
				.append("after another on the quiet platform, so that they measure the platform catching up rather ")
				.append("than the checker queueing behind the load for the same two cores. A check reads every ")
				.append("author's timeline, every feed and notification list, every photo and a search for every post, ")
				.append("and takes a while itself, so the time is an upper bound by up to one check. The counts below ")
				.append("are those of a final check made afresh after that. Unchecked is what a look-up could not see ")
				.append("(no answer, 401, 429 or a 5xx): ")
				.append("neither found nor lost, and the checks go on while anything is.\n\n");
			md.append("| kind | acknowledged | lost | duplicated | unchecked |\n|---|---:|---:|---:|---:|\n");
			run.verdict()
				.byKind()
				.forEach((kind, counts) -> md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", kind,
						counts.acknowledged(), counts.lost(), counts.duplicated(), counts.unchecked())));
			md.append(String.format(Locale.ROOT,
					"%nWrites of unknown outcome (no answer or a 5xx; may exist, never twice): %d posts, %d likes, "
							+ "%d follows. Requests not sent because 64 were waiting: %d. Live notification streams "
							+ "opened again %d times after they ended or broke, each resuming after its last "
							+ "event.%n%n",
					run.ledger().unknownPosts().size(), run.ledger().unknownLikes().size(),
					run.ledger().unknownFollows().size(), run.dropped(), run.streamsReopened()));
			if (!run.verdict().examples().isEmpty()) {
				md.append("Examples:\n\n");
				run.verdict().examples().forEach((example) -> md.append("- ").append(example).append('\n'));
				md.append('\n');
			}
			List<Call> cut = cutByTheFrontDoor(run);
			Map<String, RouteStats> all = CallLog.byRoute(without(run.calls().between(0, run.workloadEnd()), cut));
			int serverErrors = all.values().stream().mapToInt(RouteStats::serverErrors).sum();
			int malformed = all.values().stream().mapToInt(RouteStats::malformed).sum();
			md.append(String.format(Locale.ROOT,
					"Over the whole run: %d calls, %d answered 500 or another 5xx than 503/504, %d errors without a "
							+ "problem body or without any answer, besides %d calls refused or cut off while the gateway "
							+ "itself was down (each within %d ms of its start or of the kill).%n%n",
					all.values().stream().mapToInt(RouteStats::calls).sum() + cut.size(), serverErrors, malformed,
					cut.size(), REFUSED_MS));
			md.append("![Share of calls answered 2xx, per second](timeline.png)\n\n");
			md.append("## Calm\n\n");
			md.append(String.format(Locale.ROOT, "%d s without a fault before the first one.%n%n",
					(run.calmTo() - run.calmFrom()) / 1000));
			routeTable(md, calm, Map.of());
			md.append("## Faults\n\n");
			md.append("Each window runs from the fault to the end of the settling time after it was mended; ")
				.append("the last one ends at its mend, where the load stops. ")
				.append("A route is affected when any call failed in the window. Affected routes must fail with ")
				.append("503 (or 504) problem+json within ")
				.append(TIMELY_MS / 1000)
				.append(" s (the 5 s route timeout and a margin); the others must keep serving, their p99 beside ")
				.append("the calm one. While the gateway itself is down nothing is left to answer, so every call ")
				.append("must be refused at once (within ")
				.append(REFUSED_MS)
				.append(" ms), where a load balancer or the client would try another replica.\n\n");
			for (Window window : run.windows()) {
				Map<String, RouteStats> during = CallLog.byRoute(run.calls().between(window.from(), window.to()));
				List<String> affected = during.entrySet()
					.stream()
					.filter((entry) -> entry.getValue().succeeded() < entry.getValue().calls())
					.map(Map.Entry::getKey)
					.toList();
				Map<String, RouteStats> judged = CallLog
					.byRoute(without(run.calls().between(window.from(), window.to()), cut));
				boolean clean = affected.stream()
					.map(judged::get)
					.allMatch((stats) -> stats == null || (stats.failedCleanly() && stats.slowestError() <= TIMELY_MS));
				md.append("### ").append(window.name()).append("\n\n").append(window.what()).append(". ");
				md.append(String.format(Locale.ROOT, "Held %.0f s, mended in %.1f s; affected: %s; %s.%n%n",
						(window.healing() - window.from()) / 1000.0, (window.healed() - window.healing()) / 1000.0,
						affected.isEmpty() ? "none" : String.join(", ", affected),
						clean ? (window.frontDoor() ? "every failure refused at once or a timely 503 problem"
								: "every failure a timely 503 problem")
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
			badInputs(md, run.probes());
			authMatrix(md, run.probes());
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
			summary.put("passed", run.passed());
			summary.put("acknowledged", run.verdict().acknowledged());
			summary.put("lost", run.verdict().lost());
			summary.put("duplicated", run.verdict().duplicated());
			summary.put("unchecked", run.verdict().unchecked());
			summary.put("server_errors", serverErrors);
			summary.put("malformed_errors", malformed);
			summary.put("converged", run.converged());
			summary.put("converged_ms", converge);
			summary.put("converge_limit_ms", CONVERGE_LIMIT_MS);
			summary.put("bad_inputs", run.probes().badInputs());
			summary.put("auth_matrix", run.probes().auth());
			summary.put("probe_error", run.probes().error());
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

	/**
	 * The verdict in one line: what the platform acknowledged and whether it kept it, how
	 * long it took to come back, and how it answered the bad inputs and the auth matrix.
	 * @param run the run
	 * @return the line
	 */
	static String verdictLine(Run run) {
		Verdict verdict = run.verdict();
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
				"acknowledged %d, lost %d, duplicated %d, unchecked %d; %s %.1f s after the last fault was mended "
						+ "(limit %d s); ",
				verdict.acknowledged(), verdict.lost(), verdict.duplicated(), verdict.unchecked(),
				run.converged() ? "converged" : "not converged, gave up", run.convergedMs() / 1000.0,
				CONVERGE_LIMIT_MS / 1000));
		Probes probes = run.probes();
		if (probes.badInputs() != null) {
			BadInputRun.Result bad = probes.badInputs();
			line.append(String.format(Locale.ROOT,
					"bad inputs %d, 5xx %d (errors without a problem %d, without an answer %d); ", bad.requests(),
					bad.serverErrors(), bad.withoutProblem(), bad.noAnswer()));
		}
		else {
			line.append("bad inputs not sent; ");
		}
		if (probes.auth() != null) {
			line.append(String.format(Locale.ROOT, "auth cases %d, holes %d.", probes.auth().cases(),
					probes.auth().holes()));
		}
		else {
			line.append("auth matrix not sent.");
		}
		return line.toString();
	}

	/**
	 * Opens the section of one of the probes sent after the check.
	 * @return whether it was sent; if not, the section says why
	 */
	private static boolean opened(StringBuilder md, String title, @Nullable Object result, Probes probes) {
		md.append("## ").append(title).append("\n\n");
		if (result == null) {
			md.append("**Not sent**: ").append(probes.error()).append("\n\n");
			return false;
		}
		return true;
	}

	private static void badInputs(StringBuilder md, Probes probes) {
		BadInputRun.Result bad = probes.badInputs();
		if (!opened(md, "Generated bad inputs", bad, probes)) {
			return;
		}
		md.append("After the check, against the same platform: bad requests generated from the OpenAPI document ")
			.append("every service publishes (hostile path ids, bad query values, wrong types, missing fields, huge ")
			.append("and Unicode values, malformed JSON, duplicate keys, oversized bodies, wrong content types, ")
			.append("broken multipart forms, wrong methods), through the gateway and to each service directly, ")
			.append("nine in ten with a user's token. None may get a 5xx, and every 4xx must be an RFC 9457 ")
			.append("problem.\n\n");
		md.append(String.format(Locale.ROOT,
				"Seed %d, %d operations, %d requests in %d s: **%d answered 5xx**, %d errors without a proper "
						+ "problem, %d without an answer.%n%n",
				bad.seed(), bad.operations(), bad.requests(), bad.took().toSeconds(), bad.serverErrors(),
				bad.withoutProblem(), bad.noAnswer()));
		byTarget(md, "requests", bad.byTarget());
		md.append("Answered: ");
		md.append(String.join(", ", bad.byStatus()
			.entrySet()
			.stream()
			.map((entry) -> ((entry.getKey() == 0) ? "no answer" : entry.getKey()) + " \u00d7 " + entry.getValue())
			.toList()));
		md.append(".\n\n");
		faults(md, bad.byKind(), "target, fault and kind", bad.examples());
	}

	private static void authMatrix(StringBuilder md, Probes probes) {
		AuthMatrixRun.Result auth = probes.auth();
		if (!opened(md, "Auth matrix", auth, probes)) {
			return;
		}
		md.append("Every operation that needs a user's token, with no token, garbage, `alg: none`, a bad ")
			.append("signature, an expired token, a wrong audience, a wrong issuer (those three signed with the ")
			.append("platform's own key) and a service's token, at the gateway and at its own service. Each must ")
			.append("be refused with a 401 problem; a service's token with a 403 at a service.\n\n");
		md.append(String.format(Locale.ROOT, "%d operations (%d protected), %d cases: **%d holes**.%n%n",
				auth.operations(), auth.protectedOperations(), auth.cases(), auth.holes()));
		byTarget(md, "cases", auth.casesByTarget());
		faults(md, auth.byKind(), "target and token", auth.examples());
	}

	private static void byTarget(StringBuilder md, String what, Map<String, Integer> counts) {
		md.append("| target | ").append(what).append(" |\n|---|---:|\n");
		counts.forEach((target, count) -> md.append("| ").append(target).append(" | ").append(count).append(" |\n"));
		md.append('\n');
	}

	private static void faults(StringBuilder md, Map<String, Long> byKind, String key, List<String> examples) {
		if (byKind.isEmpty()) {
			return;
		}
		md.append("By ").append(key).append(":\n\n");
		byKind.forEach((kind, count) -> md.append("- ").append(kind).append(": ").append(count).append('\n'));
		md.append("\nThe first ones:\n\n```\n");
		examples.forEach((example) -> md.append(example).append('\n'));
		md.append("```\n\n");
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
	 * @param to when the settling load after it ended
	 * @param frontDoor whether it was the gateway that was down
	 */
	record Window(String name, String what, long from, long healing, long healed, long to, boolean frontDoor) {

	}

	/**
	 * The calls that got no answer because the gateway itself was down: refused within
	 * {@link #REFUSED_MS} of their start, or cut off by the kill (ended within that of
	 * it), while a front-door fault was held. A call that hung instead is not among them.
	 */
	static List<Call> cutByTheFrontDoor(Run run) {
		List<Call> cut = new ArrayList<>();
		for (Window window : run.windows()) {
			if (!window.frontDoor()) {
				continue;
			}
			for (Call call : run.calls().all()) {
				long ended = call.startedAt() + call.millis();
				boolean refused = call.startedAt() >= window.from() && call.startedAt() < window.healed()
						&& call.millis() <= REFUSED_MS;
				boolean cutOff = call.startedAt() < window.from() && ended >= window.from()
						&& ended <= window.from() + REFUSED_MS;
				if (call.status() == Call.NO_ANSWER && (refused || cutOff)) {
					cut.add(call);
				}
			}
		}
		return cut;
	}

	private static List<Call> without(List<Call> calls, List<Call> cut) {
		Set<Call> left = new HashSet<>(cut);
		return calls.stream().filter((call) -> !left.contains(call)).toList();
	}

	/**
	 * Everything a report is made of; {@code convergedMs} is -1 if what was acknowledged
	 * before the last mend was never all found.
	 */
	record Run(String command, Instant startedAt, Instant endedAt, CallLog calls, Ledger ledger, Verdict verdict,
			List<Window> windows, long calmFrom, long calmTo, long workloadEnd, long convergedMs, long dropped,
			int streamsReopened, Probes probes, Machine machine) {

		/**
		 * Whether everything acknowledged was found in the end, and what was acknowledged
		 * before the last mend was found after it.
		 * @return whether the run converged
		 */
		boolean converged() {
			return this.verdict.clean() && this.convergedMs >= 0;
		}

		/**
		 * Whether the platform kept everything it acknowledged, once, came back in time,
		 * answered every bad input properly and let no bad token through.
		 * @return whether the run passed
		 */
		boolean passed() {
			return this.verdict.clean() && converged() && this.convergedMs <= CONVERGE_LIMIT_MS
					&& this.probes.badInputs() != null && this.probes.badInputs().faults() == 0
					&& this.probes.auth() != null && this.probes.auth().holes() == 0;
		}

	}

	/**
	 * The generated bad inputs and the auth matrix, sent after the check.
	 *
	 * @param badInputs what the bad inputs found, or {@code null} if they were not sent
	 * @param auth what the auth matrix found, or {@code null} if it was not sent
	 * @param error why they were not sent, or {@code null}
	 */
	record Probes(BadInputRun.@Nullable Result badInputs, AuthMatrixRun.@Nullable Result auth, @Nullable String error) {

	}

}
