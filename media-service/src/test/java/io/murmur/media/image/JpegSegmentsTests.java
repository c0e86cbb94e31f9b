package io.murmur.media.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import org.junit.jupiter.api.Test;

import io.murmur.media.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JPEG's metadata removed without touching its compressed pixels.
 */
class JpegSegmentsTests {

	@Test
	void shouldDropExifGpsAndCommentsAndKeepEveryPixelExactly() throws Exception {
		byte[] photo = withTrailer(TestImages.photoWithExif(640, 480, 1), "hidden after the image");
		assertThat(metadata(photo).getFirstDirectoryOfType(GpsDirectory.class)).as("the upload has GPS").isNotNull();

		byte[] stripped = JpegSegments.withoutMetadata(photo).orElseThrow();

		Metadata left = metadata(stripped);
		assertThat(left.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
		assertThat(left.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
		assertThat(left.getFirstDirectoryOfType(JpegCommentDirectory.class)).isNull();
		String text = new String(stripped, StandardCharsets.ISO_8859_1);
		assertThat(text).doesNotContain(TestImages.CAMERA_MAKE).doesNotContain("Shot at home").doesNotContain("hidden");
		assertThat(pixels(stripped)).isEqualTo(pixels(photo));
		assertThat(stripped.length).isLessThan(photo.length);
	}

	@Test
	void shouldLeaveToReEncodingWhatItCannotFollow() {
		byte[] photo = TestImages.photoWithExif(64, 48, 1);

		assertThat(JpegSegments.withoutMetadata(Arrays.copyOf(photo, photo.length - 200))).as("no end of image")
			.isEmpty();
		assertThat(JpegSegments.withoutMetadata(new byte[] { (byte) 0xFF, (byte) 0xD8, 0x12, 0x34 })).isEmpty();
		assertThat(JpegSegments.withoutMetadata("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
	}

	private static byte[] withTrailer(byte[] jpeg, String trailer) {
		byte[] extra = trailer.getBytes(StandardCharsets.US_ASCII);
		byte[] all = Arrays.copyOf(jpeg, jpeg.length + extra.length);
		System.arraycopy(extra, 0, all, jpeg.length, extra.length);
		return all;
	}

	private static Metadata metadata(byte[] jpeg) throws Exception {
		return ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
	}

	private static int[] pixels(byte[] jpeg) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
		return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
	}

}
