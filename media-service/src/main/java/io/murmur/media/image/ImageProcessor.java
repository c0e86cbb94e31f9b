package io.murmur.media.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import net.coobird.thumbnailator.Thumbnails;

import org.springframework.stereotype.Component;

import io.murmur.media.config.MediaProperties;
import io.murmur.media.inspect.ImageHeader;
import io.murmur.media.inspect.MediaFormat;

/**
 * Turns an uploaded image into its stored variants.
 * <ol>
 * <li>Decodes the first frame with ImageIO (TwelveMonkeys' plugins for CMYK and ICC JPEGs
 * and for WebP), subsampling at decode when the image is over twice the original's size
 * limit, so that memory stays bounded; any decoder warning (a truncated JPEG decodes to
 * grey with only a warning) makes the image corrupt.</li>
 * <li>Converts to sRGB when the image carries another colour profile, since the variants
 * carry none.</li>
 * <li>Downscales with Thumbnailator (progressive bilinear) to the original's limit, then
 * the preview from the original and the small preview from the preview, never
 * upscaling.</li>
 * <li>Applies the EXIF orientation to each variant's pixels.</li>
 * <li>Encodes JPEG (opaque images) or PNG (images with transparency) through ImageIO with
 * no metadata at all: no EXIF, XMP, IPTC, GPS or comments survive, whatever the upload
 * carried. An animated GIF keeps its frames: its original is the upload with every
 * metadata block removed ({@link GifSanitizer}); its previews show the first frame.</li>
 * <li>A JPEG whose pixels need no change for its original (upright, sRGB or grey, within
 * the size limit) is not compressed a second time: its original is the upload with every
 * metadata segment removed ({@link JpegSegments}), the same pixels without the loss and
 * the cost of re-encoding twelve megapixels. It has still been decoded whole, so a
 * damaged one is refused all the same.</li>
 * </ol>
 * At most {@code murmur.media.processing.concurrency} images are decoded at once.
 */
@Component
public class ImageProcessor {

	public static final String ORIGINAL = "original";

	public static final String PREVIEW = "preview";

	public static final String SMALL = "small";

	static {
		ImageIO.setUseCache(false);
		ImageIO.scanForPlugins();
	}

	private final MediaProperties.Variants variants;

	private final Semaphore decoding;

	public ImageProcessor(MediaProperties properties) {
		this.variants = properties.variants();
		this.decoding = new Semaphore(properties.processing().concurrency(), true);
	}

	/**
	 * Processes an image.
	 * @param content the uploaded bytes
	 * @param format the format detected from them
	 * @param header the header, already checked against the pixel limit
	 * @return the variants
	 * @throws CorruptImageException when the image cannot be decoded whole
	 */
	public ProcessedImage process(byte[] content, MediaFormat format, ImageHeader header) {
		try {
			this.decoding.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to decode", ex);
		}
		try {
			return processNow(content, format, header);
		}
		finally {
			this.decoding.release();
		}
	}

	private ProcessedImage processNow(byte[] content, MediaFormat format, ImageHeader header) {
		GifSanitizer.Result gif = (format == MediaFormat.GIF) ? GifSanitizer.sanitize(content) : null;
		Orientation orientation = (format == MediaFormat.GIF) ? Orientation.UPRIGHT : Orientation.of(content);
		BufferedImage stored = decode(content, format, header);
		BufferedImage decoded = toSrgb(stored);
		boolean alpha = decoded.getColorModel().hasAlpha();
		BufferedImage original = fit(decoded, this.variants.originalMaxEdge(), alpha);
		BufferedImage preview = fit(original, this.variants.previewEdge(), alpha);
		BufferedImage small = fit(preview, this.variants.smallEdge(), alpha);
		List<EncodedVariant> encoded = new ArrayList<>(3);
		int width = orientation.swapsAxes() ? header.height() : header.width();
		int height = orientation.swapsAxes() ? header.width() : header.height();
		boolean animated = gif != null && gif.frames() > 1;
		boolean pixelsKept = format == MediaFormat.JPEG && orientation.equals(Orientation.UPRIGHT) && decoded == stored
				&& original == decoded;
		byte[] stripped = pixelsKept ? JpegSegments.withoutMetadata(content).orElse(null) : null;
		if (animated) {
			encoded.add(new EncodedVariant(ORIGINAL, MediaFormat.GIF.contentType(), MediaFormat.GIF.extension(), width,
					height, gif.gif()));
		}
		else if (stripped != null) {
			encoded.add(new EncodedVariant(ORIGINAL, MediaFormat.JPEG.contentType(), MediaFormat.JPEG.extension(),
					width, height, stripped));
		}
		else {
			encoded.add(encode(ORIGINAL, orientation.apply(original), alpha));
		}
		BufferedImage smallOriented = orientation.apply(small);
		encoded.add(encode(PREVIEW, orientation.apply(preview), alpha));
		encoded.add(encode(SMALL, smallOriented, alpha));
		return new ProcessedImage(width, height, animated, BlurHash.encode(smallOriented, 4, 3), encoded);
	}

	private BufferedImage decode(byte[] content, MediaFormat format, ImageHeader header) {
		ImageReader reader = ImageHeader.reader(format);
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			List<String> warnings = new ArrayList<>();
			reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
			reader.setInput(input, true, true);
			ImageReadParam param = reader.getDefaultReadParam();
			int subsampling = Math.max(1,
					Math.max(header.width(), header.height()) / (2 * this.variants.originalMaxEdge()));
			if (subsampling > 1) {
				param.setSourceSubsampling(subsampling, subsampling, 0, 0);
			}
			BufferedImage image = reader.read(0, param);
			if (!warnings.isEmpty()) {
				throw new CorruptImageException("the image is damaged: " + warnings.get(0));
			}
			return image;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof CorruptImageException corrupt) {
				throw corrupt;
			}
			throw new CorruptImageException("the image cannot be decoded", ex);
		}
		finally {
			reader.dispose();
		}
	}

	private static BufferedImage toSrgb(BufferedImage image) {
		ColorSpace space = image.getColorModel().getColorSpace();
		if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY) {
			return image;
		}
		boolean alpha = image.getColorModel().hasAlpha();
		BufferedImage srgb = new BufferedImage(image.getWidth(), image.getHeight(),
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		new ColorConvertOp(null).filter(image, srgb);
		return srgb;
	}

	/**
	 * The image downscaled to fit the edge, or the image itself when it fits.
	 */
	static BufferedImage fit(BufferedImage image, int edge, boolean alpha) {
		if (Math.max(image.getWidth(), image.getHeight()) <= edge) {
			return image;
		}
		try {
			return Thumbnails.of(image)
				.size(edge, edge)
				.imageType(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
				.asBufferedImage();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Resizing failed", ex);
		}
	}

	private EncodedVariant encode(String name, BufferedImage image, boolean alpha) {
		MediaFormat format = alpha ? MediaFormat.PNG : MediaFormat.JPEG;
		ImageWriter writer = ImageIO.getImageWritersByMIMEType(format.contentType()).next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			if (!alpha) {
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(this.variants.jpegQuality());
			}
			writer.write(null, new IIOImage(opaqueOrSame(image, alpha), null, null), param);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Encoding failed", ex);
		}
		finally {
			writer.dispose();
		}
		return new EncodedVariant(name, format.contentType(), format.extension(), image.getWidth(), image.getHeight(),
				bytes.toByteArray());
	}

	/**
	 * The JPEG writer takes only images without an alpha channel and in a colour model it
	 * knows; anything else (a grey image with alpha cannot reach here) is drawn into RGB
	 * first.
	 */
	private static BufferedImage opaqueOrSame(BufferedImage image, boolean alpha) {
		int type = image.getType();
		if (alpha || type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR
				|| type == BufferedImage.TYPE_BYTE_GRAY) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D graphics = rgb.createGraphics();
		try {
			graphics.drawImage(image, 0, 0, null);
		}
		finally {
			graphics.dispose();
		}
		return rgb;
	}

}
