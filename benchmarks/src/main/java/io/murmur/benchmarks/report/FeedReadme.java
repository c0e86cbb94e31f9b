package io.murmur.benchmarks.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.murmur.benchmarks.feed.DeliveryLag;
import io.murmur.benchmarks.feed.FanOutThroughput;
import io.murmur.benchmarks.feed.MixedWorkload;
import io.murmur.benchmarks.feed.StrategyComparison;
import io.murmur.benchmarks.feed.StrategyComparison.Strategy;
import io.murmur.benchmarks.load.LatencySample;

/**
 * The home-feed sections of a report's README: how each figure was measured, its value
 * with its spread, and its target.
 */
final class FeedReadme {

	private FeedReadme() {
	}

	static String sections(FeedResults feed, FeedFigures figures) {
		StringBuilder md = new StringBuilder();
		if (!feed.loading().isEmpty()) {
			md.append("## Loading the graphs\n\nThrough the operators' import endpoints "
					+ "(`/internal/users/import`, `/internal/follows/import`, with the run's service token):\n\n");
			feed.loading()
				.forEach((graph, parts) -> md
					.append(String.format(Locale.ROOT, "- %s: users in %.0f s, follows in %.0f s%n", graph,
							parts.get("users_seconds"), parts.get("follows_seconds"))));
			md.append('\n');
		}
		List<FanOutThroughput.RoundResult> fanOut = feed.fanOut();
		Spread rate = figures.fanOutRate();
		if (fanOut != null && rate != null) {
			FanOutThroughput.Sample first = fanOut.get(0).bursts().get(0);
			md.append("## Fan-out throughput\n\n")
				.append(String.format(Locale.ROOT,
						"Every feed of the power-law graph kept (every user active), then the %d most-followed "
								+ "authors below the push threshold post once each at post-service, as fast as it "
								+ "acknowledges; the clock runs from the first post sent to the last timeline insert "
								+ "counted by Redis (ZADD calls, inside feed-service's merge script), %,d inserts per "
								+ "burst. Each round restarts feed-service with its settings; the first is feed-service "
								+ "as it ships. A round's first %d bursts warm the new JVM up and are not counted; "
								+ "the first of them also fills feed-service's copies of the authors' follower ids. "
								+ "feed-service is profiled with Java Flight Recorder during the bursts.%n%n"
								+ "| round | why | warm-up bursts, inserts/s | inserts/s | ratio to ZADD "
								+ "| Redis CPU per insert, µs |%n| --- | --- | --- | --- | --- | --- |%n",
						first.posts(), first.expectedInserts(), FanOutThroughput.WARM_UP_BURSTS));
			for (FanOutThroughput.RoundResult round : fanOut) {
				Spread roundRate = FeedFigures.rate(round);
				md.append("| ")
					.append(round.round().name())
					.append(" | ")
					.append(round.round().why())
					.append(" | ")
					.append(String.join(", ", round.warmUpRates().stream().map(FeedReadme::whole).toList()))
					.append(" | ")
					.append(whole(roundRate.median()))
					.append(" (")
					.append(whole(roundRate.min()))
					.append(" – ")
					.append(whole(roundRate.max()))
					.append(") | ")
					.append((figures.zaddMedian() != null)
							? String.format(Locale.ROOT, "%.3f", roundRate.median() / figures.zaddMedian()) : "-")
					.append(" | ")
					.append(Objects.toString(FeedFigures.redisMicrosPerInsert(round), "-"))
					.append(" |\n");
			}
			md.append(
					"\n`fanout_ratio_vs_redis` = median fan-out rate as shipped / median pipelined-ZADD " + "rate = **")
				.append(figures.fanOutRatio())
				.append("** (target ≥ 0.5).\n\n");
			Double perZadd = figures.redisMicrosPerZadd();
			Double perInsert = FeedFigures.redisMicrosPerInsert(fanOut.get(0));
			if (perZadd != null && perInsert != null) {
				md.append(String.format(Locale.ROOT,
						"Redis's own CPU time was %.2f µs per insert as shipped (the cores Redis kept busy during a "
								+ "burst, times its length, over its inserts) against %.2f µs per ZADD in the "
								+ "reference: were Redis the only limit, with a core of its own, fan-out could reach "
								+ "about %.2f of the reference.%n%n",
						perInsert, perZadd, perZadd / perInsert));
			}
			coresDuringBursts(md, fanOut);
			md.append("Where feed-service spent its CPU during the bursts (share of samples "
					+ "by innermost Murmur frame, or innermost frame when none is Murmur's):\n\n");
			for (FanOutThroughput.RoundResult round : fanOut) {
				md.append("- ").append(round.round().name()).append(": ");
				md.append(String.join("; ",
						round.profile()
							.entrySet()
							.stream()
							.limit(8)
							.map((entry) -> entry.getKey() + " " + num(entry.getValue())
									+ (entry.getKey().startsWith("(") ? "" : "%"))
							.toList()));
				md.append('\n');
			}
			md.append('\n');
		}
		List<DeliveryLag.Sample> lag = feed.lag();
		DeliveryLag lagSettings = feed.lagSettings();
		if (lag != null && lagSettings != null) {
			Spread p50 = figures.lag(50);
			Spread p99 = figures.lag(99);
			md.append("## Delivery lag\n\n")
				.append(String.format(Locale.ROOT,
						"Five authors with about 1,000 followers post through the gateway, each every %d s, for "
								+ "%d s per repetition, while a steady mixed load of %.0f requests/s (60%% feed, 30%% "
								+ "timeline, 10%% posts) runs through the same gateway. Lag = from the gateway's 201 to "
								+ "the post in one follower's feed (watched in Redis every 2 ms, then confirmed on the "
								+ "follower's first page through the gateway).%n%n"
								+ "| repetition | posts | p50 ms | p99 ms | max ms | not on the page | background p99 ms |%n"
								+ "| --- | --- | --- | --- | --- | --- | --- |%n",
						lagSettings.interval().toSeconds(), lagSettings.duration().toSeconds(),
						lagSettings.backgroundRate()));
			for (int i = 0; i < lag.size(); i++) {
				DeliveryLag.Sample sample = lag.get(i);
				md.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %d | %s |%n", i + 1,
						sample.lagsMs().size(), num(sample.p50()), num(sample.p99()), num(sample.max()),
						sample.notOnPage(), num(sample.background().p99())));
			}
			md.append(
					String
						.format(Locale.ROOT,
								"%nMedian over repetitions: **p50 %s ms, p99 %s ms** (target p99 ≤ 1,000 ms).%n%n"
										+ "![Delivery lag](delivery-lag.png)%n%n",
								num(p50.median()), num(p99.median())));
		}
		Map<Strategy, StrategyComparison.Result> strategies = feed.strategies();
		StrategyComparison strategySettings = feed.strategySettings();
		if (strategies != null && strategySettings != null) {
			md.append("## Feed reads: push-only, pull-only and hybrid\n\n")
				.append(String.format(Locale.ROOT,
						"The same power-law graph and posts; feed-service restarted on an empty feed store with push "
								+ "threshold ∞ (push), 1 (pull) and 10,000 (hybrid). The readers' feeds built by reading "
								+ "them, every other feed marked kept. Reads: `GET /api/v1/feed?limit=20` through the "
								+ "gateway, %d readers back to back (closed model), %s warm-up then %s, %d times. "
								+ "Writes: Redis write commands (inside scripts too) per post for %d ordinary posts, "
								+ "and for one post by each celebrity.%n%n"
								+ "| strategy | read p50 ms | read p99 ms | reads/s | Redis writes per post | "
								+ "writes per celebrity post (followers) |%n| --- | --- | --- | --- | --- | --- |%n",
						strategySettings.concurrency(), strategySettings.warmUp(), strategySettings.duration(),
						strategySettings.repetitions(), strategySettings.writePosts()));
			strategies.forEach((strategy,
					result) -> md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n",
							strategy.name().toLowerCase(Locale.ROOT), cell(figures.reads(strategy, LatencySample::p50)),
							cell(figures.reads(strategy, LatencySample::p99)),
							cell(figures.reads(strategy, LatencySample::meanRps)), num(result.writesPerPost()),
							String.join(", ",
									result.celebrities()
										.stream()
										.map((writes) -> writes.writes() + " (" + writes.followers() + ")")
										.toList()))));
			md.append("\nWhere a page's time goes, one request at a time after each strategy's reads (median ms, "
					+ "30 pages):\n\n| hop |");
			strategies.keySet()
				.forEach((strategy) -> md.append(' ').append(strategy.name().toLowerCase(Locale.ROOT)).append(" |"));
			md.append("\n| --- |");
			strategies.keySet().forEach((strategy) -> md.append(" --- |"));
			md.append('\n');
			strategies.values().iterator().next().breakdown().keySet().forEach((hop) -> {
				md.append("| ").append(hop).append(" |");
				strategies.values().forEach((result) -> {
					Spread spread = result.breakdown().get(hop);
					md.append(' ').append((spread != null) ? num(spread.median()) : "-").append(" |");
				});
				md.append('\n');
			});
			md.append("\n`hybrid_vs_push_read_p99_ratio` = **")
				.append(figures.hybridVsPush())
				.append("** (target ≤ 1.2).\n\n![Feed reads](feed-reads.png)\n![Celebrity writes](celebrity-writes.png)\n\n");
		}
		List<MixedWorkload.Climb> mixed = feed.mixed();
		MixedWorkload mixedSettings = feed.mixedSettings();
		if (mixed != null && mixedSettings != null) {
			md.append("## Mixed workload on socfb-Reed98\n\n")
				.append(String.format(Locale.ROOT,
						"Every Reed98 user signed in; 60%% home-feed reads, 30%% user-timeline reads, 10%% posts "
								+ "through the gateway at rising arrival rates (open model), %s warm-up then %s per "
								+ "rate, longer where that would measure fewer than " + MixedWorkload.MIN_REQUESTS
								+ " requests; a climb stops at the first rate whose p99 exceeds %.0f ms or that fails more "
								+ "than 1%% of requests.%n%n| climb | rates tried (p99 ms) | highest rate within |%n"
								+ "| --- | --- | --- |%n",
						mixedSettings.warmUp(), mixedSettings.duration(), mixedSettings.p99LimitMs()));
			for (int i = 0; i < mixed.size(); i++) {
				MixedWorkload.Climb climb = mixed.get(i);
				md.append("| ")
					.append(i + 1)
					.append(" | ")
					.append(String.join(", ",
							climb.steps()
								.stream()
								.map((step) -> num(step.rate()) + " (" + num(step.sample().p99()) + ")")
								.toList()))
					.append(" | ")
					.append(num(climb.maxRateWithinLimit()))
					.append(" |\n");
			}
			md.append("\n`mixed_max_rps_at_p99_100ms` = **")
				.append(num(figures.mixedMax().median()))
				.append(" requests/s** (median over climbs).\n\n![Mixed workload](mixed-workload.png)\n\n");
		}
		return md.toString();
	}

	/**
	 * Who kept the cores busy during each round's measured bursts, at the median burst.
	 */
	private static void coresDuringBursts(StringBuilder md, List<FanOutThroughput.RoundResult> fanOut) {
		List<String> names = fanOut.stream()
			.flatMap((round) -> round.bursts().stream())
			.flatMap((burst) -> burst.cores().keySet().stream())
			.distinct()
			.filter((name) -> !name.equals(CpuMeter.STEAL))
			.toList();
		if (names.isEmpty()) {
			return;
		}
		md.append("What the two cores did during the measured bursts: cores each process kept busy on average "
				+ "from the first post to the last insert (median of the bursts; `machine` is every process, "
				+ "`everything else` what the named ones do not account for), how long post-service took to "
				+ "acknowledge the burst's posts, and when the first insert was seen (Redis is watched once "
				+ "every post is acknowledged):\n\n| round | posts acknowledged after, s | first insert seen "
				+ "after, s | ")
			.append(String.join(" | ", names))
			.append(" | steal |\n|")
			.append(" --- |".repeat(names.size() + 4))
			.append('\n');
		for (FanOutThroughput.RoundResult round : fanOut) {
			md.append("| ")
				.append(round.round().name())
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.2f",
						median(round.bursts().stream().map(FanOutThroughput.Sample::acknowledgedSeconds).toList())))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.2f",
						median(round.bursts().stream().map(FanOutThroughput.Sample::firstInsertSeconds).toList())));
			for (String name : names) {
				md.append(" | ")
					.append(String.format(Locale.ROOT, "%.2f", median(
							round.bursts().stream().map((burst) -> burst.cores().getOrDefault(name, 0.0)).toList())));
			}
			md.append(" | ")
				.append(String.format(Locale.ROOT, "%.2f",
						median(round.bursts()
							.stream()
							.map((burst) -> burst.cores().getOrDefault(CpuMeter.STEAL, 0.0))
							.toList())))
				.append(" |\n");
		}
		md.append("\nfeed-service's threads at each round's median burst, cores busy (numbers in thread names "
				+ "replaced by #):\n\n");
		for (FanOutThroughput.RoundResult round : fanOut) {
			List<FanOutThroughput.Sample> bursts = round.bursts()
				.stream()
				.sorted(Comparator.comparingDouble(FanOutThroughput.Sample::insertsPerSecond))
				.toList();
			FanOutThroughput.Sample median = bursts.get(bursts.size() / 2);
			md.append("- ")
				.append(round.round().name())
				.append(": ")
				.append(String.join(", ",
						median.feedServiceThreads()
							.entrySet()
							.stream()
							.limit(8)
							.map((entry) -> String.format(Locale.ROOT, "`%s` %.2f", entry.getKey(), entry.getValue()))
							.toList()))
				.append('\n');
		}
		md.append('\n');
	}

	private static double median(List<Double> values) {
		return values.isEmpty() ? 0 : Spread.of(values).median();
	}

	private static String cell(Spread spread) {
		return (spread != null) ? num(spread.median()) + " (" + num(spread.min()) + " – " + num(spread.max()) + ")"
				: "-";
	}

	private static String whole(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	private static String num(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

}
