package io.murmur.media.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;

/**
 * The EXIF orientation of a photo (1 to 8): how a camera held sideways or upside down
 * recorded its pixels. The stored variants carry no EXIF, so the orientation is applied
 * to their pixels instead, exactly (by whole-pixel transposes and flips).
 *
 * @param value the EXIF orientation, 1 when upright or unknown
 */
record Orientation(int value) {

	static final Orientation UPRIGHT = new Orientation(1);

	/**
	 * Reads the orientation of an image's EXIF, with metadata-extractor.
	 * @param content the image's bytes
	 * @return the orientation, upright when there is none or it cannot be read
	 */
	static Orientation of(byte[] content) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(content), content.length);
			ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
				int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
				return (value >= 1 && value <= 8) ? new Orientation(value) : UPRIGHT;
			}
		}
		catch (ImageProcessingException | IOException | MetadataException | RuntimeException ex) {
			// a photo whose metadata cannot be read is shown as its pixels were stored
		}
		return UPRIGHT;
	}

	/**
	 * Whether the orientation swaps width and height.
	 * @return whether it turns the image a quarter
	 */
	boolean swapsAxes() {
		return this.value >= 5;
	}

	/**
	 * The image as it is meant to be seen.
	 * @param image the stored pixels
	 * @return a new image with the orientation applied, or the same one when upright
	 */
	BufferedImage apply(BufferedImage image) {
		if (this.value == 1) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		AffineTransform transform = switch (this.value) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
			default -> new AffineTransform(0, -1, 1, 0, 0, w);
		};
		BufferedImage oriented = new BufferedImage(swapsAxes() ? h : w, swapsAxes() ? w : h, turnedType(image));
		Graphics2D graphics = oriented.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
					RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
			graphics.drawImage(image, transform, null);
		}
		finally {
			graphics.dispose();
		}
		return oriented;
	}

	/**
	 * The decoder's own layouts for a JPEG, three bytes or one a pixel, are kept: the
	 * JPEG writer takes them as they are, while four-byte pixels cost it a third more for
	 * twelve megapixels.
	 */
	private static int turnedType(BufferedImage image) {
		int type = image.getType();
		if (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_BYTE_GRAY) {
			return type;
		}
		return image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
	}

}
