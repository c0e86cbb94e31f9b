package io.murmur.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import org.springframework.stereotype.Component;

import io.murmur.media.config.MediaProperties;

/**
 * The private bucket. Objects of ready media are immutable (a media id's variants never
 * change), so they are stored with {@code Cache-Control: public, max-age=31536000,
 * immutable}, which a CDN in front of the bucket passes on. Uploads of the presigned flow
 * and uploads waiting for background processing live under {@code incoming/} until they
 * are processed or refused.
 */
@Component
public class MediaStorage {

	private static final Log log = LogFactory.getLog(MediaStorage.class);

	/** How long clients and CDNs may keep an object: it never changes. */
	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	private final S3Client s3;

	private final S3Presigner presigner;

	private final MediaProperties.Serving serving;

	private final String bucket;

	public MediaStorage(S3Client s3, S3Presigner presigner, MediaProperties properties) {
		this.s3 = s3;
		this.presigner = presigner;
		this.serving = properties.serving();
		this.bucket = properties.storage().bucket();
		createBucket();
	}

	private void createBucket() {
		try {
			this.s3.createBucket((request) -> request.bucket(this.bucket));
			log.info("Created bucket " + this.bucket);
		}
		catch (BucketAlreadyOwnedByYouException ex) {
			// created by an earlier start or another replica
		}
		catch (S3Exception ex) {
			if (ex.statusCode() != 409) {
				throw ex;
			}
		}
	}

	/** The key of a variant of a media. */
	public static String variantKey(long mediaId, String variant, String extension) {
		return "media/" + mediaId + "/" + variant + "." + extension;
	}

	/** The key an upload waits under until it is processed. */
	public static String incomingKey(long mediaId) {
		return "incoming/" + mediaId;
	}

	/**
	 * Stores an immutable object of a ready media.
	 * @param key the key
	 * @param contentType its content type
	 * @param bytes its content
	 */
	public void put(String key, String contentType, byte[] bytes) {
		this.s3.putObject((request) -> request.bucket(this.bucket)
			.key(key)
			.contentType(contentType)
			.cacheControl(IMMUTABLE)
			.contentLength((long) bytes.length), RequestBody.fromBytes(bytes));
	}

	/**
	 * Stores an object from a stream.
	 * @param key the key
	 * @param contentType its content type
	 * @param content the content
	 * @param length its length
	 */
	public void put(String key, String contentType, InputStream content, long length) {
		this.s3.putObject((request) -> request.bucket(this.bucket)
			.key(key)
			.contentType(contentType)
			.cacheControl(IMMUTABLE)
			.contentLength(length), RequestBody.fromInputStream(content, length));
	}

	/**
	 * The size of an object.
	 * @param key the key
	 * @return its size, or empty when there is none
	 */
	public OptionalLong size(String key) {
		try {
			return OptionalLong
				.of(this.s3.headObject((request) -> request.bucket(this.bucket).key(key)).contentLength());
		}
		catch (NoSuchKeyException ex) {
			return OptionalLong.empty();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return OptionalLong.empty();
			}
			throw ex;
		}
	}

	/**
	 * Reads an object whole.
	 * @param key the key
	 * @return its bytes
	 */
	public byte[] read(String key) {
		try (ResponseInputStream<GetObjectResponse> object = open(key)) {
			return object.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Opens an object for reading.
	 * @param key the key
	 * @return the stream, to close
	 */
	public ResponseInputStream<GetObjectResponse> open(String key) {
		return this.s3.getObject((request) -> request.bucket(this.bucket).key(key));
	}

	/**
	 * Deletes objects; deleting one that is not there is no failure.
	 * @param keys the keys
	 */
	public void delete(Collection<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		List<ObjectIdentifier> objects = keys.stream()
			.map((key) -> ObjectIdentifier.builder().key(key).build())
			.toList();
		this.s3
			.deleteObjects((request) -> request.bucket(this.bucket).delete(Delete.builder().objects(objects).build()));
	}

	/**
	 * A URL a client uploads one object to with {@code PUT}, valid for
	 * {@code murmur.media.serving.upload-url-ttl}. The content type and length are
	 * signed: a PUT with another length (or type) fails S3's signature check.
	 * @param key the key
	 * @param contentType the content type the client must send
	 * @param length the exact length the client must send
	 * @return the URL and its expiry
	 */
	public PresignedUpload presignUpload(String key, String contentType, long length) {
		PresignedPutObjectRequest presigned = this.presigner
			.presignPutObject((request) -> request.signatureDuration(this.serving.uploadUrlTtl())
				.putObjectRequest(
						(put) -> put.bucket(this.bucket).key(key).contentType(contentType).contentLength(length)));
		return new PresignedUpload(URI.create(presigned.url().toString()), presigned.expiration(),
				presigned.signedHeaders().keySet().stream().toList());
	}

	/**
	 * Where a client downloads an object: under the CDN when one is configured, else a
	 * presigned URL of the bucket valid for
	 * {@code murmur.media.serving.download-url-ttl}.
	 * @param key the key
	 * @return the URL
	 */
	public URI url(String key) {
		URI cdn = this.serving.cdnBaseUrl();
		if (cdn != null) {
			String base = cdn.toString();
			return URI.create(base.endsWith("/") ? base + key : base + "/" + key);
		}
		return URI.create(
				this.presigner
					.presignGetObject((request) -> request.signatureDuration(this.serving.downloadUrlTtl())
						.getObjectRequest((get) -> get.bucket(this.bucket).key(key)))
					.url()
					.toString());
	}

	/**
	 * A presigned upload.
	 *
	 * @param url where to PUT
	 * @param expiresAt when the URL stops working
	 * @param signedHeaders the headers the PUT must carry as signed
	 */
	public record PresignedUpload(URI url, Instant expiresAt, List<String> signedHeaders) {

	}

}
