package io.murmur.media.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.murmur.events.media.MediaUploaded;
import io.murmur.media.config.MediaProperties;
import io.murmur.media.image.CorruptImageException;
import io.murmur.media.image.EncodedVariant;
import io.murmur.media.image.ImageProcessor;
import io.murmur.media.image.ProcessedImage;
import io.murmur.media.inspect.ContentInspector;
import io.murmur.media.inspect.ImageHeader;
import io.murmur.media.inspect.MediaFormat;
import io.murmur.media.inspect.MediaKind;
import io.murmur.media.storage.MediaStorage;
import io.murmur.media.video.UnreadableVideoException;
import io.murmur.media.video.VideoProcessor;
import io.murmur.media.video.VideoTimeoutException;
import io.murmur.support.events.outbox.PostgresOutbox;
import io.murmur.support.web.ProblemException;

/**
 * Turns accepted bytes into a ready media: the variants stored in S3, then, in one
 * transaction, the record marked ready and {@code MediaUploaded} put in the outbox. Used
 * in the request for small images and in the background for everything else, where the
 * bytes wait under {@code incoming/} and are checked again exactly as in a request.
 */
@Component
public class MediaProcessing {

	private static final Log log = LogFactory.getLog(MediaProcessing.class);

	/** Attempts at background work before a media is given up as failed. */
	static final int MAX_ATTEMPTS = 5;

	private final MediaRepository repository;

	private final MediaStorage storage;

	private final ContentInspector inspector;

	private final ImageProcessor images;

	private final VideoProcessor videos;

	private final PostgresOutbox outbox;

	private final TransactionTemplate transaction;

	private final MediaMetrics metrics;

	private final MediaProperties properties;

	private final Clock clock;

	MediaProcessing(MediaRepository repository, MediaStorage storage, ContentInspector inspector, ImageProcessor images,
			VideoProcessor videos, PostgresOutbox outbox, TransactionTemplate transaction, MediaMetrics metrics,
			MediaProperties properties, Clock clock) {
		this.repository = repository;
		this.storage = storage;
		this.inspector = inspector;
		this.images = images;
		this.videos = videos;
		this.outbox = outbox;
		this.transaction = transaction;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Processes an image and stores its variants.
	 * @param media the record, with its id, owner, description and focus
	 * @param content the image
	 * @param format its format
	 * @param header its header, checked against the pixel limit
	 * @return the record as ready, not yet saved
	 * @throws CorruptImageException when the image cannot be decoded
	 */
	Media storeImage(Media media, byte[] content, MediaFormat format, ImageHeader header) {
		long started = System.nanoTime();
		ProcessedImage processed = this.images.process(content, format, header);
		List<StoredVariant> stored = new ArrayList<>();
		try {
			for (EncodedVariant variant : processed.variants()) {
				String key = MediaStorage.variantKey(media.id(), variant.name(), variant.extension());
				this.storage.put(key, variant.contentType(), variant.bytes());
				stored.add(new StoredVariant(variant.name(), key, variant.contentType(), variant.width(),
						variant.height(), variant.bytes().length));
			}
		}
		catch (RuntimeException ex) {
			deleteQuietly(stored.stream().map(StoredVariant::key).toList());
			throw ex;
		}
		this.metrics.processed("image", Duration.ofNanos(System.nanoTime() - started));
		long bytes = stored.stream().mapToLong(StoredVariant::bytes).sum();
		return new Media(media.id(), media.ownerId(), MediaState.READY, format, media.declaredSize(),
				media.uploadExpiresAt(), (long) content.length, bytes, processed.width(), processed.height(), null,
				processed.animated(), processed.blurhash(), media.description(), media.focusX(), media.focusY(), stored,
				null, null, false, media.createdAt(), this.clock.instant());
	}

	/**
	 * Marks the media ready and publishes {@code MediaUploaded}, in one transaction. When
	 * another attempt finished it first, this one's objects are deleted instead.
	 * @param ready the record as ready
	 * @return whether this attempt finished it
	 */
	boolean finish(Media ready) {
		boolean finished = Boolean.TRUE.equals(this.transaction.execute((status) -> {
			if (!this.repository.markReady(ready)) {
				return false;
			}
			StoredVariant original = ready.variant(ImageProcessor.ORIGINAL).orElseThrow();
			this.outbox.append(new MediaUploaded(UUID.randomUUID(), this.clock.instant(), ready.id(), ready.ownerId(),
					original.contentType(), Math.max(1, original.bytes())));
			return true;
		}));
		if (finished) {
			this.metrics.written(ready.storedBytes());
		}
		else {
			deleteQuietly(ready.variants().stream().map(StoredVariant::key).toList());
		}
		return finished;
	}

	/**
	 * Processes an upload waiting under {@code incoming/}: checks its bytes as a request
	 * would, stores its variants, marks it ready, and removes the waiting upload. A
	 * refused upload is marked failed with the reason and removed too; a failure that may
	 * pass (S3 or PostgreSQL away) leaves it for a later attempt, up to
	 * {@value #MAX_ATTEMPTS}.
	 * @param id the media id, leased by the caller
	 */
	public void processWaiting(long id) {
		Media media = this.repository.find(id).orElse(null);
		if (media == null || media.state() != MediaState.PROCESSING) {
			return;
		}
		String incoming = MediaStorage.incomingKey(id);
		try {
			Media ready = (media.format() != null && media.format().kind() == MediaKind.VIDEO)
					? storeVideo(media, media.format()) : storeWaitingImage(media, incoming);
			if (finish(ready)) {
				this.metrics.upload(ready.format().extension(), "ready");
			}
			deleteQuietly(List.of(incoming));
		}
		catch (ProblemException ex) {
			fail(media, ex.getType().slug(), ex.getMessage());
		}
		catch (CorruptImageException | UnreadableVideoException ex) {
			fail(media, MediaProblem.MEDIA_UNREADABLE.slug(), "The file cannot be read: " + ex.getMessage());
		}
		catch (VideoTimeoutException ex) {
			log.warn("Media " + id + " given up: " + ex.getMessage());
			fail(media, "processing-timed-out", "Processing timed out after "
					+ this.properties.video().timeout().toSeconds() + " s: the video is too long or too complex");
		}
		catch (RuntimeException ex) {
			int attempts = this.repository.attempts(id);
			if (attempts >= MAX_ATTEMPTS) {
				log.error("Giving up media " + id + " after " + attempts + " attempts", ex);
				fail(media, "processing-failed", "Processing failed " + attempts + " times");
			}
			else {
				log.warn("Processing media " + id + " failed (attempt " + attempts + "), retrying later: " + ex);
			}
		}
	}

	private Media storeWaitingImage(Media media, String incoming) {
		byte[] content = this.storage.read(incoming);
		MediaFormat format = this.inspector.detect(new java.io.ByteArrayInputStream(content));
		if (format.kind() != MediaKind.IMAGE) {
			throw new ProblemException(MediaProblem.UNSUPPORTED_MEDIA_TYPE, "The content changed kind");
		}
		ImageHeader header = ImageHeader.read(content, format, this.properties.limits().maxPixels());
		return storeImage(media, content, format, header);
	}

	/**
	 * Transcodes a waiting video and stores the MP4 as its original, and its poster frame
	 * as the previews with their blurhash; the upload itself is never stored.
	 */
	private Media storeVideo(Media media, MediaFormat format) {
		long started = System.nanoTime();
		String incoming = MediaStorage.incomingKey(media.id());
		List<StoredVariant> stored = new ArrayList<>();
		try (VideoProcessor.ProcessedVideo video = this.videos.process((target) -> {
			try (InputStream content = this.storage.open(incoming)) {
				Files.copy(content, target);
			}
		}, format)) {
			ProcessedImage poster = this.images.process(video.poster(), MediaFormat.PNG,
					ImageHeader.read(video.poster(), MediaFormat.PNG, this.properties.limits().maxPixels()));
			String key = MediaStorage.variantKey(media.id(), ImageProcessor.ORIGINAL, MediaFormat.MP4.extension());
			try (InputStream content = Files.newInputStream(video.file())) {
				this.storage.put(key, MediaFormat.MP4.contentType(), content, video.size());
			}
			stored.add(new StoredVariant(ImageProcessor.ORIGINAL, key, MediaFormat.MP4.contentType(), video.width(),
					video.height(), video.size()));
			for (EncodedVariant variant : poster.variants()) {
				if (variant.name().equals(ImageProcessor.ORIGINAL)) {
					continue;
				}
				String variantKey = MediaStorage.variantKey(media.id(), variant.name(), variant.extension());
				this.storage.put(variantKey, variant.contentType(), variant.bytes());
				stored.add(new StoredVariant(variant.name(), variantKey, variant.contentType(), variant.width(),
						variant.height(), variant.bytes().length));
			}
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			this.metrics.processed("video", took);
			log.info("Video " + media.id() + " (" + format.extension() + ") transcoded in " + took.toMillis()
					+ " ms to " + video.width() + "x" + video.height() + ", " + video.durationMs() + " ms, "
					+ video.size() + " bytes");
			long bytes = stored.stream().mapToLong(StoredVariant::bytes).sum();
			long size = (media.uploadSize() != null) ? media.uploadSize() : this.storage.size(incoming).orElse(0);
			return new Media(media.id(), media.ownerId(), MediaState.READY, format, media.declaredSize(),
					media.uploadExpiresAt(), size, bytes, video.width(), video.height(), video.durationMs(), false,
					poster.blurhash(), media.description(), media.focusX(), media.focusY(), stored, null, null, false,
					media.createdAt(), this.clock.instant());
		}
		catch (IOException ex) {
			deleteQuietly(stored.stream().map(StoredVariant::key).toList());
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			deleteQuietly(stored.stream().map(StoredVariant::key).toList());
			throw ex;
		}
	}

	private void fail(Media media, String outcome, String reason) {
		this.repository.markFailed(media.id(), reason);
		deleteQuietly(media.keys());
		this.metrics.upload((media.format() != null) ? media.format().extension() : "unknown", outcome);
	}

	/**
	 * Deletes objects; a failure is logged, and the clean-up deletes them later with the
	 * record.
	 * @param keys the keys
	 */
	void deleteQuietly(List<String> keys) {
		try {
			this.storage.delete(keys);
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete " + keys + ": " + ex);
		}
	}

	Instant leaseUntil() {
		return this.clock.instant().plus(this.properties.processing().lease());
	}

}
