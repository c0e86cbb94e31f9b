package io.murmur.media.image;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrientationTests {

	private static final int RED = 0xff0000;

	@Test
	void shouldTurnAPhotoTakenWithTheCameraTurnedClockwiseAndKeepTheDecodersLayout() {
		BufferedImage stored = marked(BufferedImage.TYPE_3BYTE_BGR);

		BufferedImage seen = new Orientation(6).apply(stored);

		assertThat(seen.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
		assertThat(seen.getWidth()).isEqualTo(2);
		assertThat(seen.getHeight()).isEqualTo(4);
		assertThat(seen.getRGB(1, 0) & 0xffffff).as("the top left, turned to the top right").isEqualTo(RED);
		assertThat(seen.getRGB(0, 0) & 0xffffff).isZero();
	}

	@Test
	void shouldTurnOtherLayoutsIntoIntegerPixels() {
		BufferedImage stored = marked(BufferedImage.TYPE_INT_BGR);

		BufferedImage seen = new Orientation(8).apply(stored);

		assertThat(seen.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
		assertThat(seen.getRGB(0, 3) & 0xffffff).as("the top left, turned to the bottom left").isEqualTo(RED);
	}

	/**
	 * A black 4 x 2 image with its top left pixel red.
	 */
	private static BufferedImage marked(int type) {
		BufferedImage image = new BufferedImage(4, 2, type);
		image.setRGB(0, 0, RED);
		return image;
	}

}
