package io.murmur.media.media;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.murmur.media.image.ImageProcessor;
import io.murmur.media.storage.MediaStorage;

/**
 * Turns records into responses, with a fresh download URL for each object.
 */
@Component
public class MediaResponses {

	private final MediaStorage storage;

	MediaResponses(MediaStorage storage) {
		this.storage = storage;
	}

	public MediaResponse of(Media media) {
		List<MediaResponse.VariantResponse> variants = media.variants()
			.stream()
			.map((variant) -> new MediaResponse.VariantResponse(variant.name(),
					this.storage.url(variant.key()).toString(), variant.contentType(), variant.width(),
					variant.height(), variant.bytes()))
			.toList();
		Integer width = media.width();
		Integer height = media.height();
		Double aspect = (width != null && height != null && height > 0) ? (double) width / height : null;
		Long duration = media.durationMs();
		return new MediaResponse(Long.toString(media.id()), media.type(), media.state().value(),
				media.variant(ImageProcessor.ORIGINAL).map(StoredVariant::contentType).orElse(null),
				url(variants, ImageProcessor.ORIGINAL), url(variants, ImageProcessor.PREVIEW),
				url(variants, ImageProcessor.SMALL), width, height, aspect, media.blurhash(), media.description(),
				new Focus(media.focusX(), media.focusY()), (duration != null) ? duration / 1000.0 : null,
				media.storedBytes(), variants, media.failureReason(), media.createdAt());
	}

	private static @Nullable String url(List<MediaResponse.VariantResponse> variants, String name) {
		return variants.stream()
			.filter((variant) -> variant.name().equals(name))
			.map(MediaResponse.VariantResponse::url)
			.findFirst()
			.orElse(null);
	}

}
