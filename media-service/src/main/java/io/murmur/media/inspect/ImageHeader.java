package io.murmur.media.inspect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.murmur.media.media.MediaProblem;
import io.murmur.support.web.ProblemException;

/**
 * The dimensions an image declares in its header, read without decoding a pixel: the
 * ImageIO reader of the format is asked for the width and height of the first frame,
 * which each reader takes from its header (PNG's IHDR, JPEG's SOF, WebP's VP8 frame
 * header, GIF's image descriptor). A decompression bomb, a small file declaring a huge
 * canvas, is refused here, before its pixels would fill the heap.
 *
 * @param width the declared width
 * @param height the declared height
 */
public record ImageHeader(int width, int height) {

	static {
		ImageIO.setUseCache(false);
	}

	/**
	 * How many pixels the header declares.
	 * @return width times height
	 */
	public long pixels() {
		return (long) this.width * this.height;
	}

	/**
	 * Reads the header of an image.
	 * @param content the image's bytes
	 * @param format its format, as detected
	 * @param maxPixels the most pixels allowed
	 * @return the header
	 * @throws ProblemException {@code image-too-large} (422) when the header declares
	 * more pixels than allowed, {@code media-unreadable} (422) when it cannot be read
	 */
	public static ImageHeader read(byte[] content, MediaFormat format, long maxPixels) {
		ImageHeader header;
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			ImageReader reader = reader(format);
			try {
				reader.setInput(input, true, true);
				header = new ImageHeader(reader.getWidth(0), reader.getHeight(0));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new ProblemException(MediaProblem.MEDIA_UNREADABLE,
					"The " + format.extension().toUpperCase(java.util.Locale.ROOT) + " header cannot be read");
		}
		if (header.width() <= 0 || header.height() <= 0) {
			throw new ProblemException(MediaProblem.MEDIA_UNREADABLE, "The image declares no pixels");
		}
		if (header.pixels() > maxPixels) {
			throw new ProblemException(MediaProblem.IMAGE_TOO_LARGE, "The image declares " + header.width() + " x "
					+ header.height() + " pixels; at most " + maxPixels + " pixels are accepted");
		}
		return header;
	}

	/**
	 * A reader of the format.
	 * @param format an image format
	 * @return a new reader, to dispose of after use
	 */
	public static ImageReader reader(MediaFormat format) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.contentType());
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + format.contentType());
		}
		return readers.next();
	}

}
