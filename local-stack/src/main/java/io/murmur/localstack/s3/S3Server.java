package io.murmur.localstack.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import io.murmur.localstack.AbstractStoreServer;
import io.murmur.localstack.Store;
import io.murmur.localstack.StoreContext;
import io.murmur.localstack.StoreFiles;
import io.murmur.localstack.process.ManagedProcess;
import io.murmur.localstack.process.RestartableProcess.Stopper;

/**
 * A real S3 API, <a href="https://github.com/gaul/s3proxy">S3Proxy</a> over its
 * filesystem backend, in its own JVM. Requests are authenticated with AWS signatures (v2
 * and v4, presigned URLs included) against credentials generated for each run, so that a
 * wrong key or a tampered URL fails here as it would against AWS. Its JVM shares an
 * application class-data archive with earlier runs on this machine, to start faster.
 * <p>
 * Buckets and objects are files under the store's data directory: a {@link #stop()
 * stopped} server serves them again after {@link #restart()}, with the same credentials.
 */
public final class S3Server extends AbstractStoreServer {

	private static final String HOST = "127.0.0.1";

	private static final String REGION = "us-east-1";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration STOP_GRACE = Duration.ofSeconds(10);

	private static final SecureRandom random = new SecureRandom();

	private final StoreContext context;

	private final URI endpoint;

	private final String accessKey;

	private final String secretKey;

	private @Nullable S3Client client;

	private S3Server(StoreContext context, URI endpoint, String accessKey, String secretKey,
			Supplier<ManagedProcess> launcher) {
		super("S3Proxy at " + endpoint, launcher, READY_TIMEOUT, Stopper.terminate(STOP_GRACE));
		this.context = context;
		this.endpoint = endpoint;
		this.accessKey = accessKey;
		this.secretKey = secretKey;
	}

	/**
	 * Starts S3Proxy and waits until it lists buckets for the generated credentials.
	 * @param context the store context
	 * @return the running server
	 */
	public static S3Server start(StoreContext context) {
		Path jar = context.artifacts()
			.artifact("org.gaul:s3proxy:jar:jar-with-dependencies:" + context.version("s3proxy"));
		URI endpoint = URI.create("http://" + HOST + ":" + context.freePort());
		String accessKey = randomString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 20);
		String secretKey = randomString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40);
		Path configuration = writeConfiguration(context.home().resolve("s3proxy.conf"),
				String.join("\n", "s3proxy.endpoint=" + endpoint, "s3proxy.authorization=aws-v2-or-v4",
						"s3proxy.identity=" + accessKey, "s3proxy.credential=" + secretKey,
						"jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + context.dataDir(), ""));
		Path archive = context.cacheDir("s3proxy-" + context.version("s3proxy"))
			.resolve("s3proxy-jdk-" + Runtime.version() + ".jsa");
		List<String> command = List.of(context.jdks().currentJava().toString(), "-Xms32m", "-Xmx256m",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:+AutoCreateSharedArchive",
				"-Xlog:cds=off", "-XX:SharedArchiveFile=" + archive, "-Djava.awt.headless=true",
				"-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener", "-jar", jar.toString(),
				"--properties", configuration.toString());
		S3Server server = new S3Server(context, endpoint, accessKey, secretKey, () -> context.launch(command));
		try {
			server.startProcess();
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	private static String randomString(String alphabet, int length) {
		StringBuilder builder = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			builder.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return builder.toString();
	}

	private static Path writeConfiguration(Path file, String content) {
		try {
			Files.deleteIfExists(file);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			return Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The S3 endpoint; clients must use path-style addressing.
	 * @return e.g. {@code http://127.0.0.1:8080}
	 */
	public URI endpointUri() {
		return this.endpoint;
	}

	public String accessKey() {
		return this.accessKey;
	}

	public String secretKey() {
		return this.secretKey;
	}

	public String region() {
		return REGION;
	}

	@Override
	public Store store() {
		return Store.S3;
	}

	@Override
	public String endpoint() {
		return this.endpoint.toString();
	}

	/**
	 * The {@code murmur.s3.*} properties every service reads to reach S3.
	 * @return endpoint, access key, secret key and region
	 */
	@Override
	public Map<String, String> springProperties() {
		return Map.of("murmur.s3.endpoint", endpoint(), "murmur.s3.access-key", this.accessKey, "murmur.s3.secret-key",
				this.secretKey, "murmur.s3.region", REGION);
	}

	/**
	 * Whether S3Proxy lists the buckets for the generated credentials.
	 */
	@Override
	protected boolean answers() {
		return client().listBuckets().buckets() != null;
	}

	private synchronized S3Client client() {
		if (this.client == null) {
			this.client = S3Client.builder()
				.endpointOverride(this.endpoint)
				.region(Region.of(REGION))
				.credentialsProvider(
						StaticCredentialsProvider.create(AwsBasicCredentials.create(this.accessKey, this.secretKey)))
				.forcePathStyle(true)
				.overrideConfiguration((override) -> override.apiCallTimeout(Duration.ofSeconds(10))
					.apiCallAttemptTimeout(Duration.ofSeconds(5)))
				.build();
		}
		return this.client;
	}

	/**
	 * Stops S3Proxy and removes the stored objects; the log stays.
	 */
	@Override
	public synchronized void close() {
		if (this.client != null) {
			this.client.close();
			this.client = null;
		}
		if (closeProcess()) {
			StoreFiles.deleteRecursively(this.context.dataDir());
		}
	}

}
