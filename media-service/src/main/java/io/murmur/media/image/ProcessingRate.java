package io.murmur.media.image;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.util.unit.DataSize;

import io.murmur.media.config.MediaProperties;
import io.murmur.media.inspect.ContentInspector;
import io.murmur.media.inspect.ImageHeader;
import io.murmur.media.inspect.MediaFormat;

/**
 * How many 12 MP photos this JVM turns into their stored variants per second, next to how
 * many it merely decodes and resizes to the same sizes with the same libraries: the cost
 * of what the service adds (type detection, the header check, orientation, sRGB, encoding
 * three variants without metadata, the blurhash) over the decoding and resizing no
 * pipeline can avoid. S3 and PostgreSQL are left out; the upload-to-ready latency through
 * the gateway covers them.
 * <p>
 * Run from the service's jar, with the service's JVM options: The pipeline runs twice: on
 * the photo as taken upright (its original keeps the upload's compressed pixels, its
 * metadata removed) and on the same photo taken with the camera turned (EXIF orientation
 * 6: every variant is turned and encoded again).
 * <p>
 * {@code java -Xmx384m -XX:+UseSerialGC -cp media-service.jar
 * -Dloader.main=io.murmur.media.image.ProcessingRate
 * org.springframework.boot.loader.launch.PropertiesLauncher [--seconds 30] [--rounds 5]
 * [--write-photo photo.jpg]}. It writes the photo it measured with where asked, and
 * prints one JSON object: each round's two rates and their ratio, alternating the two
 * workloads so that drift on a shared machine touches both alike.
 */
public final class ProcessingRate {

	private static final int WIDTH = 4000;

	private static final int HEIGHT = 3000;

	private final byte[] photo;

	private final byte[] turnedPhoto;

	private final ImageProcessor processor;

	private final ContentInspector inspector = new ContentInspector();

	private final MediaProperties properties;

	private ProcessingRate(byte[] photo, MediaProperties properties) {
		this.photo = photo;
		this.turnedPhoto = withOrientation(photo, 6);
		this.properties = properties;
		this.processor = new ImageProcessor(properties);
	}

	public static void main(String[] args) {
		Duration measured = Duration.ofSeconds(Long.parseLong(option(args, "--seconds", "30")));
		int rounds = Integer.parseInt(option(args, "--rounds", "5"));
		byte[] photo = photo();
		String photoFile = option(args, "--write-photo", "");
		if (!photoFile.isEmpty()) {
			try {
				java.nio.file.Files.write(java.nio.file.Path.of(photoFile), photo);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		ProcessingRate rate = new ProcessingRate(photo, shippedSettings());
		Duration slice = measured.dividedBy(rounds * 2L);
		rate.rate(rate::reference, slice.multipliedBy(2));
		rate.rate(rate::pipeline, slice.multipliedBy(2));
		rate.rate(rate::turnedPipeline, slice.multipliedBy(2));
		List<Double> reference = new ArrayList<>();
		List<Double> pipeline = new ArrayList<>();
		List<Double> turned = new ArrayList<>();
		List<Double> ratio = new ArrayList<>();
		List<Double> turnedRatio = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			double[] rates = new double[3];
			List<Runnable> workloads = List.of(() -> rates[0] = rate.rate(rate::reference, slice),
					() -> rates[1] = rate.rate(rate::pipeline, slice),
					() -> rates[2] = rate.rate(rate::turnedPipeline, slice));
			for (int i = 0; i < workloads.size(); i++) {
				workloads.get((round + i) % workloads.size()).run();
			}
			reference.add(rates[0]);
			pipeline.add(rates[1]);
			turned.add(rates[2]);
			ratio.add(rates[1] / rates[0]);
			turnedRatio.add(rates[2] / rates[0]);
		}
		System.out.println(String.format(Locale.ROOT,
				"{\"width\":%d,\"height\":%d,\"photo_bytes\":%d,\"slice_seconds\":%.3f,\"reference_per_second\":%s,"
						+ "\"pipeline_per_second\":%s,\"ratio\":%s,\"turned_pipeline_per_second\":%s,"
						+ "\"turned_ratio\":%s,\"jvm\":\"%s\"}",
				WIDTH, HEIGHT, photo.length, slice.toMillis() / 1000.0, reference, pipeline, ratio, turned, turnedRatio,
				Runtime.version()));
	}

	/**
	 * Runs a workload for a while, whole operations only.
	 * @return operations per second
	 */
	private double rate(Runnable workload, Duration duration) {
		long started = System.nanoTime();
		long until = started + duration.toNanos();
		int done = 0;
		long now;
		do {
			workload.run();
			done++;
			now = System.nanoTime();
		}
		while (now < until);
		return done / ((now - started) / 1e9);
	}

	/** Decoding and resizing to the variants' sizes, as the pipeline resizes. */
	private void reference() {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(this.photo))) {
			ImageReader reader = ImageHeader.reader(MediaFormat.JPEG);
			try {
				reader.setInput(input, true, true);
				BufferedImage decoded = reader.read(0);
				MediaProperties.Variants variants = this.properties.variants();
				BufferedImage original = ImageProcessor.fit(decoded, variants.originalMaxEdge(), false);
				BufferedImage preview = ImageProcessor.fit(original, variants.previewEdge(), false);
				ImageProcessor.fit(preview, variants.smallEdge(), false);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Everything the service does with an upload before it stores the variants, for an
	 * upright photo: its original keeps the upload's compressed pixels.
	 */
	private void pipeline() {
		process(this.photo);
	}

	/**
	 * The same for the photo taken with the camera turned (EXIF orientation 6): every
	 * variant, the original too, is turned and encoded again.
	 */
	private void turnedPipeline() {
		process(this.turnedPhoto);
	}

	private void process(byte[] upload) {
		MediaFormat format = this.inspector.detect(new ByteArrayInputStream(upload));
		ImageHeader header = ImageHeader.read(upload, format, this.properties.limits().maxPixels());
		this.processor.process(upload, format, header);
	}

	/**
	 * The photo with an EXIF segment that gives only its orientation.
	 */
	static byte[] withOrientation(byte[] jpeg, int orientation) {
		ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(ByteOrder.BIG_ENDIAN);
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putInt(0);
		byte[] exif = ByteBuffer.allocate(6 + tiff.capacity())
			.put("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
			.put(tiff.array())
			.array();
		ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + exif.length + 4);
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write((exif.length + 2) >> 8);
		out.write((exif.length + 2) & 0xFF);
		out.write(exif, 0, exif.length);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	private static MediaProperties shippedSettings() {
		return new MediaProperties(new MediaProperties.Storage(null, "us-east-1", "", "", "murmur-media", true),
				new MediaProperties.Limits(DataSize.ofMegabytes(16), DataSize.ofMegabytes(100), 40_000_000, 1500),
				new MediaProperties.Variants(4096, 1280, 400, 0.85f),
				new MediaProperties.Processing(1, 16_000_000, 2, Duration.ofMinutes(5), Duration.ofSeconds(30)),
				new MediaProperties.Serving(null, Duration.ofHours(1), Duration.ofMinutes(10)),
				new MediaProperties.Cleanup(Duration.ofHours(24), Duration.ofMinutes(5), 200),
				new MediaProperties.Quota(DataSize.ofGigabytes(1)));
	}

	/**
	 * A 12 MP JPEG at quality 0.92 that compresses like a photo (about 3 MB): gradients,
	 * shapes and fine grain, from a fixed seed.
	 * @return the JPEG
	 */
	public static byte[] photo() {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		graphics.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), WIDTH, HEIGHT, new Color(230, 170, 90)));
		graphics.fillRect(0, 0, WIDTH, HEIGHT);
		Random random = new Random(17);
		for (int i = 0; i < 400; i++) {
			graphics.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
			int size = 40 + random.nextInt(400);
			graphics.fillOval(random.nextInt(WIDTH), random.nextInt(HEIGHT), size, size / 2 + random.nextInt(size));
		}
		graphics.dispose();
		int[] row = new int[WIDTH];
		for (int y = 0; y < HEIGHT; y++) {
			image.getRGB(0, y, WIDTH, 1, row, 0, WIDTH);
			for (int x = 0; x < WIDTH; x++) {
				int grain = random.nextInt(13) - 6;
				int r = clamp(((row[x] >> 16) & 0xff) + grain);
				int g = clamp(((row[x] >> 8) & 0xff) + grain);
				int b = clamp((row[x] & 0xff) + grain);
				row[x] = (r << 16) | (g << 8) | b;
			}
			image.setRGB(0, y, WIDTH, 1, row, 0, WIDTH);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (javax.imageio.stream.ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(output);
			javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.92f);
			writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static int clamp(int value) {
		return Math.max(0, Math.min(255, value));
	}

	private static String option(String[] args, String name, String fallback) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

}
