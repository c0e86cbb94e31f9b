package io.murmur.media.media;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.murmur.support.security.CurrentUser;

/**
 * The public media API. The uploader is always the access token's subject.
 */
@RestController
@RequestMapping(path = "/api/v1/media", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "media", description = "Images and short video: upload, presigned upload, describe")
class MediaController {

	private final MediaService media;

	MediaController(MediaService media) {
		this.media = media;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(operationId = "uploadMedia", summary = "Upload an image or a short video",
			description = "The type is decided from the bytes: JPEG, PNG, WebP, GIF (animated GIFs stay animated), "
					+ "MP4, WebM, MOV. Images up to 16 MB, video up to 100 MB. Images are stored without any "
					+ "metadata, oriented, in sRGB, downscaled to 4096 px with 1280 and 400 px previews. Video is "
					+ "transcoded to an H.264/AAC MP4 of at most 1280 px without metadata, with a poster frame as "
					+ "its previews. Small images are ready at once (201); large images and video are processed in "
					+ "the background (202, state processing).")
	@ApiResponse(responseCode = "201", description = "Stored and ready",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = MediaResponse.class)))
	@ApiResponse(responseCode = "202", description = "Accepted, processing in the background",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = MediaResponse.class)))
	@ApiResponse(responseCode = "400", description = "Missing file, description too long or focus malformed")
	@ApiResponse(responseCode = "413", description = "The file is over its type's limit")
	@ApiResponse(responseCode = "415", description = "The content is of no accepted type")
	@ApiResponse(responseCode = "422",
			description = "The image declares too many pixels (decompression bomb), or is truncated or corrupt")
	@ApiResponse(responseCode = "429", description = "The daily upload quota is used up; see Retry-After")
	ResponseEntity<MediaResponse> upload(@AuthenticationPrincipal Jwt token,
			@Parameter(description = "The file") @RequestPart("file") MultipartFile file,
			@Parameter(description = "Alt text, at most 1,500 characters") @RequestParam(
					required = false) @Nullable String description,
			@Parameter(description = "Focus point \"x,y\", each in [-1, 1]; default \"0,0\"",
					example = "0.2,-0.4") @RequestParam(required = false) @Nullable String focus) {
		return respond(this.media.upload(CurrentUser.of(token), file, description, focus));
	}

	@PostMapping(path = "/uploads", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "createMediaUpload", summary = "Start a presigned upload of a large file",
			description = "Returns a short-lived URL to PUT exactly `size` bytes to, with the headers given. Then "
					+ "complete the upload; the bytes are checked then exactly as a multipart upload's.")
	@ApiResponse(responseCode = "201", description = "Where to upload",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = UploadResponse.class)))
	@ApiResponse(responseCode = "400", description = "Invalid fields")
	@ApiResponse(responseCode = "413", description = "The size is over the type's limit")
	@ApiResponse(responseCode = "415", description = "The content type is not accepted")
	@ApiResponse(responseCode = "429", description = "The daily upload quota is used up; see Retry-After")
	ResponseEntity<UploadResponse> createUpload(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody UploadRequest request) {
		return ResponseEntity.status(201).body(this.media.announce(CurrentUser.of(token), request));
	}

	@PostMapping("/{id}/complete")
	@Operation(operationId = "completeMediaUpload", summary = "Complete a presigned upload",
			description = "Checks the uploaded bytes as a multipart upload's; completing again answers with the "
					+ "media as it is.")
	@ApiResponse(responseCode = "200", description = "Stored and ready",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = MediaResponse.class)))
	@ApiResponse(responseCode = "202", description = "Accepted, processing in the background",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = MediaResponse.class)))
	@ApiResponse(responseCode = "404", description = "No such upload of the caller's")
	@ApiResponse(responseCode = "409", description = "The file has not been uploaded yet")
	@ApiResponse(responseCode = "410", description = "The upload URL expired before the file arrived")
	@ApiResponse(responseCode = "413", description = "The file is over its type's limit")
	@ApiResponse(responseCode = "415", description = "The content is of no accepted type")
	@ApiResponse(responseCode = "422", description = "Wrong size, too many pixels, truncated or corrupt")
	ResponseEntity<MediaResponse> complete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		return respond(this.media.complete(CurrentUser.of(token), mediaId(id)));
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getMedia", summary = "Describe a media, with URLs of its objects",
			description = "206 while the media is not ready yet, 200 once ready, or failed with a reason. Others' "
					+ "media is visible once ready. URLs are short-lived unless a CDN serves the bucket.")
	@ApiResponse(responseCode = "200", description = "Ready, or failed with a reason",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = MediaResponse.class)))
	@ApiResponse(responseCode = "206", description = "Still processing or awaiting its upload",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = MediaResponse.class)))
	@ApiResponse(responseCode = "404", description = "No such media visible to the caller")
	ResponseEntity<MediaResponse> get(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		return respond(this.media.get(CurrentUser.of(token), mediaId(id)));
	}

	private static ResponseEntity<MediaResponse> respond(MediaService.Outcome outcome) {
		return ResponseEntity.status(outcome.status()).body(outcome.media());
	}

	/**
	 * A media id from a path: a positive decimal {@code long}; anything else names no
	 * media.
	 */
	static long mediaId(String id) {
		if (!id.matches("[1-9][0-9]{0,18}")) {
			throw MediaService.notFound();
		}
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw MediaService.notFound();
		}
	}

}
