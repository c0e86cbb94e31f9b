package io.murmur.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import io.murmur.benchmarks.media.MediaScenario;

/**
 * The media scenario in the report: its details in {@code summary.json}, its section of
 * the README and its chart.
 */
final class MediaReport {

	static final String RATIO_DEFINITION = "12 MP JPEG photos taken upright to all their variants per second "
			+ "(type detection, header check, decode, orientation, sRGB, the original's metadata removed without "
			+ "compressing it again, 1280 and 400 px previews encoded without metadata, blurhash; S3 and PostgreSQL "
			+ "left out) over the rate of decoding the same photo and resizing it to the same sizes with the same "
			+ "libraries, in the same JVM with media-service's options, rounds alternating; median over rounds";

	private MediaReport() {
	}

	static Map<String, Object> details(MediaScenario.Result media) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("definition", RATIO_DEFINITION);
		details.put("ratio", Spread.of(media.ratio()));
		details.put("turned_photo_ratio", Spread.of(media.turnedRatio()));
		details.put("pipeline_per_second", Spread.of(media.pipelinePerSecond()));
		details.put("decode_resize_per_second", Spread.of(media.referencePerSecond()));
		details.put("photo_bytes", media.photoBytes());
		details.put("upload_to_ready_p50_ms", Spread.of(media.p50Ms()));
		details.put("upload_to_ready_p99_ms", Spread.of(media.p99Ms()));
		details.put("upload_to_ready_ms", media.uploadToReadyMs());
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("processing_seconds", media.settings().processingSeconds().toSeconds());
		settings.put("rounds", media.settings().rounds());
		settings.put("uploads_per_repetition", media.settings().uploads());
		settings.put("repetitions", media.settings().repetitions());
		details.put("settings", settings);
		return details;
	}

	static String section(MediaScenario.Result media) {
		Spread ratio = Spread.of(media.ratio());
		Spread turned = Spread.of(media.turnedRatio());
		Spread pipeline = Spread.of(media.pipelinePerSecond());
		Spread reference = Spread.of(media.referencePerSecond());
		Spread p50 = Spread.of(media.p50Ms());
		Spread p99 = Spread.of(media.p99Ms());
		return String.format(Locale.ROOT, """
				## Media

				**Processing rate.** %s: **%.3f** (min %.3f, max %.3f; target >= 0.7). The pipeline took %.2f photos
				a second (min %.2f, max %.2f), decoding and resizing alone %.2f (min %.2f, max %.2f); the photo has
				%,d bytes. The same photo taken with the camera turned (EXIF orientation 6), whose every variant,
				the original too, must be turned and encoded again: **%.3f** (min %.3f, max %.3f). Each of the %d
				repetitions ran media-service's `ProcessingRate` from the service's jar for %d s in %d rounds
				(the three workloads in turn), one thread, after a warm-up of each workload.

				**Upload to ready** through the gateway, %d uploads of the same photo one after another per
				repetition, from the request until the media was ready (the 201 when processed in the request, or
				the first GET answering 200 after a 202): p50 **%.1f ms** (min %.1f, max %.1f), p99 **%.1f ms**
				(min %.1f, max %.1f).

				![Media processing](media-processing.png)

				""", RATIO_DEFINITION, ratio.median(), ratio.min(), ratio.max(), pipeline.median(), pipeline.min(),
				pipeline.max(), reference.median(), reference.min(), reference.max(), media.photoBytes(),
				turned.median(), turned.min(), turned.max(), media.settings().repetitions(),
				media.settings().processingSeconds().toSeconds(), media.settings().rounds(), media.settings().uploads(),
				p50.median(), p50.min(), p50.max(), p99.median(), p99.min(), p99.max());
	}

	static void charts(MediaScenario.Result media, Path dir) {
		CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH)
			.height(Charts.HEIGHT)
			.title(String.format(Locale.ROOT,
					"12 MP photo: variants vs decode and resize (median ratio %.2f upright, %.2f turned)",
					Spread.of(media.ratio()).median(), Spread.of(media.turnedRatio()).median()))
			.xAxisTitle("round")
			.yAxisTitle("photos per second")
			.build();
		List<Integer> rounds = new ArrayList<>();
		for (int i = 1; i <= media.ratio().size(); i++) {
			rounds.add(i);
		}
		chart.addSeries("decode and resize", rounds, media.referencePerSecond());
		chart.addSeries("all variants, upright", rounds, media.pipelinePerSecond());
		List<Double> turned = new ArrayList<>();
		for (int i = 0; i < media.turnedRatio().size(); i++) {
			turned.add(media.turnedRatio().get(i) * media.referencePerSecond().get(i));
		}
		chart.addSeries("all variants, turned", rounds, turned);
		Charts.save(chart, dir.resolve("media-processing.png"));
	}

}
