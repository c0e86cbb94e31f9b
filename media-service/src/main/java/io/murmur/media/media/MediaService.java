package io.murmur.media.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import io.murmur.media.config.MediaProperties;
import io.murmur.media.image.CorruptImageException;
import io.murmur.media.inspect.ContentInspector;
import io.murmur.media.inspect.ImageHeader;
import io.murmur.media.inspect.MediaFormat;
import io.murmur.media.inspect.MediaKind;
import io.murmur.media.quota.UploadQuota;
import io.murmur.media.storage.MediaStorage;
import io.murmur.media.video.UnreadableVideoException;
import io.murmur.media.video.VideoProcessor;
import io.murmur.support.web.ProblemException;

/**
 * Uploads, multipart or presigned, and reading a media back. Every upload goes through
 * the same checks in the same order, cheapest first, and nothing is written to S3 before
 * the bytes passed them: the type from the content (415), the size for that type (413),
 * the owner's daily quota (429), for images the pixel count the header declares (422),
 * and for a multipart video that FFmpeg finds a video stream in it (422). Small images
 * are then processed while the request waits (201 {@code ready}); large ones and video
 * wait under {@code incoming/} for the background (202 {@code processing}).
 */
@Service
public class MediaService {

	private static final SecureRandom random = new SecureRandom();

	private final MediaRepository repository;

	private final MediaStorage storage;

	private final ContentInspector inspector;

	private final MediaProcessing processing;

	private final BackgroundProcessing background;

	private final VideoProcessor videos;

	private final UploadQuota quota;

	private final MediaResponses responses;

	private final MediaMetrics metrics;

	private final MediaProperties properties;

	private final Clock clock;

	MediaService(MediaRepository repository, MediaStorage storage, ContentInspector inspector,
			MediaProcessing processing, BackgroundProcessing background, VideoProcessor videos, UploadQuota quota,
			MediaResponses responses, MediaMetrics metrics, MediaProperties properties, Clock clock) {
		this.repository = repository;
		this.storage = storage;
		this.inspector = inspector;
		this.processing = processing;
		this.background = background;
		this.videos = videos;
		this.quota = quota;
		this.responses = responses;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A multipart upload.
	 * @param ownerId the uploader, from the token
	 * @param file the file
	 * @param description the alt text, optional
	 * @param focus the focus point, optional
	 * @return the media, 201 when ready, 202 when processing
	 */
	Outcome upload(long ownerId, MultipartFile file, @Nullable String description, @Nullable String focus) {
		Media media = newMedia(ownerId, MediaState.PROCESSING, description, focus, null, null);
		if (file.isEmpty()) {
			throw ProblemException.invalidField("file", "must be a non-empty file");
		}
		MediaFormat format = checked(() -> {
			try (InputStream content = file.getInputStream()) {
				return this.inspector.detect(content);
			}
		}, "unknown");
		checked(() -> checkSize(format, file.getSize()), format.extension());
		UploadQuota.Charge charge = checked(() -> this.quota.charge(ownerId, file.getSize()), format.extension());
		try {
			if (format.kind() == MediaKind.IMAGE) {
				byte[] content = file.getBytes();
				return accept(media, content, format);
			}
			try (VideoProcessor.CheckedVideo video = this.videos.check(file::transferTo, format);
					InputStream content = Files.newInputStream(video.file())) {
				this.storage.put(MediaStorage.incomingKey(media.id()), format.contentType(), content, file.getSize());
			}
			return processLater(withUpload(media, format, file.getSize()));
		}
		catch (ProblemException | CorruptImageException | UnreadableVideoException ex) {
			this.quota.refund(charge);
			throw refused(ex, format);
		}
		catch (IOException ex) {
			this.quota.refund(charge);
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Checks an image and processes it now, or hands it to the background when it is
	 * large.
	 */
	private Outcome accept(Media media, byte[] content, MediaFormat format) {
		ImageHeader header = ImageHeader.read(content, format, this.properties.limits().maxPixels());
		Media uploaded = withUpload(media, format, content.length);
		if (header.pixels() > this.properties.processing().inRequestMaxPixels()) {
			if (media.state() != MediaState.AWAITING_UPLOAD) {
				this.storage.put(MediaStorage.incomingKey(media.id()), format.contentType(), content);
			}
			return processLater(uploaded);
		}
		Media ready = this.processing.storeImage(uploaded, content, format, header);
		if (media.state() == MediaState.AWAITING_UPLOAD) {
			this.processing.finish(ready);
		}
		else {
			this.repository.insert(
					new Media(ready.id(), ready.ownerId(), MediaState.PROCESSING, ready.format(), null, null,
							ready.uploadSize(), 0, null, null, null, false, null, ready.description(), ready.focusX(),
							ready.focusY(), List.of(), null, null, false, ready.createdAt(), null),
					this.processing.leaseUntil());
			this.processing.finish(ready);
		}
		this.metrics.upload(format.extension(), "ready");
		return new Outcome(this.responses.of(ready),
				(media.state() == MediaState.AWAITING_UPLOAD) ? HttpStatus.OK : HttpStatus.CREATED);
	}

	private Outcome processLater(Media media) {
		if (media.state() == MediaState.AWAITING_UPLOAD) {
			this.repository.markProcessing(media.id(), media.format(), media.uploadSize(),
					this.processing.leaseUntil());
		}
		else {
			this.repository.insert(media, this.processing.leaseUntil());
		}
		this.background.submit(media.id());
		this.metrics.upload(media.format().extension(), "processing");
		Media processing = this.repository.find(media.id()).orElseThrow();
		return new Outcome(this.responses.of(processing), HttpStatus.ACCEPTED);
	}

	/**
	 * Announces a presigned upload: checks the declared type, size and quota, and returns
	 * a URL for exactly that many bytes.
	 * @param ownerId the uploader
	 * @param request the announced file
	 * @return where to upload it
	 */
	UploadResponse announce(long ownerId, UploadRequest request) {
		MediaFormat format = MediaFormat.ofDeclared(request.contentType())
			.orElseThrow(() -> new ProblemException(MediaProblem.UNSUPPORTED_MEDIA_TYPE, request.contentType()
					+ " is not accepted: upload JPEG, PNG, WebP or GIF images," + " or MP4, WebM or MOV video"));
		long size = request.size();
		checkSize(format, size);
		Media announced = newMedia(ownerId, MediaState.AWAITING_UPLOAD, request.description(), request.focus(), size,
				null);
		this.quota.charge(ownerId, size);
		MediaStorage.PresignedUpload upload = this.storage.presignUpload(MediaStorage.incomingKey(announced.id()),
				format.contentType(), size);
		this.repository.insert(new Media(announced.id(), ownerId, MediaState.AWAITING_UPLOAD, null, size,
				upload.expiresAt(), null, 0, null, null, null, false, null, announced.description(), announced.focusX(),
				announced.focusY(), List.of(), null, null, false, announced.createdAt(), null), null);
		return new UploadResponse(Long.toString(announced.id()), upload.url().toString(), "PUT",
				Map.of("Content-Type", format.contentType(), "Content-Length", Long.toString(size)),
				upload.expiresAt());
	}

	/**
	 * Completes a presigned upload: its object is checked exactly as a multipart upload.
	 * Completing again answers with the media as it is.
	 * @param ownerId the uploader, from the token
	 * @param id the media id
	 * @return the media, 200 when ready, 202 when processing
	 */
	Outcome complete(long ownerId, long id) {
		Media media = this.repository.find(id)
			.filter((found) -> found.ownerId() == ownerId)
			.orElseThrow(MediaService::notFound);
		if (media.state() != MediaState.AWAITING_UPLOAD) {
			return new Outcome(this.responses.of(media),
					(media.state() == MediaState.PROCESSING) ? HttpStatus.ACCEPTED : HttpStatus.OK);
		}
		String incoming = MediaStorage.incomingKey(id);
		OptionalLong size = this.storage.size(incoming);
		Instant expiresAt = media.uploadExpiresAt();
		UploadQuota.Charge charge = new UploadQuota.Charge(ownerId,
				java.time.LocalDate.ofInstant(media.createdAt(), java.time.ZoneOffset.UTC),
				(media.declaredSize() != null) ? media.declaredSize() : 0);
		if (size.isEmpty()) {
			if (expiresAt != null && this.clock.instant().isAfter(expiresAt)) {
				refuse(media, charge, new ProblemException(MediaProblem.UPLOAD_EXPIRED,
						"The upload URL expired at " + expiresAt + " before the file arrived"));
			}
			throw new ProblemException(MediaProblem.UPLOAD_NOT_RECEIVED,
					"The file has not been uploaded yet: PUT it to the upload URL first");
		}
		if (media.declaredSize() == null || size.getAsLong() != media.declaredSize()) {
			refuse(media, charge, new ProblemException(MediaProblem.UPLOAD_SIZE_MISMATCH, "The uploaded file has "
					+ size.getAsLong() + " bytes; " + media.declaredSize() + " were announced"));
		}
		MediaFormat format;
		try (ResponseInputStream<GetObjectResponse> content = this.storage.open(incoming)) {
			format = this.inspector.detect(content);
			content.abort();
		}
		catch (ProblemException ex) {
			this.metrics.upload("unknown", ex.getType().slug());
			throw refuse(media, charge, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			checkSize(format, size.getAsLong());
			if (format.kind() == MediaKind.IMAGE) {
				byte[] content = this.storage.read(incoming);
				Outcome outcome = accept(media, content, format);
				if (outcome.status() == HttpStatus.OK) {
					this.processing.deleteQuietly(List.of(incoming));
				}
				return outcome;
			}
			return processLater(withUpload(media, format, size.getAsLong()));
		}
		catch (ProblemException | CorruptImageException ex) {
			throw refuse(media, charge, refused(ex, format));
		}
	}

	private ProblemException refuse(Media media, UploadQuota.Charge charge, ProblemException problem) {
		this.repository.markFailed(media.id(), problem.getMessage());
		this.processing.deleteQuietly(List.of(MediaStorage.incomingKey(media.id())));
		this.quota.refund(charge);
		throw problem;
	}

	/**
	 * A media as its owner, or anyone once it is ready, may see it.
	 * @param viewerId the viewer, from the token
	 * @param id the media id
	 * @return the media, 200 when ready or failed, 206 while it is not ready yet
	 */
	Outcome get(long viewerId, long id) {
		Media media = this.repository.find(id)
			.filter((found) -> found.ownerId() == viewerId || found.state() == MediaState.READY)
			.orElseThrow(MediaService::notFound);
		HttpStatus status = switch (media.state()) {
			case AWAITING_UPLOAD, PROCESSING -> HttpStatus.PARTIAL_CONTENT;
			case READY, FAILED -> HttpStatus.OK;
		};
		return new Outcome(this.responses.of(media), status);
	}

	private void checkSize(MediaFormat format, long size) {
		long limit = (format.kind() == MediaKind.IMAGE) ? this.properties.limits().imageMaxSize().toBytes()
				: this.properties.limits().videoMaxSize().toBytes();
		if (size > limit) {
			throw new ProblemException(MediaProblem.MEDIA_TOO_LARGE, "The " + format.kind().name().toLowerCase()
					+ " has " + size + " bytes; at most " + limit + " are accepted");
		}
	}

	private Media newMedia(long ownerId, MediaState state, @Nullable String description, @Nullable String focusText,
			@Nullable Long declaredSize, @Nullable Instant expiresAt) {
		int maxLength = this.properties.limits().maxDescriptionLength();
		if (description != null && description.codePointCount(0, description.length()) > maxLength) {
			throw ProblemException.invalidField("description", "must be at most " + maxLength + " characters");
		}
		Focus focus = Focus.parse(focusText);
		String alt = (description != null && !description.isBlank()) ? description.strip() : null;
		return new Media(newId(), ownerId, state, null, declaredSize, expiresAt, null, 0, null, null, null, false, null,
				alt, (float) focus.x(), (float) focus.y(), List.of(), null, null, false, this.clock.instant(), null);
	}

	private static Media withUpload(Media media, MediaFormat format, long size) {
		return new Media(media.id(), media.ownerId(), media.state(), format, media.declaredSize(),
				media.uploadExpiresAt(), size, 0, null, null, null, false, null, media.description(), media.focusX(),
				media.focusY(), List.of(), null, null, false, media.createdAt(), null);
	}

	/**
	 * A random positive id: media ids cannot be guessed or counted.
	 */
	private static long newId() {
		long id;
		do {
			id = random.nextLong() & Long.MAX_VALUE;
		}
		while (id == 0);
		return id;
	}

	private ProblemException refused(RuntimeException ex, MediaFormat format) {
		ProblemException problem = (ex instanceof ProblemException known) ? known
				: new ProblemException(MediaProblem.MEDIA_UNREADABLE, "The file cannot be read: " + ex.getMessage());
		this.metrics.upload(format.extension(), problem.getType().slug());
		return problem;
	}

	private <T> T checked(CheckedSupplier<T> check, String type) {
		try {
			return check.get();
		}
		catch (ProblemException ex) {
			this.metrics.upload(type, ex.getType().slug());
			throw ex;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void checked(Runnable check, String type) {
		checked(() -> {
			check.run();
			return null;
		}, type);
	}

	static ProblemException notFound() {
		return new ProblemException(MediaProblem.MEDIA_NOT_FOUND, "No such media");
	}

	@FunctionalInterface
	private interface CheckedSupplier<T> {

		T get() throws IOException;

	}

	/**
	 * A media and the status to answer with.
	 *
	 * @param media the media
	 * @param status the status
	 */
	record Outcome(MediaResponse media, HttpStatus status) {

	}

}
