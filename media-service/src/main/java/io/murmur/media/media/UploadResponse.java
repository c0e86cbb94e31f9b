package io.murmur.media.media;

import java.time.Instant;
import java.util.Map;

/**
 * Where to send the bytes of a presigned upload.
 *
 * @param id the media id, to complete the upload with
 * @param uploadUrl the presigned URL to {@code PUT} the file to
 * @param method always {@code PUT}
 * @param headers the headers the PUT must carry exactly as given (they are signed)
 * @param expiresAt when the URL stops working
 */
public record UploadResponse(String id, String uploadUrl, String method, Map<String, String> headers,
		Instant expiresAt) {

}
