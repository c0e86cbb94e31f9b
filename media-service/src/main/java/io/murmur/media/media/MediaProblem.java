package io.murmur.media.media;

import org.springframework.http.HttpStatus;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.problem.ProblemType;

/**
 * The problems of media-service's own, beside the {@link CommonProblem common ones}.
 */
public final class MediaProblem {

	/** No media has this id, or it is not the caller's to see. */
	public static final ProblemType MEDIA_NOT_FOUND = ProblemType.of("media-not-found", "Media not found",
			HttpStatus.NOT_FOUND);

	/** The content is of no accepted format, whatever its name or declared type. */
	public static final ProblemType UNSUPPORTED_MEDIA_TYPE = CommonProblem.UNSUPPORTED_MEDIA_TYPE;

	/** The file is larger than its kind allows. */
	public static final ProblemType MEDIA_TOO_LARGE = ProblemType.of("media-too-large", "Media too large",
			HttpStatus.CONTENT_TOO_LARGE);

	/** The image's header declares more pixels than are decoded. */
	public static final ProblemType IMAGE_TOO_LARGE = ProblemType.of("image-dimensions-too-large",
			"Image dimensions too large", HttpStatus.UNPROCESSABLE_CONTENT);

	/** The file is truncated or corrupt. */
	public static final ProblemType MEDIA_UNREADABLE = ProblemType.of("media-unreadable", "Media unreadable",
			HttpStatus.UNPROCESSABLE_CONTENT);

	/** The user uploaded as many bytes today as the quota allows. */
	public static final ProblemType QUOTA_EXCEEDED = ProblemType.of("upload-quota-exceeded", "Upload quota exceeded",
			HttpStatus.TOO_MANY_REQUESTS);

	/** A presigned upload was completed before its object arrived. */
	public static final ProblemType UPLOAD_NOT_RECEIVED = ProblemType.of("upload-not-received", "Upload not received",
			HttpStatus.CONFLICT);

	/** A presigned upload's URL expired before its object arrived. */
	public static final ProblemType UPLOAD_EXPIRED = ProblemType.of("upload-expired", "Upload expired",
			HttpStatus.GONE);

	/** The object of a presigned upload is not of the size announced. */
	public static final ProblemType UPLOAD_SIZE_MISMATCH = ProblemType.of("upload-size-mismatch",
			"Upload size mismatch", HttpStatus.UNPROCESSABLE_CONTENT);

	/**
	 * Media cannot go on a post or be an avatar: not the user's, not ready, not an image
	 * or already on another post. post-service and user-service answer their clients 422.
	 */
	public static final ProblemType MEDIA_NOT_ATTACHABLE = ProblemType.of("media-not-attachable",
			"Media not attachable", HttpStatus.UNPROCESSABLE_CONTENT);

	private MediaProblem() {
	}

}
