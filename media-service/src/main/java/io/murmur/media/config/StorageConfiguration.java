package io.murmur.media.config;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.murmur.support.web.StoreUnavailableExceptions;

/**
 * The S3 client and presigner of the media bucket, and the failures that mean a store
 * cannot be reached: a request failing with one is answered 503, not 500.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean(destroyMethod = "close")
	S3Client s3Client(MediaProperties properties) {
		MediaProperties.Storage storage = properties.storage();
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(storage.region()))
			.credentialsProvider(credentials(storage))
			.forcePathStyle(storage.pathStyle());
		if (storage.endpoint() != null) {
			builder.endpointOverride(storage.endpoint());
		}
		return builder.build();
	}

	@Bean(destroyMethod = "close")
	S3Presigner s3Presigner(MediaProperties properties) {
		MediaProperties.Storage storage = properties.storage();
		S3Presigner.Builder builder = S3Presigner.builder()
			.region(Region.of(storage.region()))
			.credentialsProvider(credentials(storage))
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(storage.pathStyle()).build());
		if (storage.endpoint() != null) {
			builder.endpointOverride(storage.endpoint());
		}
		return builder.build();
	}

	private static AwsCredentialsProvider credentials(MediaProperties.Storage storage) {
		if (storage.accessKey().isEmpty()) {
			return DefaultCredentialsProvider.builder().build();
		}
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(storage.accessKey(), storage.secretKey()));
	}

	@Bean
	StoreUnavailableExceptions s3Unavailable() {
		return StoreUnavailableExceptions.of("S3", SdkClientException.class);
	}

}
