package io.murmur.media.inspect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.murmur.media.media.MediaProblem;
import io.murmur.support.web.ProblemException;

/**
 * Decides what an upload is from its first bytes, with Apache Tika's magic-number
 * detector and nothing else: the file name and the content type the client sent are never
 * looked at, so a script named {@code photo.jpg} is what it is.
 */
@Component
public class ContentInspector {

	/** How much of the start is looked at. */
	private static final int HEAD = 4096;

	private static final Set<String> ISO_MEDIA = Set.of("video/quicktime", "video/mp4", "application/mp4",
			"video/x-m4v");

	private static final Set<String> MATROSKA = Set.of("application/x-matroska", "video/x-matroska", "video/webm");

	private final Detector detector = MimeTypes.getDefaultMimeTypes();

	/**
	 * The format of the content.
	 * @param content the content, from its start; read up to the detector's window and
	 * closed by the caller
	 * @return the format
	 * @throws ProblemException {@code unsupported-media-type} (415) when the content is
	 * of no accepted format
	 */
	public MediaFormat detect(InputStream content) {
		MediaType type;
		byte[] head;
		try {
			BufferedInputStream buffered = new BufferedInputStream(content, HEAD);
			buffered.mark(HEAD);
			head = buffered.readNBytes(HEAD);
			buffered.reset();
			type = this.detector.detect(buffered, new Metadata());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String detected = type.getBaseType().toString();
		return refine(detected, head).or(() -> MediaFormat.ofDetected(detected))
			.orElseThrow(() -> new ProblemException(MediaProblem.UNSUPPORTED_MEDIA_TYPE, "The content is " + detected
					+ ", which is not accepted: upload JPEG, PNG, WebP or GIF images, or MP4, WebM or MOV video"));
	}

	/**
	 * Tells apart what Tika's magic numbers leave together: an ISO base media file is MOV
	 * when its major brand is QuickTime's ({@code qt  }) and MP4 otherwise; a Matroska
	 * file is WebM when its EBML header's DocType says {@code webm} (other Matroska files
	 * are not accepted).
	 */
	private static Optional<MediaFormat> refine(String detected, byte[] head) {
		if (ISO_MEDIA.contains(detected) && head.length >= 12
				&& new String(head, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) {
			String brand = new String(head, 8, 4, StandardCharsets.US_ASCII);
			return Optional.of(brand.equals("qt  ") ? MediaFormat.MOV : MediaFormat.MP4);
		}
		if (MATROSKA.contains(detected)) {
			if (!"webm".equals(docType(head))) {
				throw new ProblemException(MediaProblem.UNSUPPORTED_MEDIA_TYPE,
						"The content is a Matroska video other than WebM, which is not accepted: upload MP4, WebM or MOV");
			}
			return Optional.of(MediaFormat.WEBM);
		}
		return Optional.empty();
	}

	private static @Nullable String docType(byte[] head) {
		for (int i = 0; i + 3 < Math.min(head.length, 64); i++) {
			if ((head[i] & 0xff) == 0x42 && (head[i + 1] & 0xff) == 0x82 && (head[i + 2] & 0x80) != 0) {
				int length = head[i + 2] & 0x7f;
				if (i + 3 + length <= head.length) {
					return new String(head, i + 3, length, StandardCharsets.US_ASCII);
				}
			}
		}
		return null;
	}

}
