package io.murmur.media.media;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The service's business figures: uploads by type and outcome
 * ({@code murmur.media.uploads{type,outcome}}), processing time by kind
 * ({@code murmur.media.processing{kind}}), bytes written and deleted
 * ({@code murmur.media.bytes.written}, {@code murmur.media.bytes.deleted}) and the bytes
 * stored in S3 ({@code murmur.media.bytes.stored}, counted in PostgreSQL every minute).
 */
@Component
public class MediaMetrics {

	private final MeterRegistry meters;

	private final JdbcClient jdbc;

	private final AtomicLong stored = new AtomicLong();

	MediaMetrics(MeterRegistry meters, JdbcClient jdbc) {
		this.meters = meters;
		this.jdbc = jdbc;
		Gauge.builder("murmur.media.bytes.stored", this.stored, AtomicLong::get)
			.description("Bytes the objects of all media take in S3")
			.baseUnit("bytes")
			.register(meters);
	}

	/**
	 * Counts an upload's outcome.
	 * @param type the format's extension, or {@code unknown}
	 * @param outcome {@code ready}, {@code processing}, {@code failed}, or the slug of
	 * the problem it was refused with
	 */
	public void upload(String type, String outcome) {
		Counter.builder("murmur.media.uploads")
			.description("Uploads by detected type and outcome")
			.tag("type", type)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	void processed(String kind, Duration took) {
		Timer.builder("murmur.media.processing")
			.description("Time from accepted bytes to stored variants")
			.tag("kind", kind)
			.register(this.meters)
			.record(took);
	}

	void written(long bytes) {
		Counter.builder("murmur.media.bytes.written").baseUnit("bytes").register(this.meters).increment(bytes);
	}

	/**
	 * Counts the bytes of deleted media.
	 * @param bytes the bytes
	 */
	public void deleted(long bytes) {
		Counter.builder("murmur.media.bytes.deleted").baseUnit("bytes").register(this.meters).increment(bytes);
	}

	@Scheduled(fixedDelayString = "60s", initialDelayString = "5s")
	void countStored() {
		Long bytes = this.jdbc.sql("select coalesce(sum(stored_bytes), 0) from media").query(Long.class).single();
		this.stored.set((bytes != null) ? bytes : 0);
	}

}
