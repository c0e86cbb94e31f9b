package io.murmur.media.media;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A presigned upload announced.
 *
 * @param contentType the file's type, one of the accepted image and video types; the
 * bytes decide in the end
 * @param size the file's exact size in bytes
 * @param description the alt text, optional
 * @param focus the focus point as {@code "x,y"}, optional
 */
public record UploadRequest(@NotBlank @Size(max = 100) String contentType, @NotNull @Positive Long size,
		@Nullable String description, @Nullable String focus) {

}
