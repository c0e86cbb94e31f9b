package io.murmur.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import io.murmur.benchmarks.notification.Measured;
import io.murmur.benchmarks.notification.NotificationScenario;
import io.murmur.benchmarks.notification.NotificationScenario.Sample;

/**
 * The notification scenario's part of the report: its details in {@code summary.json},
 * its section of the README and its chart.
 */
final class NotificationReport {

	static final String CHART = "notification-latency.png";

	private NotificationReport() {
	}

	static Map<String, Object> details(NotificationResults results) {
		NotificationScenario settings = results.settings();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("stored_per_second", results.storedPerSecond());
		details.put("first_page_p99_ms", results.firstPageP99());
		details.put("unread_count_p99_ms", results.unreadCountP99());
		details.put("stream_lag_p99_ms", results.streamLagP99());
		details.put("stream_lag_p50_ms", results.spread((sample) -> sample.streamLag().p50()));
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("burst_likes", settings.burstLikes());
		run.put("read_rate_per_second", settings.readRate());
		run.put("warm_up", settings.warmUp().toString());
		run.put("duration", settings.duration().toString());
		run.put("background_rate_per_second", settings.backgroundRate());
		run.put("stream_probes", settings.probes());
		run.put("probe_interval", settings.probeInterval().toString());
		details.put("settings", run);
		details.put("samples", results.samples());
		return Map.of("notifications", details);
	}

	static String readme(NotificationResults results) {
		NotificationScenario settings = results.settings();
		StringBuilder md = new StringBuilder("## Notifications\n\n");
		md.append(String.format(Locale.ROOT,
				"One post liked by %,d distinct users at once: the likes are published to Kafka as post-service "
						+ "publishes them, so the rate is notification-service's (consumed, deduplicated, grouped, "
						+ "counted unread, announced to the streams, stored). Then the author, with the burst grouped "
						+ "on their first page, reads that page and the unread count through the gateway at %.0f "
						+ "requests/s each (an open model) for %s after %s of warm-up. Then %d authors keep their "
						+ "stream open through the gateway while the mixed workload runs at %.0f requests/s, and a "
						+ "liker of each likes (then unlikes) their post every %s: stream lag is from the like's 204 "
						+ "to the event on the author's stream.%n%n",
				settings.burstLikes(), settings.readRate(), settings.duration(), settings.warmUp(), settings.probes(),
				settings.backgroundRate(), settings.probeInterval()));
		md.append("| repetition | stored/s | first page p50 / p99 ms | unread count p50 / p99 ms | stream lag p50 / "
				+ "p99 ms (likes) | failed reads | background p99 ms |\n| --- | --- | --- | --- | --- | --- | --- |\n");
		List<Sample> samples = results.samples();
		for (int i = 0; i < samples.size(); i++) {
			Sample sample = samples.get(i);
			md.append(String.format(Locale.ROOT, "| %d | %,.0f | %s | %s | %s (%d) | %d | %.0f |%n", i + 1,
					sample.storedPerSecond(), pair(sample.firstPage()), pair(sample.unreadCount()),
					pair(sample.streamLag()), sample.streamLag().count(),
					sample.firstPage().failed() + sample.unreadCount().failed(), sample.background().p99()));
		}
		md.append("\nTargets: first page p99 at most 50 ms, unread count p99 at most 10 ms, stream lag p99 at most "
				+ "500 ms.\n\n![Notification latencies](" + CHART + ")\n\n");
		return md.toString();
	}

	static void chart(NotificationResults results, Path dir) {
		CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH)
			.height(Charts.HEIGHT)
			.title("Notifications: p99 per repetition (targets 50, 10 and 500 ms)")
			.xAxisTitle("measurement")
			.yAxisTitle("p99 (ms)")
			.build();
		// Linear: XChart draws no bar chart on a logarithmic axis (its bars start at 0).
		List<String> names = List.of("first page", "unread count", "stream lag");
		List<Function<Sample, Measured>> figures = List.of(Sample::firstPage, Sample::unreadCount, Sample::streamLag);
		for (int i = 0; i < results.samples().size(); i++) {
			Sample sample = results.samples().get(i);
			List<Double> values = new ArrayList<>();
			figures.forEach((figure) -> values.add(figure.apply(sample).p99()));
			chart.addSeries("repetition " + (i + 1), names, values);
		}
		Charts.save(chart, dir.resolve(CHART));
	}

	private static String pair(Measured measured) {
		return String.format(Locale.ROOT, "%.1f / %.1f", measured.p50(), measured.p99());
	}

}
