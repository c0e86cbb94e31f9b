package io.murmur.media.inspect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

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
		try {
			type = this.detector.detect(new BufferedInputStream(content), new Metadata());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return MediaFormat.ofDetected(type.getBaseType().toString())
			.orElseThrow(() -> new ProblemException(MediaProblem.UNSUPPORTED_MEDIA_TYPE, "The content is "
					+ type.getBaseType()
					+ ", which is not accepted: upload JPEG, PNG, WebP or GIF images, or MP4, WebM or MOV video"));
	}

}
