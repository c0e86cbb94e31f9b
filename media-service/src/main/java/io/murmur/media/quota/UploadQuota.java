package io.murmur.media.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.murmur.media.config.MediaProperties;
import io.murmur.media.media.MediaProblem;
import io.murmur.support.web.ProblemException;

/**
 * The bytes each user may upload per UTC day, counted in PostgreSQL so that every replica
 * sees the same count. An upload is charged before it is processed, in one conditional
 * upsert, so that concurrent uploads cannot pass the quota together; an upload refused as
 * invalid is refunded.
 */
@Component
public class UploadQuota {

	private final JdbcClient jdbc;

	private final long bytesPerDay;

	private final Clock clock;

	UploadQuota(JdbcClient jdbc, MediaProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.bytesPerDay = properties.quota().bytesPerDay().toBytes();
		this.clock = clock;
	}

	/**
	 * Charges an upload to today's quota of its owner.
	 * @param ownerId the uploader
	 * @param bytes the upload's size
	 * @return the charge, to refund if the upload is refused
	 * @throws ProblemException {@code upload-quota-exceeded} (429, with
	 * {@code Retry-After} until the next UTC day) when the upload does not fit
	 */
	public Charge charge(long ownerId, long bytes) {
		LocalDate day = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		boolean charged = bytes <= this.bytesPerDay && this.jdbc.sql("""
				insert into upload_quota (owner_id, day, bytes) values (:owner, :day, :bytes)
				on conflict (owner_id, day) do update set bytes = upload_quota.bytes + excluded.bytes
				where upload_quota.bytes + excluded.bytes <= :limit
				returning bytes""")
			.param("owner", ownerId)
			.param("day", day)
			.param("bytes", bytes)
			.param("limit", this.bytesPerDay)
			.query(Long.class)
			.optional()
			.isPresent();
		if (!charged) {
			Duration untilTomorrow = Duration.between(this.clock.instant(),
					day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
			throw ProblemException.retryLater(MediaProblem.QUOTA_EXCEEDED,
					"This upload would pass the daily upload quota of " + this.bytesPerDay + " bytes", untilTomorrow);
		}
		return new Charge(ownerId, day, bytes);
	}

	/**
	 * Gives a refused upload's bytes back.
	 * @param charge the charge
	 */
	public void refund(Charge charge) {
		this.jdbc.sql("""
				update upload_quota set bytes = greatest(0, bytes - :bytes)
				where owner_id = :owner and day = :day""")
			.param("owner", charge.ownerId())
			.param("day", charge.day())
			.param("bytes", charge.bytes())
			.update();
	}

	/**
	 * Forgets the counts of days before yesterday.
	 * @return how many were forgotten
	 */
	public int forgetOldDays() {
		LocalDate yesterday = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).minusDays(1);
		return this.jdbc.sql("delete from upload_quota where day < ?").param(yesterday).update();
	}

	/**
	 * An upload charged to a quota.
	 *
	 * @param ownerId the uploader
	 * @param day the day charged
	 * @param bytes the bytes charged
	 */
	public record Charge(long ownerId, LocalDate day, long bytes) {

	}

}
