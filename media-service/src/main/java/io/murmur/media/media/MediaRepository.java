package io.murmur.media.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.murmur.media.inspect.MediaFormat;

/**
 * The media records in PostgreSQL. Every change of state is one conditional update, so
 * that two replicas (or a retry and the original) cannot both move a media on.
 */
@Repository
public class MediaRepository {

	private static final TypeReference<List<StoredVariant>> VARIANTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	MediaRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Media media, @Nullable Instant leaseUntil) {
		this.jdbc.sql("""
				insert into media (id, owner_id, state, format, declared_size, upload_expires_at, upload_size,
				    stored_bytes, width, height, duration_ms, animated, blurhash, description, focus_x, focus_y,
				    variants, failure_reason, post_id, avatar, lease_until, created_at, ready_at)
				values (:id, :owner, :state, :format, :declaredSize, :expires, :uploadSize, :storedBytes, :width,
				    :height, :duration, :animated, :blurhash, :description, :focusX, :focusY, :variants, :reason,
				    null, false, :lease, :createdAt, :readyAt)""")
			.param("id", media.id())
			.param("owner", media.ownerId())
			.param("state", media.state().value())
			.param("format", (media.format() != null) ? media.format().name() : null)
			.param("declaredSize", media.declaredSize())
			.param("expires", timestamp(media.uploadExpiresAt()))
			.param("uploadSize", media.uploadSize())
			.param("storedBytes", media.storedBytes())
			.param("width", media.width())
			.param("height", media.height())
			.param("duration", media.durationMs())
			.param("animated", media.animated())
			.param("blurhash", media.blurhash())
			.param("description", media.description())
			.param("focusX", media.focusX())
			.param("focusY", media.focusY())
			.param("variants", this.json.writeValueAsString(media.variants()))
			.param("reason", media.failureReason())
			.param("lease", timestamp(leaseUntil))
			.param("createdAt", timestamp(media.createdAt()))
			.param("readyAt", timestamp(media.readyAt()))
			.update();
	}

	public Optional<Media> find(long id) {
		return this.jdbc.sql("select * from media where id = ?").param(id).query(this::media).optional();
	}

	public List<Media> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from media where id in (:ids)").param("ids", ids).query(this::media).list();
	}

	/**
	 * Records a media's processed result, if it is still waiting for one.
	 * @return whether it was waiting
	 */
	boolean markReady(Media ready) {
		return this.jdbc.sql("""
				update media set state = 'ready', format = :format, upload_size = :uploadSize,
				    stored_bytes = :storedBytes, width = :width, height = :height, duration_ms = :duration,
				    animated = :animated, blurhash = :blurhash, variants = :variants, failure_reason = null,
				    lease_until = null, ready_at = :readyAt
				where id = :id and state in ('awaiting_upload', 'processing')""")
			.param("id", ready.id())
			.param("format", (ready.format() != null) ? ready.format().name() : null)
			.param("uploadSize", ready.uploadSize())
			.param("storedBytes", ready.storedBytes())
			.param("width", ready.width())
			.param("height", ready.height())
			.param("duration", ready.durationMs())
			.param("animated", ready.animated())
			.param("blurhash", ready.blurhash())
			.param("variants", this.json.writeValueAsString(ready.variants()))
			.param("readyAt", timestamp(ready.readyAt()))
			.update() == 1;
	}

	/**
	 * Hands a received presigned upload to background processing, leased by this replica.
	 * @return whether it was awaiting its upload
	 */
	boolean markProcessing(long id, MediaFormat format, long uploadSize, Instant leaseUntil) {
		return this.jdbc.sql("""
				update media set state = 'processing', format = :format, upload_size = :size, lease_until = :lease
				where id = :id and state = 'awaiting_upload'""")
			.param("id", id)
			.param("format", format.name())
			.param("size", uploadSize)
			.param("lease", timestamp(leaseUntil))
			.update() == 1;
	}

	boolean markFailed(long id, String reason) {
		return this.jdbc.sql("""
				update media set state = 'failed', failure_reason = :reason, lease_until = null, variants = '[]',
				    stored_bytes = 0
				where id = :id and state in ('awaiting_upload', 'processing')""")
			.param("id", id)
			.param("reason", (reason.length() > 300) ? reason.substring(0, 300) : reason)
			.update() == 1;
	}

	/**
	 * Leases background work: media in processing whose lease has run out (a replica that
	 * stopped, or a failure that may pass), oldest first.
	 * @return the leased ids
	 */
	List<Long> leaseWork(Instant now, Instant until, int limit) {
		return this.jdbc.sql("""
				update media set lease_until = :until, attempts = attempts + 1
				where id in (select id from media where state = 'processing' and lease_until < :now
				             order by created_at limit :limit for update skip locked)
				returning id""")
			.param("now", timestamp(now))
			.param("until", timestamp(until))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	int attempts(long id) {
		return this.jdbc.sql("select attempts from media where id = ?")
			.param(id)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/**
	 * Puts media on a post, all or none: each must be the author's, ready, and on no
	 * other post (again on the same post is fine).
	 * @return how many were put on it; fewer than asked means none should be
	 */
	int attach(long postId, long ownerId, Collection<Long> ids) {
		return this.jdbc.sql("""
				update media set post_id = :post
				where id in (:ids) and owner_id = :owner and state = 'ready' and not avatar
				    and (post_id is null or post_id = :post)""")
			.param("post", postId)
			.param("owner", ownerId)
			.param("ids", ids)
			.update();
	}

	/**
	 * Takes media off a post that was never stored; it is unattached again.
	 * @return how many
	 */
	int detach(long postId, Instant now) {
		return this.jdbc.sql("update media set post_id = null, released_at = :now where post_id = :post")
			.param("now", timestamp(now))
			.param("post", postId)
			.update();
	}

	/** The media on a post. */
	List<Media> onPost(long postId) {
		return this.jdbc.sql("select * from media where post_id = ?").param(postId).query(this::media).list();
	}

	boolean markAvatar(long id, long ownerId) {
		return this.jdbc.sql("""
				update media set avatar = true
				where id = :id and owner_id = :owner and state = 'ready' and post_id is null""")
			.param("id", id)
			.param("owner", ownerId)
			.update() == 1;
	}

	/**
	 * Lets go of every avatar of an owner but one.
	 * @param ownerId the owner
	 * @param keep the avatar to keep, or {@code null} for none
	 * @param now when they are let go
	 * @return how many were let go
	 */
	int releaseAvatars(long ownerId, @Nullable Long keep, Instant now) {
		return this.jdbc.sql("""
				update media set avatar = false, released_at = :now
				where owner_id = :owner and avatar and id <> :keep""")
			.param("now", timestamp(now))
			.param("owner", ownerId)
			.param("keep", (keep != null) ? keep : 0L)
			.update();
	}

	/**
	 * Media neither on a post nor an avatar since before the given time: uploaded then
	 * and never used, or let go then.
	 */
	public List<Media> unattachedBefore(Instant before, int limit) {
		return this.jdbc.sql("""
				select * from media
				where post_id is null and not avatar and coalesce(released_at, created_at) < :before
				order by coalesce(released_at, created_at) limit :limit""")
			.param("before", timestamp(before))
			.param("limit", limit)
			.query(this::media)
			.list();
	}

	/**
	 * Deletes a record.
	 * @return whether it was there
	 */
	public boolean delete(long id) {
		return this.jdbc.sql("delete from media where id = ?").param(id).update() == 1;
	}

	private Media media(ResultSet rs, int row) throws SQLException {
		String format = rs.getString("format");
		return new Media(rs.getLong("id"), rs.getLong("owner_id"), MediaState.of(rs.getString("state")),
				(format != null) ? MediaFormat.valueOf(format) : null, nullableLong(rs, "declared_size"),
				instant(rs.getTimestamp("upload_expires_at")), nullableLong(rs, "upload_size"),
				rs.getLong("stored_bytes"), nullableInt(rs, "width"), nullableInt(rs, "height"),
				nullableLong(rs, "duration_ms"), rs.getBoolean("animated"), rs.getString("blurhash"),
				rs.getString("description"), rs.getFloat("focus_x"), rs.getFloat("focus_y"),
				this.json.readValue(rs.getString("variants"), VARIANTS), rs.getString("failure_reason"),
				nullableLong(rs, "post_id"), rs.getBoolean("avatar"),
				java.util.Objects.requireNonNull(instant(rs.getTimestamp("created_at"))),
				instant(rs.getTimestamp("ready_at")));
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
