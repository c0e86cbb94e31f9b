package io.murmur.localstack.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions of the store servers, filled in from the parent pom at build time so that
 * versions live in one place.
 */
public final class StoreVersions {

	private static final Properties versions = load();

	private StoreVersions() {
	}

	/**
	 * The version for a key of {@code store-versions.properties}.
	 * @param key e.g. {@code kafka}
	 * @return the version
	 */
	public static String get(String key) {
		String version = versions.getProperty(key);
		if (version == null || version.isBlank() || version.startsWith("@")) {
			throw new IllegalStateException("No version for '" + key + "' in store-versions.properties");
		}
		return version;
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (InputStream in = StoreVersions.class
			.getResourceAsStream("/io/murmur/localstack/store-versions.properties")) {
			if (in == null) {
				throw new IllegalStateException("store-versions.properties is missing from the classpath");
			}
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
