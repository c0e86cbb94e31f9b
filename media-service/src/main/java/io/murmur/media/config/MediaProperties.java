package io.murmur.media.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything about media-service that differs between environments, under
 * {@code murmur.media} (environment {@code MURMUR_MEDIA_...}). The defaults suit a local
 * run.
 *
 * @param storage where the objects are kept
 * @param limits what an upload may be
 * @param variants the stored sizes of an image
 * @param processing how much work runs at once and what runs in the request
 * @param serving how clients get the objects
 * @param cleanup when unattached media is deleted
 * @param quota how many bytes a user may upload per day
 * @param video how video is transcoded
 */
@Validated
@ConfigurationProperties("murmur.media")
public record MediaProperties(@Valid @NotNull @DefaultValue Storage storage,
		@Valid @NotNull @DefaultValue Limits limits, @Valid @NotNull @DefaultValue Variants variants,
		@Valid @NotNull @DefaultValue Processing processing, @Valid @NotNull @DefaultValue Serving serving,
		@Valid @NotNull @DefaultValue Cleanup cleanup, @Valid @NotNull @DefaultValue Quota quota,
		@Valid @NotNull @DefaultValue Video video) {

	/**
	 * The settings bound from configuration.
	 */
	@ConstructorBinding
	public MediaProperties {
	}

	/**
	 * Settings with the default video settings, for tools that process images only.
	 * @param storage where the objects are kept
	 * @param limits what an upload may be
	 * @param variants the stored sizes of an image
	 * @param processing how much work runs at once
	 * @param serving how clients get the objects
	 * @param cleanup when unattached media is deleted
	 * @param quota how many bytes a user may upload per day
	 */
	public MediaProperties(Storage storage, Limits limits, Variants variants, Processing processing, Serving serving,
			Cleanup cleanup, Quota quota) {
		this(storage, limits, variants, processing, serving, cleanup, quota, Video.DEFAULTS);
	}

	/**
	 * The S3 bucket, private: nothing in it is public, clients get presigned URLs or go
	 * through a CDN that holds the credentials.
	 *
	 * @param endpoint the S3 endpoint, or {@code null} for AWS's own
	 * @param region the region
	 * @param accessKey the access key
	 * @param secretKey the secret key
	 * @param bucket the bucket, created at start-up if missing
	 * @param pathStyle whether to address the bucket in the path (S3-compatible stores)
	 */
	public record Storage(@Nullable URI endpoint, @DefaultValue("us-east-1") @NotBlank String region,
			@DefaultValue("") String accessKey, @DefaultValue("") String secretKey,
			@DefaultValue("murmur-media") @NotBlank String bucket, @DefaultValue("true") boolean pathStyle) {

		@Override
		public String toString() {
			return "Storage[endpoint=" + this.endpoint + ", region=" + this.region + ", bucket=" + this.bucket
					+ ", secretKey=(hidden)]";
		}

	}

	/**
	 * What an upload may be. Sizes are refused with 413, images whose header declares
	 * more pixels than allowed with 422 before anything is decoded.
	 *
	 * @param imageMaxSize the largest image file
	 * @param videoMaxSize the largest video file
	 * @param maxPixels the most pixels an image (one frame) may declare; decoding takes
	 * about 3 bytes per pixel, so this bounds the heap one upload needs
	 * @param maxDescriptionLength the longest alt text, in characters
	 */
	public record Limits(@DefaultValue("16MB") @NotNull DataSize imageMaxSize,
			@DefaultValue("100MB") @NotNull DataSize videoMaxSize,
			@DefaultValue("40000000") @Min(1) @Max(200_000_000) long maxPixels,
			@DefaultValue("1500") @Min(0) @Max(10_000) int maxDescriptionLength) {

	}

	/**
	 * The stored sizes of an image: the original, downscaled, and two previews. None is
	 * upscaled.
	 *
	 * @param originalMaxEdge the longest edge of the stored original
	 * @param previewEdge the longest edge of the preview feeds show
	 * @param smallEdge the longest edge of the small preview, the blurhash's source
	 * @param jpegQuality the quality JPEG variants are written with
	 */
	public record Variants(@DefaultValue("4096") @Min(16) @Max(16_384) int originalMaxEdge,
			@DefaultValue("1280") @Min(16) @Max(8192) int previewEdge,
			@DefaultValue("400") @Min(16) @Max(4096) int smallEdge,
			@DefaultValue("0.85") @DecimalMin("0.1") @DecimalMax("1.0") float jpegQuality) {

	}

	/**
	 * How processing runs.
	 *
	 * @param concurrency how many uploads are decoded at once; each holds its decoded
	 * pixels in memory
	 * @param inRequestMaxPixels images up to this many pixels are processed while the
	 * request waits and answered 201 {@code ready}; larger ones, and every video, are
	 * answered 202 {@code processing} and processed in the background
	 * @param workers the background threads
	 * @param lease how long a replica may take over work another one started before it is
	 * given to another
	 * @param sweepInterval how often a replica looks for background work, beside the work
	 * its own uploads start
	 */
	public record Processing(@DefaultValue("2") @Min(1) @Max(64) int concurrency,
			@DefaultValue("16000000") @Min(0) long inRequestMaxPixels, @DefaultValue("2") @Min(1) @Max(64) int workers,
			@DefaultValue("5m") @NotNull Duration lease, @DefaultValue("30s") @NotNull Duration sweepInterval) {

	}

	/**
	 * How clients get the objects.
	 *
	 * @param cdnBaseUrl a CDN in front of the bucket: object URLs are this URL and the
	 * object's key, and never expire (the objects are immutable); {@code null} to serve
	 * presigned URLs of the bucket instead
	 * @param downloadUrlTtl how long a presigned download URL is valid
	 * @param uploadUrlTtl how long a presigned upload URL is valid
	 */
	public record Serving(@Nullable URI cdnBaseUrl, @DefaultValue("1h") @NotNull Duration downloadUrlTtl,
			@DefaultValue("10m") @NotNull Duration uploadUrlTtl) {

	}

	/**
	 * When media is deleted.
	 *
	 * @param unattachedAfter media neither on a post nor an avatar after this long is
	 * deleted with its objects; as is a presigned upload never completed
	 * @param interval how often the clean-up runs
	 * @param batchSize how many media one clean-up run deletes at most
	 */
	public record Cleanup(@DefaultValue("24h") @NotNull Duration unattachedAfter,
			@DefaultValue("5m") @NotNull Duration interval, @DefaultValue("200") @Min(1) @Max(10_000) int batchSize) {

	}

	/**
	 * Upload quotas.
	 *
	 * @param bytesPerDay how many bytes one user may upload per UTC day; an upload over
	 * it is refused with 429 and {@code Retry-After} naming the next day
	 */
	public record Quota(@DefaultValue("1GB") @NotNull DataSize bytesPerDay) {

	}

	/**
	 * How video is processed: probed and transcoded by FFmpeg's programs, run as child
	 * processes, at most {@code processing.concurrency} at once.
	 *
	 * @param maxEdge the longest edge of the transcoded video, in pixels; smaller video
	 * is never upscaled
	 * @param timeout how long probing, transcoding and the poster of one video may take
	 * together before FFmpeg is killed and the video failed; keep it below
	 * {@code processing.lease}, or another replica takes the video over meanwhile
	 * @param threads the threads each FFmpeg process may use
	 * @param encoder the H.264 encoder: {@code libopenh264} in the LGPL build shipped, or
	 * {@code libx264} with a GPL build of FFmpeg
	 * @param videoBitrate the target video bitrate, in kbit/s
	 * @param audioBitrate the AAC bitrate, in kbit/s
	 * @param workDirectory where uploads are transcoded (and the FFmpeg programs
	 * extracted), {@code null} for the JVM's temporary directory; it needs room for twice
	 * the largest video per concurrent transcoding
	 * @param probeTimeout how long a multipart upload waits for FFmpeg to find a video
	 * stream in it; a file that takes longer is left to the background
	 */
	public record Video(@DefaultValue("1280") @Min(64) @Max(4096) int maxEdge,
			@DefaultValue("4m") @NotNull Duration timeout, @DefaultValue("1") @Min(1) @Max(16) int threads,
			@DefaultValue("libopenh264") @NotBlank String encoder,
			@DefaultValue("2000") @Min(100) @Max(50_000) int videoBitrate,
			@DefaultValue("128") @Min(32) @Max(512) int audioBitrate, @Nullable Path workDirectory,
			@DefaultValue("10s") @NotNull Duration probeTimeout) {

		static final Video DEFAULTS = new Video(1280, Duration.ofMinutes(4), 1, "libopenh264", 2000, 128, null,
				Duration.ofSeconds(10));

	}

}
