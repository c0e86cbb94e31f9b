package io.murmur.media;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * media-service: images and short video. It decides an upload's type from its bytes,
 * refuses what is too large or too big to decode before decoding it, strips metadata,
 * stores size variants with a blurhash in a private S3 bucket, serves them through
 * short-lived presigned URLs or a CDN, and publishes the media events through a
 * transactional outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MediaServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(MediaServiceApplication.class, args);
	}

}
