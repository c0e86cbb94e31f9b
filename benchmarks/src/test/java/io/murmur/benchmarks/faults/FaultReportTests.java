package io.murmur.benchmarks.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.benchmarks.report.Machine;
import io.murmur.reliability.auth.AuthMatrixRun;
import io.murmur.reliability.badinput.BadInputRun;
import io.murmur.reliability.faults.Call;
import io.murmur.reliability.faults.CallLog;
import io.murmur.reliability.faults.Checker.Verdict;
import io.murmur.reliability.faults.Ledger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FaultReport} from a made-up run: the verdict carries every number the campaign
 * is judged by, and any one of them fails it.
 */
class FaultReportTests {

	static final Machine MACHINE = new Machine(2, 24_000, 12_000, "1.0 1.0 1.0", "2.0 2.0 2.0", "25", "Linux",
			List.of());

	@TempDir
	Path dir;

	@Test
	void shouldWriteEveryNumberOfAPassingRunIntoTheVerdictAndTheSummary() throws Exception {
		Run run = new Run(clean(), 0, 0, null);

		FaultReport.write(this.dir, run.report());

		String readme = Files.readString(this.dir.resolve("README.md"));
		assertThat(readme).contains("**Passed**: acknowledged 3, lost 0, duplicated 0, unchecked 0; converged 12.0 s "
				+ "after the last fault was mended (limit 30 s); bad inputs 10004, 5xx 0 (errors without a problem 0, "
				+ "without an answer 0); auth cases 640, holes 0.")
			.contains("## Generated bad inputs", "Seed 20260421, 40 operations, 10004 requests", "| gateway | 6000 |",
					"## Auth matrix", "| gateway | 320 |", "## Machine")
			.contains("Command: `benchmarks/run faults --bad-inputs 10000`");
		JsonNode summary = JsonMapper.builder().build().readTree(this.dir.resolve("summary.json").toFile());
		assertThat(summary.path("passed").asBoolean()).isTrue();
		assertThat(summary.path("unchecked").asLong()).isZero();
		assertThat(summary.path("bad_inputs").path("requests").asInt()).isEqualTo(10004);
		assertThat(summary.path("bad_inputs").path("serverErrors").asLong()).isZero();
		assertThat(summary.path("auth_matrix").path("holes").asLong()).isZero();
		assertThat(Files.size(this.dir.resolve("timeline.png"))).isPositive();
	}

	@Test
	void shouldFailARunWithA5xxAHoleOrSomethingUnchecked() throws Exception {
		Verdict unchecked = new Verdict(Map.of("posts", new Verdict.Counts(3, 0, 0, 1)), List.of(), Duration.ZERO);

		assertThat(new Run(clean(), 0, 0, null).report().passed()).isTrue();
		assertThat(new Run(unchecked, 0, 0, null).report().passed()).isFalse();
		assertThat(new Run(clean(), 1, 0, null).report().passed()).isFalse();
		assertThat(new Run(clean(), 0, 1, null).report().passed()).isFalse();
		assertThat(new Run(clean(), 0, 0, "user-service publishes no API document").report().passed()).isFalse();

		FaultReport.write(this.dir, new Run(clean(), 1, 1, null).report());
		String readme = Files.readString(this.dir.resolve("README.md"));
		assertThat(readme).contains("opened again 2 times");
		assertThat(readme).contains("**Failed**: ", "bad inputs 10004, 5xx 1 ", "auth cases 640, holes 1.",
				"- gateway 5xx WRONG_TYPE: 1", "- post ALG_NONE: 1", "  [gateway] 5xx: POST /api/v1/posts");
	}

	@Test
	void shouldSayWhyTheBadInputsWereNotSent() throws Exception {
		FaultReport.write(this.dir, new Run(clean(), 0, 0, "user-service publishes no API document").report());

		assertThat(Files.readString(this.dir.resolve("README.md"))).contains("**Failed**: ", "bad inputs not sent",
				"**Not sent**: user-service publishes no API document");
	}

	@Test
	void shouldTakeCallsRefusedWhileTheGatewayIsDownForItsAnswerButNotACallThatHung() throws Exception {
		CallLog calls = new CallLog();
		calls.add(new Call("feed", 1_100, 3, Call.NO_ANSWER, false));
		calls.add(new Call("post", 900, 150, Call.NO_ANSWER, false));
		calls.add(new Call("post", 2_500, 120, 201, false));
		FaultReport.Window gatewayDown = new FaultReport.Window("kill -9 gateway-service", "the gateway killed", 1_000,
				2_000, 2_400, 3_000, true);

		FaultReport.write(this.dir, new Run(clean(), 0, 0, null).report(calls, gatewayDown));

		assertThat(Files.readString(this.dir.resolve("README.md"))).contains(
				"0 errors without a problem body or without any answer, besides 2 calls refused or cut off while the "
						+ "gateway itself was down",
				"every failure refused at once or a timely 503 problem");

		calls.add(new Call("search", 1_200, 5_000, Call.NO_ANSWER, false));
		FaultReport.write(this.dir, new Run(clean(), 0, 0, null).report(calls, gatewayDown));

		assertThat(Files.readString(this.dir.resolve("README.md"))).contains(
				"1 errors without a problem body or without any answer, besides 2 calls refused",
				"**some failures were not a timely 503 problem**");
	}

	static Verdict clean() {
		return new Verdict(Map.of("posts", new Verdict.Counts(3, 0, 0, 0)), List.of(), Duration.ZERO);
	}

	/** A made-up run: one fault, one verdict, so many 5xx and so many holes. */
	record Run(Verdict verdict, long serverErrors, long holes, String error) {

		FaultReport.Run report() {
			return report(new CallLog(), new FaultReport.Window("kill -9 post-service", "post-service killed", 1_000,
					2_000, 2_400, 3_000, false));
		}

		FaultReport.Run report(CallLog calls, FaultReport.Window window) {
			BadInputRun.Result bad = new BadInputRun.Result(20260421L, 40, 10004, Duration.ofSeconds(300),
					Map.of("gateway", 6000, "post", 4004),
					Map.of(400, 10004L - this.serverErrors, 500, this.serverErrors), this.serverErrors, 0, 0,
					(this.serverErrors > 0) ? Map.of("gateway 5xx WRONG_TYPE", this.serverErrors) : Map.of(),
					(this.serverErrors > 0) ? List.of("  [gateway] 5xx: POST /api/v1/posts\n      -> 500") : List.of());
			AuthMatrixRun.Result auth = new AuthMatrixRun.Result(40, 35, 640, Map.of("gateway", 320, "post", 320),
					this.holes, (this.holes > 0) ? Map.of("post ALG_NONE", this.holes) : Map.of(), List.of());
			FaultReport.Probes probes = (this.error != null) ? new FaultReport.Probes(null, null, this.error)
					: new FaultReport.Probes(bad, auth, null);
			return new FaultReport.Run("benchmarks/run faults --bad-inputs 10000", Instant.EPOCH,
					Instant.EPOCH.plusSeconds(60), calls, new Ledger(), this.verdict, List.of(window), 0, 1_000, 3_000,
					12_000, 0, 2, probes, MACHINE);
		}

	}

}
